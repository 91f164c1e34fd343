using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.DemoBorough.SocialWorkText;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Two years of social work on the borough's own cases, as the social work services would have written it: who held
/// each case (allocations), an assessment for each referral that was not "no further action", child in need plans with
/// actions and reviews, visits, case notes, supervision with management oversight and its actions, and the closure or
/// step-down that ended each episode. Everything follows the episodes InvolvementBuilder and the front door made: no
/// second set of cases. Due dates come from <see cref="SocialWorkRules"/> through the real working-day calendar.
/// Rows are numbered in the order the services would have saved them; chronology entries and access log records are
/// added beside each step with the same areas, kinds, wording and links the services use.
/// </summary>
internal sealed class SocialWorkBuilder(Random rng, DateOnly asOf, DemoStaff staff, WorkingDayCalendar calendar,
    IReadOnlyDictionary<Guid, Person> people, ChronologyBuilder chronology, AccessHistoryBuilder access)
{
    /// <summary>The kinds of case social work visits, assesses and plans for.</summary>
    private static readonly InvolvementKind[] SocialCare =
        [InvolvementKind.Assessment, InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection, InvolvementKind.LookedAfter];

    private sealed record Step(StaffUser Worker, DateOnly From, DateOnly? To, string Reason);

    /// <summary>A referral's episode: the social care cases it opened, one after another, and when the last ended.</summary>
    private sealed record Episode(Referral Referral, List<Involvement> Chain, DateOnly? End)
    {
        public Assessment? Assessment { get; set; }
        public ChildInNeedPlan? Plan { get; set; }
    }

    private readonly SocialWorkRules _rules = new();
    private readonly DateOnly _from = asOf.AddYears(-2);
    private readonly DateTime _dayOne = FrontDoorClock.At(asOf, 0);
    private readonly Dictionary<int, List<Step>> _held = [];
    private readonly Dictionary<Guid, DateTime> _restricted = [];
    private readonly List<(ChronologyEntry Entry, Func<string> Link)> _links = [];
    private readonly List<Action> _afterNumbering = [];
    private readonly Dictionary<CaseNote, ChronologyEntry> _noteEntries = [];
    private readonly Dictionary<PlanActionProgress, (PlanAction Action, ChildInNeedMeeting? Meeting)> _progressOf = [];
    private readonly Dictionary<ManagementOversight, Supervision> _sessionOf = [];
    private readonly List<(Authorisation Decision, Func<int> SubjectId)> _pendingSubjects = [];
    private Guid _longHistory;

    public DemoSocialWork Rows { get; } = new();

    // ---- The long-history child ----

    /// <summary>
    /// Gives one looked-after child a ten-year history before their current episode (child in need, a child protection
    /// plan, child in need again), so the demo has a record with hundreds of events. Called before people are numbered,
    /// so they are added to Safeguard when their first case began. Returns their id.
    /// </summary>
    public static Guid AddLongHistory(Random rng, DateOnly asOf, DemoFamilies families, List<Involvement> involvements, DemoStaff staff)
    {
        var byPerson = involvements.ToLookup(i => i.PersonId);
        var tenYearsAgo = asOf.AddYears(-10);
        var child = families.Households.SelectMany(h => h.BornChildren)
            .Where(c => c.AgeOn(asOf) is >= 12 and <= 15 && c.DateOfBirth < tenYearsAgo.AddYears(-1)
                && byPerson[c.Id].Any(i => i.EndDate is null && i.Kind == InvolvementKind.LookedAfter && i.WorkerId is not null)
                && byPerson[c.Id].All(i => i.StartDate > asOf.AddYears(-5)))
            .OrderBy(c => c.Id).First();
        var first = byPerson[child.Id].Min(i => i.StartDate);
        Team Team(TeamKind kind) => staff.TeamsOf(kind).First();
        StaffUser Worker(Team t) => rng.Pick(staff.Workers[t]);
        void Add(InvolvementKind kind, TeamKind team, DateOnly start, DateOnly end)
        {
            var t = Team(team);
            var w = Worker(t);
            involvements.Add(new Involvement
            {
                Id = involvements.Count + 1, PersonId = child.Id, Kind = kind, StartDate = start.Weekday(), EndDate = end.Weekday(),
                TeamId = t.Id, Team = t, WorkerId = w.Id, Worker = w,
            });
        }
        var a = tenYearsAgo.AddDays(rng.Next(0, 60));
        Add(InvolvementKind.Assessment, TeamKind.Assessment, a, a.AddDays(35));
        Add(InvolvementKind.ChildInNeed, TeamKind.ChildInNeed, a.AddDays(35), a.AddDays(35 + 600));
        Add(InvolvementKind.ChildProtection, TeamKind.ChildProtection, a.AddDays(635), a.AddDays(635 + 480));
        var back = a.AddDays(1115);
        var until = first.AddDays(-40);
        if (until > back.AddDays(120)) Add(InvolvementKind.ChildInNeed, TeamKind.ChildInNeed, back, until);
        var household = families.Households.First(h => h.Children.Contains(child));
        if (a < household.FirstKnown) household.FirstKnown = a.Weekday();
        return child.Id;
    }

    // ---- Allocations ----

    /// <summary>
    /// Decides who held each allocated case and when: usually the current worker from the start, sometimes one or two
    /// earlier workers first. Brothers and sisters in one episode share the history. A case awaiting allocation was
    /// held by a worker who has since left. Called before the involvements' chronology, which names the first worker.
    /// </summary>
    public void PlanAllocations(IReadOnlyList<Involvement> involvements)
    {
        var shared = new Dictionary<(int?, string?, DateOnly, DateOnly?, InvolvementKind), List<Step>>();
        foreach (var i in involvements)
        {
            if (i.Team is null) continue;
            var key = (i.TeamId, i.WorkerId, i.StartDate, i.EndDate, i.Kind);
            if (!shared.TryGetValue(key, out var steps)) shared[key] = steps = History(i);
            if (steps.Count > 0) _held[i.Id] = steps;
        }
    }

    /// <summary>The worker who held the case when it began (the involvement's chronology names them).</summary>
    public StaffUser? FirstWorker(Involvement i) => _held.TryGetValue(i.Id, out var steps) && steps[0].From == i.StartDate ? steps[0].Worker : i.Worker;

    private List<Step> History(Involvement i)
    {
        var team = i.Team!;
        var pool = staff.Workers.GetValueOrDefault(team, []).Concat(staff.Leavers.GetValueOrDefault(team, [])).ToList();
        var last = i.EndDate ?? asOf.AddDays(-1);
        if (i.Worker is null)
        {
            // Awaiting allocation: the worker who held it left a few weeks ago.
            var left = asOf.AddDays(-rng.Next(5, 40));
            var leavers = staff.Leavers.GetValueOrDefault(team, []);
            if (left <= i.StartDate.AddDays(7) || pool.Count == 0) return [];
            return [new Step(leavers.Count > 0 ? rng.Pick(leavers) : rng.Pick(pool), i.StartDate, left, rng.Pick(AllocationReasons))];
        }
        var others = pool.Where(w => w != i.Worker).ToList();
        var days = last.DayNumber - i.StartDate.DayNumber;
        var moves = days > 120 && others.Count > 0 && rng.Chance(0.18) ? (rng.Chance(0.3) ? 2 : 1) : 0;
        var switches = Enumerable.Range(0, moves).Select(_ => i.StartDate.AddDays(rng.Next(30, days - 20)).Weekday()).Distinct().Order().ToList();
        var steps = new List<Step>();
        var from = i.StartDate;
        foreach (var s in switches.Where(s => s > i.StartDate))
        {
            steps.Add(new Step(rng.Pick(others), from, s, steps.Count == 0 ? rng.Pick(AllocationReasons) : rng.Pick(ReallocationReasons)));
            from = s;
        }
        steps.Add(new Step(i.Worker, from, i.EndDate, steps.Count == 0 ? rng.Pick(AllocationReasons) : rng.Pick(ReallocationReasons)));
        return steps;
    }

    /// <summary>Who held the case on the day (null while it waits for allocation).</summary>
    public StaffUser? HolderOn(Involvement i, DateOnly day)
    {
        if (!_held.TryGetValue(i.Id, out var steps)) return null;
        foreach (var s in steps)
            if (s.From <= day && (s.To is null || s.To > day)) return s.Worker;
        return null;
    }

    private StaffUser Manager(Involvement i) => staff.Managers[i.Team!];

    // ---- Building ----

    public Guid Build(List<Involvement> involvements, DemoFrontDoor frontDoor, IEnumerable<RecordRestriction> restrictions, Guid longHistory, double size)
    {
        _longHistory = longHistory;
        foreach (var r in restrictions) _restricted[r.PersonId] = r.CreatedAtUtc;
        var episodes = Episodes(involvements, frontDoor.Referrals);
        AddStepDowns(episodes, involvements);
        AddAllocations(involvements);
        foreach (var e in episodes)
        {
            if (_restricted.ContainsKey(e.Referral.PersonId)) continue;
            AddAssessment(e, frontDoor.ContactOf.GetValueOrDefault(e.Referral));
            AddPlans(e);
        }
        var byPerson = involvements.ToLookup(i => i.PersonId);
        foreach (var e in episodes.Where(e => e.End is not null && !_restricted.ContainsKey(e.Referral.PersonId))) AddClosure(e, byPerson[e.Referral.PersonId]);
        AddPendingClosures(episodes, size);
        AddVisitsAndNotes(involvements);
        AddSupervision(involvements);
        Number();
        return _longHistory;
    }

    /// <summary>
    /// About a third of the assessments that ended with no plan stepped the family down to early help (RC9), as the
    /// closure service does it: an early help case opened the day the episode closed, with a worker soon after.
    /// </summary>
    private void AddStepDowns(List<Episode> episodes, List<Involvement> involvements)
    {
        var teams = staff.TeamsOf(TeamKind.EarlyHelp).ToList();
        foreach (var e in episodes.Where(e => e.Referral.ClosureReason == "RC8" && e.End is not null && e.Chain.Count == 1 && !_restricted.ContainsKey(e.Referral.PersonId)))
        {
            if (!rng.Chance(0.33)) continue;
            var team = rng.Pick(teams);
            var worker = rng.Pick(staff.Workers[team]);
            var start = e.End!.Value;
            DateOnly? end = start.AddDays(rng.Next(60, 300)).Weekday();
            if (end >= asOf) end = null;
            var i = new Involvement
            {
                Id = involvements.Count + 1, PersonId = e.Referral.PersonId, Kind = InvolvementKind.EarlyHelp, StartDate = start, EndDate = end,
                TeamId = team.Id, Team = team, WorkerId = worker.Id, Worker = worker,
            };
            involvements.Add(i);
            e.Referral.ClosureReason = "RC9";
            _held[i.Id] = History(i);
            var label = Involvement.Label(i.Kind);
            var first = _held[i.Id][0].Worker;
            chronology.Add(i.PersonId, Before(rng.WorkingMoment(start, fromHour: 17, hours: 0.5)), first.DisplayName, ChronologyKinds.InvolvementStarted,
                $"{label} started: {team.Name}, allocated to {first.DisplayName}");
            if (end is { } ended)
                chronology.Add(i.PersonId, rng.WorkingMoment(ended, fromHour: 12, hours: 5), worker.DisplayName, ChronologyKinds.InvolvementEnded, $"{label} ended");
        }
    }

    private void AddAllocations(IReadOnlyList<Involvement> involvements)
    {
        foreach (var i in involvements)
        {
            if (!_held.TryGetValue(i.Id, out var steps)) continue;
            var manager = Manager(i);
            DateTime? previousEnd = null;
            Allocation? previous = null;
            foreach (var s in steps)
            {
                var at = previousEnd ?? Before(rng.WorkingMoment(s.From, fromHour: 12, hours: 5));
                var a = new Allocation
                {
                    PersonId = i.PersonId, InvolvementId = i.Id, TeamId = i.TeamId!.Value, WorkerId = s.Worker.Id, WorkerName = s.Worker.DisplayName,
                    FromUtc = at, Reason = s.Reason, AllocatedById = manager.Id, AllocatedByName = manager.DisplayName,
                };
                if (s.To is { } to) a.ToUtc = previousEnd = Before(rng.WorkingMoment(to, fromHour: 12, hours: 5));
                if (a.ToUtc <= a.FromUtc) a.ToUtc = a.FromUtc.AddMinutes(5);
                Rows.Allocations.Add(a);
                var what = previous is null
                    ? $"{Involvement.Label(i.Kind)} allocated to {a.WorkerName} ({i.Team!.Name}): {ContactService.Shorten(a.Reason)}"
                    : $"{Involvement.Label(i.Kind)} reallocated from {previous.WorkerName} to {a.WorkerName} ({i.Team!.Name}): {ContactService.Shorten(a.Reason)}";
                Note(i.PersonId, at, at, manager, SocialWorkChronology.Allocated, what, false, null);
                access.Add(manager, at, AccessAction.Changed, i.PersonId, what);
                previous = a;
            }
        }
    }

    /// <summary>Each referral that was not "no further action" with the cases it opened (as FrontDoorPlanner matched them).</summary>
    private List<Episode> Episodes(IReadOnlyList<Involvement> involvements, List<Referral> referrals)
    {
        var socialCare = involvements.Where(i => SocialCare.Contains(i.Kind)).ToLookup(i => i.PersonId);
        var episodes = new List<Episode>();
        var used = new HashSet<int>();
        foreach (var r in referrals.Where(r => !r.NoFurtherAction).OrderBy(r => r.ReferralDate).ThenBy(r => r.Id))
        {
            var list = socialCare[r.PersonId].OrderBy(i => i.StartDate).ThenBy(i => i.Id).ToList();
            var first = list.FirstOrDefault(i => i.StartDate >= r.ReferralDate && i.StartDate <= r.ReferralDate.AddDays(7) && !used.Contains(i.Id));
            if (first is null) continue;
            var chain = new List<Involvement> { first };
            var end = first.EndDate;
            foreach (var next in list.Where(o => o.StartDate > first.StartDate || (o.StartDate == first.StartDate && o.Id > first.Id)))
            {
                if (end is null || next.StartDate > end.Value.AddDays(7)) break;
                chain.Add(next);
                end = next.EndDate is null ? null : (next.EndDate > end ? next.EndDate : end);
            }
            foreach (var i in chain) used.Add(i.Id);
            episodes.Add(new Episode(r, chain, r.ClosedOn is null ? null : end));
        }
        return episodes;
    }

    // ---- Assessments ----

    private void AddAssessment(Episode e, Contact? contact)
    {
        var r = e.Referral;
        var inv = e.Chain[0];
        var worker = HolderOn(inv, inv.StartDate);
        if (worker is null || inv.Team is null) return;
        var manager = Manager(inv);
        var child = people[r.PersonId];
        var due = _rules.Assessment.DueDate(r.ReferralDate, calendar);
        var seenDue = _rules.ChildSeen.DueDate(r.ReferralDate, calendar);
        var start = calendar.AddWorkingDays(r.ReferralDate, rng.Next(0, 3));
        if (start >= asOf || (inv.EndDate is { } ended && start > ended)) start = r.ReferralDate;
        // A case that opened straight as child in need (or a plan) came of this assessment: it began no later.
        if (inv.Kind != InvolvementKind.Assessment && start > inv.StartDate) start = inv.StartDate;
        var created = Later(Before(rng.WorkingMoment(start, fromHour: 8.5, hours: 1)), r.CreatedAtUtc.AddMinutes(rng.Next(10, 90)));
        if (created >= _dayOne) return;

        DateOnly? authorisedOn = inv.Kind == InvolvementKind.Assessment ? inv.EndDate
            : Earlier(calendar.AddWorkingDays(r.ReferralDate, rng.Next(10, 40)), Earlier(e.End ?? asOf.AddDays(-1), asOf.AddDays(-1)));
        if (authorisedOn < start) authorisedOn = start;
        var a = new Assessment
        {
            PersonId = r.PersonId, ReferralId = r.Id, TeamId = inv.TeamId!.Value, WorkerId = worker.Id, WorkerName = worker.DisplayName,
            StartDate = start, DueDate = due, ChildSeenDueDate = seenDue, CreatedAtUtc = created, UpdatedAtUtc = created, Version = rng.NextGuid(),
            PrimaryNeedCode = r.PrimaryNeedCode == "N0" ? null : r.PrimaryNeedCode, Stage = AssessmentStage.InProgress,
        };
        e.Assessment = a;
        Rows.Assessments.Add(a);
        Note(a.PersonId, created, created, worker, SocialWorkChronology.AssessmentStarted,
            $"Child and family assessment started {start:d MMMM yyyy} by {a.WorkerName}; due by {a.DueDate:d MMMM yyyy}", false, null);
        _afterNumbering.Add(() => access.Add(worker, created, AccessAction.Created, a.PersonId, $"Assessment {a.Id} started"));

        var last = authorisedOn ?? asOf.AddDays(-1);
        // Seen within the 7 working days mostly; a few later.
        var seenOn = calendar.AddWorkingDays(r.ReferralDate, rng.Chance(0.86) ? rng.Next(0, 7) : rng.Next(7, 14));
        var notSeenYet = authorisedOn is null && (seenOn >= asOf || rng.Chance(asOf > seenDue ? 0.08 : 0.5));
        if (seenOn > last) seenOn = last;
        if (!notSeenYet) Seen(a, child, seenOn, last);
        var outcome = inv.Kind != InvolvementKind.Assessment ? OutcomeOf(inv.Kind)
            : e.Chain.Count > 1 ? OutcomeOf(e.Chain[1].Kind)
            : r.ClosureReason == "RC9" ? AssessmentOutcome.EarlyHelp : AssessmentOutcome.NoFurtherAction;

        if (authorisedOn is { } on)
        {
            Complete(a, contact, outcome);
            // Late: the worker says why when they send it (the manager would not authorise it without).
            if (on > due) a.LateReason = rng.Pick(LateReasons);
            var submitted = on;
            if (rng.Chance(0.08) && calendar.WorkingDaysBetween(start, on) > 6)
            {
                // Sent back once, then authorised.
                var first = Later(start, calendar.AddWorkingDays(on, -rng.Next(4, 7)));
                var back = calendar.AddWorkingDays(first, 1);
                Submit(a, worker, first, due);
                Decide(a, manager, back, approve: false, rng.Pick(ReturnReasons));
            }
            else submitted = Later(start, calendar.AddWorkingDays(on, -rng.Next(0, 3)));
            if (submitted < start) submitted = start;
            Submit(a, worker, submitted, due);
            Decide(a, manager, on, approve: true, rng.Pick(AuthoriseReasons));
            // The census's primary need is the one reviewed at assessment.
            r.PrimaryNeedCode = a.PrimaryNeedCode!;
            return;
        }

        // Open on day one: in progress (some late, some with the child not yet seen) or waiting for the manager.
        var sinceReferral = calendar.WorkingDaysBetween(r.ReferralDate, asOf);
        if (a.ChildSeenOn is not null && sinceReferral >= 8 && rng.Chance(0.28))
        {
            Complete(a, contact, rng.Weighted([(AssessmentOutcome.ChildInNeedPlan, 50.0), (AssessmentOutcome.NoFurtherAction, 25.0), (AssessmentOutcome.EarlyHelp, 25.0)]));
            Submit(a, worker, Later(start, calendar.AddWorkingDays(asOf, -rng.Next(1, 5))), due);
            return;
        }
        if (rng.Chance(0.5)) a.Analysis = rng.Pick(Analysis);
        if (a.ChildSeenOn is not null && rng.Chance(0.6)) a.Factors.AddRange(FactorsOf(contact).Select(c => new AssessmentFactor { Code = c }));
        if (a.ChildSeenOn is not null && sinceReferral >= 10 && rng.Chance(0.08))
        {
            Complete(a, contact, AssessmentOutcome.ChildInNeedPlan);
            var sent = Later(start, calendar.AddWorkingDays(asOf, -rng.Next(4, 8)));
            Submit(a, worker, sent, due);
            Decide(a, manager, Earlier(calendar.AddWorkingDays(sent, 1), asOf.AddDays(-1)), approve: false, rng.Pick(ReturnReasons));
        }
    }

    private static AssessmentOutcome OutcomeOf(InvolvementKind next) => next switch
    {
        InvolvementKind.ChildInNeed => AssessmentOutcome.ChildInNeedPlan,
        InvolvementKind.ChildProtection => AssessmentOutcome.StrategyDiscussion,
        InvolvementKind.LookedAfter => AssessmentOutcome.BecomesLookedAfter,
        _ => AssessmentOutcome.NoFurtherAction,
    };

    private void Seen(Assessment a, Person child, DateOnly seenOn, DateOnly last)
    {
        a.ChildSeenOn = seenOn;
        if (child.AgeOn(seenOn) is not { } age || age < 4)
            a.NotSeenAloneReason = child.DateOfBirth is null || child.DateOfBirth > seenOn ? "Unborn baby: the mother was seen" : "Too young to be seen alone: seen with their parent";
        else if (rng.Chance(0.85)) a.ChildSeenAloneOn = Earlier(calendar.AddWorkingDays(seenOn, rng.Chance(0.6) ? 0 : rng.Next(1, 8)), last);
        else a.NotSeenAloneReason = rng.Pick(NotAloneReasons);
    }

    private void Complete(Assessment a, Contact? contact, AssessmentOutcome outcome)
    {
        if (a.Factors.Count == 0) a.Factors.AddRange(FactorsOf(contact).Select(c => new AssessmentFactor { Code = c }));
        a.Analysis ??= rng.Pick(Analysis);
        a.ChildViews = rng.Pick(ChildViews);
        a.FamilyViews = rng.Pick(FamilyViews);
        a.Outcome = outcome;
        a.PrimaryNeedCode ??= rng.Weighted([("N1", 52.0), ("N2", 8.0), ("N3", 6.0), ("N4", 10.0), ("N5", 16.0), ("N6", 4.0), ("N7", 1.0), ("N8", 2.0), ("N9", 1.0)]);
        if (a.ChildSeenOn is null) Seen(a, people[a.PersonId], a.StartDate, a.StartDate);
    }

    /// <summary>Mostly the factors the contact raised; now and then one more found, or one not borne out.</summary>
    private List<string> FactorsOf(Contact? contact)
    {
        var codes = contact?.Factors.Select(f => f.Code).Where(c => c != "21").Distinct().ToList() ?? [];
        if (codes.Count > 1 && rng.Chance(0.15)) codes.RemoveAt(rng.Next(codes.Count));
        if (rng.Chance(0.3) || codes.Count == 0)
        {
            var extra = rng.Pick(AssessmentService.Factors.Items).Code;
            if (extra != "21" && !codes.Contains(extra)) codes.Add(extra);
        }
        return codes.Count == 0 ? ["21"] : codes;
    }

    private void Submit(Assessment a, StaffUser worker, DateOnly on, DateOnly due)
    {
        var at = Before(Later(rng.WorkingMoment(on, fromHour: 9.5, hours: 3), a.CreatedAtUtc.AddMinutes(30)));
        a.Stage = AssessmentStage.AwaitingAuthorisation;
        a.SubmittedAtUtc = a.UpdatedAtUtc = at;
        if (on > due) a.LateReason ??= rng.Pick(LateReasons);
        Note(a.PersonId, at, at, worker, SocialWorkChronology.AssessmentSubmitted,
            $"Child and family assessment sent to the manager for authorisation (outcome: {AssessmentService.Label(a.Outcome!.Value).ToLowerInvariant()})", false, null);
        _afterNumbering.Add(() => access.Add(worker, at, AccessAction.Changed, a.PersonId, $"Assessment {a.Id} submitted"));
    }

    private void Decide(Assessment a, StaffUser manager, DateOnly on, bool approve, string reason)
    {
        var at = Before(Later(rng.WorkingMoment(on, fromHour: 13, hours: 4), a.SubmittedAtUtc!.Value.AddMinutes(20)));
        var decision = new Authorisation
        {
            PersonId = a.PersonId, Subject = AuthorisationSubject.Assessment, Approved = approve, Reason = reason, AtUtc = at, ById = manager.Id, ByName = manager.DisplayName,
        };
        Rows.Authorisations.Add(decision);
        _afterNumbering.Add(() => decision.SubjectId = a.Id);
        a.UpdatedAtUtc = at;
        string summary;
        if (approve)
        {
            a.Stage = AssessmentStage.Authorised;
            a.AuthorisedOn = FrontDoorClock.UkDate(at);
            (a.AuthorisedAtUtc, a.AuthorisedById, a.AuthorisedByName) = (at, manager.Id, manager.DisplayName);
            var late = a.AuthorisedOn > a.DueDate ? $" ({calendar.WorkingDaysBetween(a.DueDate, a.AuthorisedOn!.Value)} working days late)" : "";
            summary = $"Child and family assessment authorised by {manager.DisplayName}{late}: {AssessmentService.Label(a.Outcome!.Value).ToLowerInvariant()}. {ContactService.Shorten(reason)}";
        }
        else
        {
            a.Stage = AssessmentStage.InProgress;
            summary = $"Child and family assessment returned to {a.WorkerName} by {manager.DisplayName}: {ContactService.Shorten(reason)}";
        }
        Note(a.PersonId, at, at, manager, approve ? SocialWorkChronology.AssessmentAuthorised : SocialWorkChronology.AssessmentReturned, summary, approve, null);
        _afterNumbering.Add(() => access.Add(manager, at, AccessAction.Changed, a.PersonId, $"Assessment {a.Id} {(approve ? "authorised" : "returned to the worker")}"));
    }

    // ---- Child in need plans ----

    /// <summary>
    /// A plan for each child in need case of the episode, as ChildInNeedPlanService allows it: written after the
    /// episode's assessment was authorised with the outcome "a child in need plan", dated from the case's start
    /// (never before the assessment began). A child stepping down from a child protection plan or care within the
    /// episode followed an assessment with another outcome; Safeguard would ask for a new assessment first, which the
    /// demo does not write, so their child in need case has no plan here. Only episodes with a referral in the two
    /// years get plans: cases open before then have no recorded referral or assessment, so no plan is written for
    /// them (were one written, it would follow no assessment Safeguard holds).
    /// </summary>
    private void AddPlans(Episode e)
    {
        if (e.Assessment is not { Stage: AssessmentStage.Authorised, Outcome: AssessmentOutcome.ChildInNeedPlan }) return;
        for (var k = 0; k < e.Chain.Count; k++)
        {
            var cin = e.Chain[k];
            if (cin.Kind != InvolvementKind.ChildInNeed || cin.StartDate >= asOf) continue;
            var worker = HolderOn(cin, cin.StartDate) ?? (k > 0 ? HolderOn(e.Chain[k - 1], cin.StartDate.AddDays(-1)) : null) ?? Manager(cin);
            var manager = Manager(cin);
            if (worker == manager) continue;
            var created = Before(Later(rng.WorkingMoment(cin.StartDate, fromHour: 9, hours: 3), e.Assessment?.AuthorisedAtUtc?.AddMinutes(30) ?? DateTime.MinValue));
            if (created >= _dayOne.AddHours(-1)) continue;
            var plan = new ChildInNeedPlan
            {
                PersonId = cin.PersonId, ReferralId = e.Referral.Id, TeamId = cin.TeamId!.Value, StartDate = cin.StartDate, Aims = rng.Pick(PlanAims),
                Stage = PlanStage.Draft, CreatedById = worker.Id, CreatedByName = worker.DisplayName, CreatedAtUtc = created, UpdatedAtUtc = created, Version = rng.NextGuid(),
            };
            Rows.Plans.Add(plan);
            e.Plan = plan;
            PlanNote(plan, created, worker, PlanChronology.Started,
                $"Child in need plan started by {worker.DisplayName}, from {plan.StartDate:d MMMM yyyy} (a draft until a manager authorises it)", false);
            _afterNumbering.Add(() => access.Add(worker, created, AccessAction.Created, plan.PersonId, $"Child in need plan {plan.Id} started"));
            var team = staff.Workers.GetValueOrDefault(cin.Team!, []);
            for (int n = 0, count = rng.Next(2, 6); n < count; n++) AddAction(plan, worker, team, plan.StartDate);

            var submitted = Before(created.AddMinutes(rng.Next(20, 180)));
            Stage(plan, worker, submitted, PlanChronology.Submitted,
                $"Child in need plan sent to the manager for authorisation ({plan.Actions.Count} actions)", PlanStage.AwaitingAuthorisation);
            plan.SubmittedAtUtc = submitted;
            // A new plan in the last days may still be waiting for the manager.
            if (cin.EndDate is null && cin.StartDate > asOf.AddDays(-8) && rng.Chance(0.5)) continue;
            var authorisedOn = Earlier(calendar.AddWorkingDays(cin.StartDate, rng.Next(0, 3)), Earlier(cin.EndDate ?? asOf.AddDays(-1), asOf.AddDays(-1)));
            var authorisedAt = Before(Later(rng.WorkingMoment(authorisedOn, fromHour: 13, hours: 4), submitted.AddMinutes(15)));
            var firstDue = _rules.ChildInNeedReview.DueDate(plan.StartDate, calendar);
            var reason = rng.Pick(AuthoriseReasons);
            Rows.Authorisations.Add(Decision(plan.PersonId, AuthorisationSubject.ChildInNeedPlan, true, reason, authorisedAt, manager, () => plan.Id));
            plan.Stage = PlanStage.Active;
            (plan.AuthorisedAtUtc, plan.AuthorisedByName, plan.UpdatedAtUtc) = (authorisedAt, manager.DisplayName, authorisedAt);
            PlanNote(plan, authorisedAt, manager, PlanChronology.Authorised,
                $"Child in need plan authorised by {manager.DisplayName}, from {plan.StartDate:d MMMM yyyy}; first review due by {firstDue:d MMMM yyyy}. {ContactService.Shorten(reason)}", true);
            _afterNumbering.Add(() => access.Add(manager, authorisedAt, AccessAction.Changed, plan.PersonId, $"Child in need plan {plan.Id} authorised"));
            Reviews(plan, cin, firstDue, team);
            if (cin.EndDate is { } end)
            {
                plan.EndDate = end;
                plan.Stage = PlanStage.Ended;
                plan.EndReason = k + 1 < e.Chain.Count
                    ? e.Chain[k + 1].Kind == InvolvementKind.ChildProtection ? "Replaced by a child protection plan" : "The child became looked after"
                    : "Case closed";   // the closure sets its own wording (AddClosure)
                plan.UpdatedAtUtc = Before(rng.WorkingMoment(end, fromHour: 14, hours: 3));
            }
        }
    }

    private void AddAction(ChildInNeedPlan plan, StaffUser worker, List<StaffUser> team, DateOnly from)
    {
        var (text, outside) = rng.Pick(PlanActions);
        var owner = outside is null ? (rng.Chance(0.85) || team.Count == 0 ? worker : rng.Pick(team)) : null;
        plan.Actions.Add(new PlanAction
        {
            Text = text, OwnerName = owner?.DisplayName ?? outside!, OwnerUserId = owner?.Id,
            DueDate = from.AddDays(rng.Next(14, 120)).Weekday(), Status = PlanActionStatus.NotStarted,
        });
    }

    /// <summary>Reviews every three months from the start (a few late), each with progress on the open actions; the next one scheduled.</summary>
    private void Reviews(ChildInNeedPlan plan, Involvement cin, DateOnly due, List<StaffUser> team)
    {
        var last = cin.EndDate ?? asOf.AddDays(-1);
        while (true)
        {
            var held = (rng.Chance(0.86) ? due.AddDays(-rng.Next(0, 14)) : due.AddDays(rng.Next(3, 30))).Weekday();
            if (held <= plan.StartDate) held = due;
            if (held > last)
            {
                if (cin.EndDate is null)
                    plan.Meetings.Add(new ChildInNeedMeeting { PersonId = plan.PersonId, Kind = MeetingKind.PlanReview, DueDate = due, Version = rng.NextGuid() });
                return;
            }
            var worker = HolderOn(cin, held) ?? Manager(cin);
            var recorded = Before(Later(rng.WorkingMoment(held.AddDays(rng.Next(0, 3)), fromHour: 9, hours: 8), plan.AuthorisedAtUtc!.Value.AddMinutes(10)));
            var meeting = new ChildInNeedMeeting
            {
                PersonId = plan.PersonId, Kind = MeetingKind.PlanReview, DueDate = due, HeldOn = held, Attendees = rng.Pick(Attendees),
                Minutes = rng.Pick(Minutes), Decision = rng.Pick(Decisions), RecordedByName = worker.DisplayName, RecordedAtUtc = recorded, Version = rng.NextGuid(),
            };
            plan.Meetings.Add(meeting);
            foreach (var action in plan.Actions.Where(a => a.Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress).ToList())
            {
                var status = action.DueDate <= held
                    ? rng.Weighted([(PlanActionStatus.Done, 72.0), (PlanActionStatus.NoLongerNeeded, 8.0), (PlanActionStatus.InProgress, 20.0)])
                    : rng.Chance(0.7) ? PlanActionStatus.InProgress : PlanActionStatus.Done;
                var text = status switch
                {
                    PlanActionStatus.Done => rng.Chance(0.5) ? Progress[0] : Progress[4],
                    PlanActionStatus.NoLongerNeeded => Progress[5],
                    _ => rng.Pick([Progress[1], Progress[2], Progress[3], Progress[6]]),
                };
                var p = new PlanActionProgress { Status = status, Text = text, RecordedAtUtc = recorded, RecordedByName = worker.DisplayName };
                Rows.Progress.Add(p);
                _progressOf[p] = (action, meeting);
                (action.Status, action.Progress) = (status, text);
            }
            if (rng.Chance(0.35)) AddAction(plan, worker, team, held);
            var next = _rules.ChildInNeedReview.DueDate(held, calendar);
            var late = held > due ? $" (due by {due:d MMMM yyyy})" : "";
            var entry = Note(plan.PersonId, WorkingDayCalendar.FromUkLocal(held.ToDateTime(new TimeOnly(12, 0))).UtcDateTime, recorded, worker, PlanChronology.ReviewHeld,
                $"Child in need review held on {held:d MMMM yyyy}{late}: {ContactService.Shorten(meeting.Decision)}. Next review due by {next:d MMMM yyyy}", true,
                () => $"/people/{plan.PersonId}/plans/{plan.Id}/meetings/{meeting.Id}");
            _afterNumbering.Add(() => access.Add(worker, recorded, AccessAction.Changed, plan.PersonId, $"Child in need plan {plan.Id} review {meeting.Id} recorded"));
            due = next;
        }
    }

    private void Stage(ChildInNeedPlan plan, StaffUser by, DateTime at, string kind, string summary, PlanStage stage)
    {
        plan.Stage = stage;
        plan.UpdatedAtUtc = at;
        PlanNote(plan, at, by, kind, summary, false);
        _afterNumbering.Add(() => access.Add(by, at, AccessAction.Changed, plan.PersonId, $"Child in need plan {plan.Id} submitted"));
    }

    private void PlanNote(ChildInNeedPlan plan, DateTime at, StaffUser by, string kind, string summary, bool significant) =>
        Note(plan.PersonId, at, at, by, kind, summary, significant, () => $"/people/{plan.PersonId}/plans/{plan.Id}");

    /// <summary>A manager's decision; its subject's id is filled in once the subjects are numbered.</summary>
    private Authorisation Decision(Guid personId, AuthorisationSubject subject, bool approve, string reason, DateTime at, StaffUser by, Func<int> subjectId)
    {
        var a = new Authorisation { PersonId = personId, Subject = subject, Approved = approve, Reason = reason, AtUtc = at, ById = by.Id, ByName = by.DisplayName };
        _pendingSubjects.Add((a, subjectId));
        return a;
    }

    // ---- Closures ----

    /// <summary>The closure or step-down the manager signed off on the day the episode ended; now and then sent back once first.</summary>
    private void AddClosure(Episode e, IEnumerable<Involvement> personInvolvements)
    {
        var r = e.Referral;
        var lastCase = e.Chain.OrderBy(i => i.EndDate).Last();
        var end = e.End!.Value;
        var code = r.ClosureReason ?? "RC7";
        if (code == "RC7" || (code == "RC8" && e.Assessment?.Stage != AssessmentStage.Authorised))
        {
            code = lastCase.Kind == InvolvementKind.LookedAfter
                ? rng.Weighted([("RC4", 35.0), ("RC1", 10.0), ("RC3", 10.0), ("RC5", 10.0), ("RC7", 35.0)])
                : rng.Weighted([("RC7", 93.0), ("RC5", 5.0), ("RC3", 2.0)]);
        }
        if (ClosureCodes.NeedsAssessment(code) && e.Assessment?.Stage != AssessmentStage.Authorised) code = "RC7";
        Team? earlyHelp = null;
        if (code == "RC9")
        {
            earlyHelp = personInvolvements.Where(i => i.Kind == InvolvementKind.EarlyHelp && i.StartDate >= end && i.StartDate <= end.AddDays(30))
                .Select(i => i.Team).FirstOrDefault();
            if (earlyHelp is null) code = "RC8";
        }
        r.ClosureReason = code;
        var worker = HolderOn(lastCase, end.AddDays(-1)) ?? HolderOn(lastCase, lastCase.StartDate);
        var manager = Manager(lastCase);
        if (worker is null || worker == manager) worker = staff.Workers.GetValueOrDefault(lastCase.Team!, []).FirstOrDefault();
        if (worker is null) return;
        var stepDown = earlyHelp is not null;
        var earliest = Later(r.ReferralDate, lastCase.StartDate);
        if (e.Assessment?.AuthorisedOn is { } assessed && ClosureCodes.NeedsAssessment(code)) earliest = Later(earliest, assessed);
        var proposedOn = Later(earliest, calendar.AddWorkingDays(end, -rng.Next(1, 6)));
        if (rng.Chance(0.06) && calendar.WorkingDaysBetween(earliest, proposedOn) > 4)
        {
            var first = Propose(r, worker, code, stepDown ? ClosureKind.StepDownToEarlyHelp : ClosureKind.Close, earlyHelp, calendar.AddWorkingDays(proposedOn, -4));
            SendBack(first, manager, calendar.AddWorkingDays(proposedOn, -3));
        }
        var closure = Propose(r, worker, code, stepDown ? ClosureKind.StepDownToEarlyHelp : ClosureKind.Close, earlyHelp, proposedOn);
        var at = Before(Later(rng.WorkingMoment(end, fromHour: 13, hours: 4), closure.ProposedAtUtc.AddMinutes(30)));
        var reason = rng.Pick(AuthoriseReasons);
        Rows.Authorisations.Add(Decision(r.PersonId, stepDown ? AuthorisationSubject.StepDown : AuthorisationSubject.Closure, true, reason, at, manager, () => closure.Id));
        (closure.Stage, closure.ClosedOn) = (ClosureStage.Authorised, end);
        var endReason = stepDown ? $"Stepped down to early help ({earlyHelp!.Name})" : $"Case closed: {ClosureCodes.Describe(code)}";
        if (e.Plan is { EndDate: not null, EndReason: "Case closed" } plan) plan.EndReason = endReason;
        var what = stepDown
            ? $"Stepped down to early help ({earlyHelp!.Name}), signed off by {manager.DisplayName}; the social care episode closed {end:d MMMM yyyy} ({ClosureCodes.Describe(code)}). {ContactService.Shorten(reason)}"
            : $"Case closed {end:d MMMM yyyy}, signed off by {manager.DisplayName}: {ClosureCodes.Describe(code)}. {ContactService.Shorten(reason)}";
        Note(r.PersonId, at, at, manager, stepDown ? ClosureChronology.SteppedDown : ClosureChronology.Closed, what, true, () => ClosureService.Link(closure));
        _afterNumbering.Add(() => access.Add(manager, at, AccessAction.Changed, r.PersonId, $"Closure {closure.Id} signed off: referral {r.Id} closed ({code})"));
    }

    private CaseClosure Propose(Referral r, StaffUser worker, string code, ClosureKind kind, Team? earlyHelp, DateOnly on)
    {
        var at = Before(rng.WorkingMoment(on, fromHour: 9, hours: 4));
        var reasons = kind == ClosureKind.StepDownToEarlyHelp ? rng.Pick(StepDownReasons) : rng.Pick(ClosureReasons);
        var closure = new CaseClosure
        {
            PersonId = r.PersonId, ReferralId = r.Id, Kind = kind, ReasonCode = code, Reasons = reasons, EarlyHelpTeamId = earlyHelp?.Id,
            Stage = ClosureStage.AwaitingAuthorisation, ProposedById = worker.Id, ProposedByName = worker.DisplayName, ProposedAtUtc = at, Version = rng.NextGuid(),
        };
        Rows.Closures.Add(closure);
        var what = kind == ClosureKind.StepDownToEarlyHelp
            ? $"Step down to early help ({earlyHelp!.Name}) proposed by {worker.DisplayName}, for the manager's sign-off: {ContactService.Shorten(reasons)}"
            : $"Closure proposed by {worker.DisplayName} ({ClosureCodes.Describe(code)}), for the manager's sign-off: {ContactService.Shorten(reasons)}";
        Note(r.PersonId, at, at, worker, ClosureChronology.ClosureProposed, what, false, () => ClosureService.Link(closure));
        _afterNumbering.Add(() => access.Add(worker, at, AccessAction.Created, r.PersonId, $"Closure {closure.Id} proposed ({code})"));
        return closure;
    }

    private void SendBack(CaseClosure closure, StaffUser manager, DateOnly on)
    {
        var at = Before(Later(rng.WorkingMoment(on, fromHour: 13, hours: 4), closure.ProposedAtUtc.AddMinutes(30)));
        var reason = rng.Pick(SendBackReasons);
        Rows.Authorisations.Add(Decision(closure.PersonId, closure.Kind == ClosureKind.StepDownToEarlyHelp ? AuthorisationSubject.StepDown : AuthorisationSubject.Closure,
            false, reason, at, manager, () => closure.Id));
        closure.Stage = ClosureStage.Returned;
        Note(closure.PersonId, at, at, manager, ClosureChronology.ClosureReturned,
            $"{(closure.Kind == ClosureKind.StepDownToEarlyHelp ? "Step down" : "Closure")} sent back to {closure.ProposedByName} by {manager.DisplayName}: {ContactService.Shorten(reason)}",
            false, () => ClosureService.Link(closure));
        _afterNumbering.Add(() => access.Add(manager, at, AccessAction.Changed, closure.PersonId, $"Closure {closure.Id} returned to the worker"));
    }

    /// <summary>
    /// On day one a few proposals wait for the manager's sign-off and one or two have been sent back: children on child in
    /// need plans whose assessment was authorised. The demo social worker's and team manager's cases come first.
    /// </summary>
    private void AddPendingClosures(List<Episode> episodes, double size)
    {
        var known = staff.WellKnown[Roles.SocialWorker];
        var candidates = episodes
            .Where(e => e.End is null && e.Plan is { Stage: PlanStage.Active } && e.Assessment?.Stage == AssessmentStage.Authorised
                && e.Chain[^1].Kind == InvolvementKind.ChildInNeed && e.Chain[^1].EndDate is null && e.Chain[^1].StartDate < asOf.AddDays(-120)
                && !_restricted.ContainsKey(e.Referral.PersonId))
            .Select(e => (e, Holder: HolderOn(e.Chain[^1], asOf.AddDays(-1))))
            .Where(x => x.Holder is not null)
            .OrderByDescending(x => x.Holder == known).ThenBy(x => x.e.Referral.Id).ToList();
        // The demo social worker has one sent back and one waiting; their team manager has others of the team to sign off.
        var mine = candidates.Where(x => x.Holder == known).Take(2).ToList();
        var team = candidates.Where(x => x.Holder != known && x.Holder!.TeamId == known.TeamId).Take(2).ToList();
        var others = candidates.Where(x => x.Holder!.TeamId != known.TeamId && rng.Chance(0.05)).ToList();
        var taken = mine.Take(1).Select(x => (x.e, x.Holder, Returned: true))
            .Concat(mine.Skip(1).Concat(team).Select(x => (x.e, x.Holder, Returned: false)))
            .Concat(others.Select((x, n) => (x.e, x.Holder, Returned: n == 0)))
            .Take((int)Math.Ceiling(12 * size)).ToList();
        foreach (var (e, holder, returned) in taken)
        {
            var stepDown = rng.Chance(0.3);
            var eh = stepDown ? staff.TeamsOf(TeamKind.EarlyHelp).First() : null;
            var code = stepDown ? "RC9" : "RC7";
            var kind = stepDown ? ClosureKind.StepDownToEarlyHelp : ClosureKind.Close;
            if (returned)
            {
                // Sent back: the worker sees it on their list.
                var c = Propose(e.Referral, holder!, code, kind, eh, calendar.AddWorkingDays(asOf, -rng.Next(6, 10)));
                SendBack(c, Manager(e.Chain[^1]), calendar.AddWorkingDays(asOf, -rng.Next(1, 4)));
            }
            else Propose(e.Referral, holder!, code, kind, eh, calendar.AddWorkingDays(asOf, -rng.Next(1, 5)));
        }
    }

    // ---- Visits and case notes ----

    private void AddVisitsAndNotes(IReadOnlyList<Involvement> involvements)
    {
        foreach (var g in involvements.Where(i => SocialCare.Contains(i.Kind) && i.Team is not null).GroupBy(i => i.PersonId))
        {
            if (_restricted.ContainsKey(g.Key)) continue;
            var child = people[g.Key];
            var from = g.Key == _longHistory ? DateOnly.MinValue : _from;
            // Now and then a child whose visits stopped some weeks ago: the service manager's late visits list has them.
            var forgotten = g.Any(i => i.EndDate is null) && rng.Chance(0.03) ? asOf.AddDays(-rng.Next(45, 100)) : (DateOnly?)null;
            DateOnly? lastVisit = null;
            foreach (var i in g.OrderBy(i => i.StartDate).ThenBy(i => i.Id))
            {
                var start = Later(i.StartDate, from);
                var end = Earlier(i.EndDate ?? asOf.AddDays(-1), asOf.AddDays(-1));
                if (child.DateOfBirth is not { } dob) continue;
                start = Later(start, dob);
                if (end < start) continue;
                var visitsUntil = forgotten is { } f && i.EndDate is null ? Earlier(end, f) : end;
                var day = lastVisit is { } lv && lv >= i.StartDate.AddDays(-7) ? lv.AddDays(Gap(i.Kind)) : start.AddDays(rng.Next(1, 8));
                while (day <= visitsUntil)
                {
                    var d = day.Weekday();
                    if (d >= start && HolderOn(i, d) is { } visitor) AddVisit(i, child, d, visitor);
                    lastVisit = d;
                    day = d.AddDays(Gap(i.Kind));
                }
                var perMonth = g.Key == _longHistory ? 6 : 0;
                for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
                {
                    var count = perMonth > 0 ? rng.Next(perMonth - 1, perMonth + 2) : rng.Next(1, 5);
                    for (var n = 0; n < count; n++)
                    {
                        var d = month.AddDays(rng.Next(0, 28)).Weekday();
                        if (d < start || d > end) continue;
                        if (HolderOn(i, d) is { } author) AddNote(i, d, author);
                    }
                }
            }
        }
    }

    /// <summary>Days to the next visit: mostly within the rule for the child's status, sometimes later.</summary>
    private int Gap(InvolvementKind kind) => kind switch
    {
        InvolvementKind.ChildProtection => rng.Weighted([(rng.Next(7, 14), 80.0), (rng.Next(15, 22), 15.0), (rng.Next(22, 31), 5.0)]),
        InvolvementKind.LookedAfter => rng.Weighted([(rng.Next(21, 43), 75.0), (rng.Next(43, 57), 20.0), (rng.Next(57, 81), 5.0)]),
        _ => rng.Weighted([(rng.Next(12, 29), 66.0), (rng.Next(29, 36), 21.0), (rng.Next(36, 57), 10.0), (rng.Next(57, 91), 3.0)]),
    };

    private void AddVisit(Involvement i, Person child, DateOnly day, StaffUser visitor)
    {
        var seen = rng.Chance(0.91);
        var age = child.AgeOn(day) ?? 0;
        var alone = seen && age >= 4 && rng.Chance(0.7);
        var location = i.Kind == InvolvementKind.LookedAfter
            ? rng.Weighted([(VisitLocation.Placement, 70.0), (VisitLocation.School, 15.0), (VisitLocation.Office, 8.0), (VisitLocation.Other, 7.0)])
            : rng.Weighted([(VisitLocation.Home, 70.0), (VisitLocation.School, 14.0), (VisitLocation.Office, 5.0), (VisitLocation.FamilyOrFriends, 6.0), (VisitLocation.Other, 5.0)]);
        var recorded = Before(rng.Chance(0.7) ? rng.WorkingMoment(day, fromHour: 14, hours: 4) : rng.WorkingMoment(calendar.AddWorkingDays(day, rng.Next(1, 4)), hours: 8));
        var observations = rng.Pick(Observations);
        if (rng.Chance(0.6)) observations += " " + rng.Pick(Observations);
        var v = new Visit
        {
            PersonId = i.PersonId, VisitedOn = day, VisitedById = visitor.Id, VisitedByName = visitor.DisplayName, ChildSeen = seen, ChildSeenAlone = alone,
            NotSeenReason = !seen ? rng.Pick(NotSeenReasons) : alone ? null : age < 4 ? "Too young to be seen alone" : rng.Pick(NotAloneReasons),
            Location = location, LocationDetail = location == VisitLocation.Other ? rng.Pick(OtherPlaces) : null, Observations = observations,
            Unannounced = rng.Chance(i.Kind == InvolvementKind.ChildProtection ? 0.3 : 0.1), RecordedById = visitor.Id, RecordedAtUtc = recorded, Version = rng.NextGuid(),
        };
        Rows.Visits.Add(v);
        var occurred = WorkingDayCalendar.FromUkLocal(day.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        Note(v.PersonId, occurred, recorded, visitor, VisitService.ChronologyKind, VisitService.Describe(v), !seen, () => $"/people/{v.PersonId}/visits/{v.Id}");
        _afterNumbering.Add(() => access.Add(visitor, recorded, AccessAction.Created, v.PersonId, $"Visit {v.Id} recorded"));
    }

    private void AddNote(Involvement i, DateOnly day, StaffUser holder)
    {
        var type = rng.Weighted([(CaseNoteType.Telephone, 30.0), (CaseNoteType.EmailOrLetter, 20.0), (CaseNoteType.OfficeVisit, 7.0), (CaseNoteType.DirectWork, 12.0),
            (CaseNoteType.ProfessionalsMeeting, 10.0), (CaseNoteType.ManagementDiscussion, 8.0), (CaseNoteType.Other, 5.0)]);
        var author = type == CaseNoteType.ManagementDiscussion && rng.Chance(0.5) ? Manager(i) : holder;
        var (first, more) = rng.Pick(NoteText);
        var occurred = Before(rng.WorkingMoment(day, hours: 8));
        var recorded = Before(occurred.AddMinutes(rng.Chance(0.8) ? rng.Next(5, 240) : rng.Next(240, 2880)));
        var note = new CaseNote
        {
            PersonId = i.PersonId, Type = type, OccurredAtUtc = occurred, Significant = rng.Chance(0.07),
            WhoWasSeen = type is CaseNoteType.OfficeVisit or CaseNoteType.DirectWork ? rng.Pick(SeenOnNotes) : null,
            Text = more is null ? first : $"{first}\n{more}", AuthorId = author.Id, AuthorName = author.DisplayName, RecordedAtUtc = recorded, Version = rng.NextGuid(),
        };
        Rows.Notes.Add(note);
        _noteEntries[note] = Note(note.PersonId, occurred, recorded, author, CaseNoteService.ChronologyKind, CaseNoteService.Describe(note), note.Significant,
            () => $"/people/{note.PersonId}/notes/{note.Id}");
        _afterNumbering.Add(() => access.Add(author, recorded, AccessAction.Created, note.PersonId, $"Case note {note.Id} written"));
    }

    // ---- Supervision and management oversight ----

    /// <summary>
    /// Each worker's monthly-ish individual supervision with their manager, in which each child they hold is discussed
    /// (a management oversight record), with actions now and then. A few children are skipped for months.
    /// </summary>
    private void AddSupervision(IReadOnlyList<Involvement> involvements)
    {
        var held = new Dictionary<StaffUser, List<(Involvement Case, DateOnly From, DateOnly? To)>>();
        var overlooked = new HashSet<Guid>();
        foreach (var i in involvements.Where(i => SocialCare.Contains(i.Kind) && i.Team is not null && !_restricted.ContainsKey(i.PersonId)))
        {
            if (people[i.PersonId].DateOfBirth is null) continue;
            if (i.EndDate is null && rng.Chance(0.035)) overlooked.Add(i.PersonId);
            if (!_held.TryGetValue(i.Id, out var steps)) continue;
            foreach (var s in steps.Where(s => s.To is null || s.To > _from || i.PersonId == _longHistory))
            {
                if (!held.TryGetValue(s.Worker, out var list)) held[s.Worker] = list = [];
                list.Add((i, s.From, s.To));
            }
        }
        foreach (var (worker, cases) in held.OrderBy(x => x.Key.Id, StringComparer.Ordinal))
        {
            var team = staff.Teams.FirstOrDefault(t => t.Id == worker.TeamId);
            if (team is null || !staff.Managers.TryGetValue(team, out var manager) || manager == worker) continue;
            var firstDay = Later(cases.Min(c => c.From), cases.Any(c => c.Case.PersonId == _longHistory) ? DateOnly.MinValue : _from);
            for (var day = firstDay.AddDays(rng.Next(7, 35)).Weekday(); day < asOf; day = day.AddDays(rng.Next(25, 43)).Weekday())
            {
                var discussed = cases.Where(c => c.From <= day && (c.To is null || c.To > day) && c.Case.StartDate <= day
                        && (c.Case.PersonId == _longHistory || day >= _from)
                        && !(overlooked.Contains(c.Case.PersonId) && day > asOf.AddDays(-110)) && rng.Chance(0.9))
                    .Select(c => c.Case.PersonId).Distinct().ToList();
                if (discussed.Count == 0) continue;
                var recorded = Before(rng.WorkingMoment(day, fromHour: 13, hours: 4));
                var session = new Supervision
                {
                    Kind = SupervisionKind.Individual, HeldOn = day, TeamId = team.Id, SupervisorId = manager.Id, SupervisorName = manager.DisplayName,
                    SuperviseeId = worker.Id, SuperviseeName = worker.DisplayName, Notes = rng.Pick(SupervisionNotes), RecordedAtUtc = recorded,
                };
                Rows.Supervisions.Add(session);
                foreach (var personId in discussed) AddOversight(personId, session, manager, worker, recorded);
            }
        }
    }

    private void AddOversight(Guid personId, Supervision session, StaffUser manager, StaffUser worker, DateTime recorded)
    {
        var o = new ManagementOversight
        {
            PersonId = personId, RecordedOn = session.HeldOn, Decision = rng.Pick(OversightDecisions), Rationale = rng.Pick(OversightRationale),
            ById = manager.Id, ByName = manager.DisplayName, RecordedAtUtc = recorded,
        };
        Rows.Oversights.Add(o);
        _sessionOf[o] = session;
        var count = rng.Chance(0.3) ? (rng.Chance(0.2) ? 2 : 1) : 0;
        for (var n = 0; n < count; n++) AddOversightAction(o, manager, worker);
        var actions = o.Actions.Count switch { 0 => "", 1 => " 1 action set.", var c => $" {c} actions set." };
        Note(personId, Timescale.EndOfUkDay(o.RecordedOn.AddDays(-1)), recorded, manager, OversightChronology.Oversight,
            $"Management oversight by {o.ByName} in supervision with {worker.DisplayName}: {ContactService.Shorten(o.Decision)}{actions}", true,
            () => $"/people/{o.PersonId}/oversight/{o.Id}");
        _afterNumbering.Add(() => access.Add(manager, recorded, AccessAction.Created, personId, $"Management oversight {o.Id} recorded"));
    }

    /// <summary>Most actions are done by their date or a little after; some are followed up with a new date; on day one some are overdue.</summary>
    private void AddOversightAction(ManagementOversight o, StaffUser manager, StaffUser owner)
    {
        var due = calendar.AddWorkingDays(o.RecordedOn, rng.Next(5, 21));
        var a = new OversightAction
        {
            PersonId = o.PersonId, Text = rng.Pick(OversightActions), OwnerId = owner.Id, OwnerName = owner.DisplayName, SetById = manager.Id,
            DueDate = due, OriginalDueDate = due, Version = rng.NextGuid(),
        };
        o.Actions.Add(a);
        Rows.OversightActions.Add(a);
        var recent = o.RecordedOn > asOf.AddDays(-90);
        var roll = rng.NextDouble();
        // Followed up once or twice: the new date a week or three after the one missed.
        if (roll < 0.1 || (recent && roll < 0.2))
        {
            for (int n = 0, times = rng.Chance(0.25) ? 2 : 1; n < times; n++)
            {
                var was = a.DueDate;
                var on = calendar.AddWorkingDays(was, rng.Next(1, 4));
                if (on >= asOf) break;
                a.DueDate = calendar.AddWorkingDays(on, rng.Next(5, 15));
                a.FollowUps++;
                var at = Before(rng.WorkingMoment(on, fromHour: 10, hours: 6));
                var note = rng.Pick(FollowUpNotes);
                Note(a.PersonId, at, at, manager, OversightChronology.ActionFollowedUp,
                    $"Missed oversight action followed up by {manager.DisplayName} with {a.OwnerName}: {ContactService.Shorten(a.Text)} " +
                    $"(due {was:d MMMM yyyy}, first due {a.OriginalDueDate:d MMMM yyyy}; now due {a.DueDate:d MMMM yyyy}). {ContactService.Shorten(note)}",
                    false, () => $"/actions/{a.Id}");
                _afterNumbering.Add(() => access.Add(manager, at, AccessAction.Changed, a.PersonId, $"Oversight action {a.Id} followed up"));
            }
        }
        // Open on day one: recent ones not yet due, and some overdue; everything older was done.
        var open = recent && (a.DueDate >= asOf ? rng.Chance(0.8) : rng.Chance(0.06));
        if (open) return;
        var done = rng.Chance(0.8) ? a.DueDate.AddDays(-rng.Next(0, 6)) : a.DueDate.AddDays(rng.Next(1, 10));
        done = Later(done, o.RecordedOn.AddDays(1)).Weekday();
        if (done <= o.RecordedOn) done = o.RecordedOn;
        if (done >= asOf) return;
        var doneAt = Before(Later(rng.WorkingMoment(done, fromHour: 9, hours: 8), o.RecordedAtUtc.AddMinutes(30)));
        var completion = rng.Pick(CompletionNotes);
        (a.CompletedOn, a.CompletionNote, a.CompletedByName) = (FrontDoorClock.UkDate(doneAt), completion, owner.DisplayName);
        var late = a.CompletedOn > a.DueDate ? $" ({a.CompletedOn.Value.DayNumber - a.DueDate.DayNumber} days after it was due)" : "";
        Note(a.PersonId, doneAt, doneAt, owner, OversightChronology.ActionCompleted,
            $"Oversight action completed by {owner.DisplayName}{late}: {ContactService.Shorten(a.Text)}. {ContactService.Shorten(completion)}", false, () => $"/actions/{a.Id}");
        _afterNumbering.Add(() => access.Add(owner, doneAt, AccessAction.Changed, a.PersonId, $"Oversight action {a.Id} completed"));
    }

    // ---- Numbering ----

    /// <summary>Numbers every table in the order the services would have saved the rows, then fills in the keys, links and access log.</summary>
    private void Number()
    {
        Renumber(Rows.Allocations, a => a.FromUtc, (a, id) => a.Id = id);
        Renumber(Rows.Assessments, a => a.CreatedAtUtc, (a, id) => a.Id = id);
        foreach (var a in Rows.Assessments)
            foreach (var f in a.Factors) { f.AssessmentId = a.Id; f.Id = Rows.Factors.Count + 1; Rows.Factors.Add(f); }
        Renumber(Rows.Plans, p => p.CreatedAtUtc, (p, id) => p.Id = id);
        foreach (var p in Rows.Plans)
        {
            foreach (var a in p.Actions) { a.PlanId = p.Id; a.Id = Rows.Actions.Count + 1; Rows.Actions.Add(a); }
            foreach (var m in p.Meetings) { m.PlanId = p.Id; Rows.Meetings.Add(m); }
        }
        Renumber(Rows.Meetings, m => m.RecordedAtUtc ?? DateTime.MaxValue, (m, id) => m.Id = id);
        Renumber(Rows.Progress, p => p.RecordedAtUtc, (p, id) => p.Id = id);
        foreach (var p in Rows.Progress) (p.ActionId, p.MeetingId) = (_progressOf[p].Action.Id, _progressOf[p].Meeting?.Id);
        Renumber(Rows.Supervisions, s => s.RecordedAtUtc, (s, id) => s.Id = id);
        Renumber(Rows.Oversights, o => o.RecordedAtUtc, (o, id) => o.Id = id);
        foreach (var o in Rows.Oversights)
        {
            o.SupervisionId = _sessionOf.TryGetValue(o, out var s) ? s.Id : null;
            foreach (var a in o.Actions) a.OversightId = o.Id;
        }
        Renumber(Rows.OversightActions, a => Rows.Oversights[a.OversightId - 1].RecordedAtUtc, (a, id) => a.Id = id);
        Renumber(Rows.Visits, v => v.RecordedAtUtc, (v, id) => v.Id = id);
        Renumber(Rows.Notes, n => n.RecordedAtUtc, (n, id) => n.Id = id);
        Renumber(Rows.Closures, c => c.ProposedAtUtc, (c, id) => c.Id = id);
        foreach (var (a, subject) in _pendingSubjects) a.SubjectId = subject();
        _pendingSubjects.Clear();
        foreach (var run in _afterNumbering) run();
        Renumber(Rows.Authorisations, a => a.AtUtc, (a, id) => a.Id = id);
        foreach (var (entry, link) in _links) entry.Link = link();
    }

    /// <summary>Once the chronology is numbered: each case note points at its entry, as CaseNoteService keeps it.</summary>
    public void LinkNotes()
    {
        foreach (var (note, entry) in _noteEntries) note.ChronologyEntryId = entry.Id;
    }

    private static void Renumber<T>(List<T> rows, Func<T, DateTime> by, Action<T, int> set)
    {
        var ordered = rows.OrderBy(by).ToList();
        rows.Clear();
        rows.AddRange(ordered);
        for (var i = 0; i < rows.Count; i++) set(rows[i], i + 1);
    }

    // ---- Helpers ----

    private ChronologyEntry Note(Guid personId, DateTime occurred, DateTime recorded, StaffUser by, string kind, string summary, bool significant, Func<string>? link)
    {
        var entry = new ChronologyEntry
        {
            PersonId = personId, OccurredAtUtc = occurred, RecordedAtUtc = recorded, RecordedBy = by.DisplayName, Area = SocialWorkChronology.Area,
            Kind = kind, Summary = summary, IsSignificant = significant,
        };
        chronology.Entries.Add(entry);
        if (link is not null) _links.Add((entry, link));
        return entry;
    }

    /// <summary>Nothing happens on or after day one: a moment that would is pulled back into the evening before.</summary>
    private DateTime Before(DateTime utc) => FrontDoorClock.Whole(utc < _dayOne ? utc : _dayOne.AddMinutes(-rng.Next(30, 300)));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
