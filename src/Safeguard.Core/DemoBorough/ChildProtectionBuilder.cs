using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.Chronology;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.DemoBorough.ChildProtectionText;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Child protection on the borough's own cases, as the child protection services would have written it. Each child
/// protection case InvolvementBuilder made is a plan: the strategy discussion and section 47 enquiry during the case
/// before it, the initial conference on the day the case began, core groups and review conferences while it ran, and
/// the review that ended it on the day it ended. Some other assessments had a strategy discussion too, and an enquiry
/// that found no continuing risk (now and then a conference that decided on no plan). On day one enquiries are open,
/// initial conferences are due (some late), and plans have core groups and reviews due and late. Dates come from
/// <see cref="ChildProtectionRules"/> through the working-day calendar, as <see cref="ChildProtectionDues"/> derives them;
/// chronology entries and access log records are added with the services' kinds and wording.
/// Brothers and sisters in one episode share its dates, chair and category, each with their own records, as the
/// services keep them. Visits to children on plans are SocialWorkBuilder's (every 10 working days, mostly on time).
/// </summary>
internal sealed class ChildProtectionBuilder(Random rng, DateOnly asOf, DemoStaff staff, WorkingDayCalendar calendar,
    IReadOnlyDictionary<Guid, Person> people, ChronologyBuilder chronology, AccessHistoryBuilder access, SocialWorkBuilder socialWork)
{
    /// <summary>The seeds' borough: 78% of initial conferences within 15 working days (000:36).</summary>
    private const double InTime = 0.78;

    /// <summary>The share of conferences with a GP report (the seeds' 94%, 001:2708).</summary>
    private const double GpReports = 0.93;

    private static readonly (string Code, double Weight)[] Categories = [("NEG", 48), ("EMO", 33), ("PHY", 10.5), ("SAB", 7), ("MUL", 1.5)];

    /// <summary>Someone asked to a strategy discussion or conference, the same for brothers and sisters.</summary>
    private sealed record Professional(ProfessionalRole Role, string Name, int? AgencyId, string? UserId);

    /// <summary>What brothers and sisters in one episode share: the worker, the chair, the category and who is involved.</summary>
    private sealed record Family(StaffUser Worker, StaffUser Chair, string Category, List<Professional> Professionals);

    private readonly ChildProtectionDues _dues = new(new ChildProtectionRules(), calendar);
    private readonly DateOnly _from = asOf.AddYears(-2);
    private readonly DateTime _dayOne = FrontDoorClock.At(asOf, 0);
    private readonly List<Action> _afterNumbering = [];
    private readonly List<(ChronologyEntry Entry, Func<string> Link)> _links = [];
    private readonly Dictionary<StrategyDiscussion, Section47Enquiry?> _enquiryOf = [];
    private readonly Dictionary<ChildProtectionConference, (Section47Enquiry? Enquiry, ChildProtectionPlan? Plan)> _conferenceOf = [];
    private readonly Dictionary<ChildProtectionPlan, ChildProtectionConference> _initialOf = [];
    private readonly Dictionary<CoreGroupMeeting, ChildProtectionPlan> _coreGroupOf = [];
    private readonly Dictionary<Guid, List<ChildProtectionPlan>> _plansOf = [];
    private int _conferences, _late;
    private List<StaffUser> _chairs = [];
    private readonly Dictionary<(AgencyKind, string?), List<Agency>> _agencies = [];
    private ILookup<int?, StaffUser> _partners = null!;
    private ILookup<Guid, Involvement> _cases = null!;
    private ILookup<Guid, Referral> _referrals = null!;

    public DemoChildProtection Rows { get; } = new();

    public void Build(IReadOnlyList<Involvement> involvements, IReadOnlyList<Referral> referrals, IReadOnlySet<Guid> restricted)
    {
        _chairs = staff.TeamsOf(TeamKind.IndependentReviewing).SelectMany(t => staff.Workers[t]).ToList();
        _partners = staff.Users.Where(u => u.AgencyId is not null && u.IsActive).ToLookup(u => u.AgencyId);
        _cases = involvements.ToLookup(i => i.PersonId);
        _referrals = referrals.Where(r => !r.NoFurtherAction).ToLookup(r => r.PersonId);
        // Oldest first, so each child's earlier plans are known when a later one starts (the census's previous plans).
        foreach (var family in Families(involvements, InvolvementKind.ChildProtection, restricted).OrderBy(f => f[0].StartDate).ThenBy(f => f[0].Id))
            AddPlans(family);
        foreach (var family in Families(involvements, InvolvementKind.Assessment, restricted).OrderBy(f => f[0].StartDate).ThenBy(f => f[0].Id))
            AddEnquiryOnly(family);
        Number();
    }

    /// <summary>The cases of one kind, brothers and sisters in one episode together (the same dates, team and worker).</summary>
    private static IEnumerable<List<Involvement>> Families(IReadOnlyList<Involvement> involvements, InvolvementKind kind, IReadOnlySet<Guid> restricted) =>
        involvements.Where(i => i.Kind == kind && i.Team is not null && !restricted.Contains(i.PersonId))
            .GroupBy(i => (i.TeamId, i.WorkerId, i.StartDate, i.EndDate))
            .Select(g => g.OrderBy(i => i.Id).ToList());

    // ---- Plans: from the strategy discussion to the end of the plan ----

    private void AddPlans(List<Involvement> family)
    {
        var first = family[0];
        var start = first.StartDate;
        if (start >= asOf) return;
        // A case cut short to a few days (a baby born just before it ended): too short to have been a plan.
        if (first.EndDate is { } end && calendar.WorkingDaysBetween(start, end) < 10) return;
        var before = CaseBefore(first);
        var referral = ReferralFor(first.PersonId, start);
        var earliest = Later(referral?.ReferralDate ?? DateOnly.MinValue, before?.StartDate ?? start.AddDays(-60));
        var shared = Shared(family, before ?? first);
        // A child who moved in on another council's plan: a transfer-in conference, without an enquiry here.
        var transferIn = before is null && referral is null && rng.Chance(0.5);

        DateOnly? startedOn = null, lastOn = null;
        if (!transferIn)
        {
            var available = calendar.WorkingDaysBetween(earliest, start);
            var late = NextLate(family.Count) && available >= 16;
            var k = Math.Min(late ? rng.Next(16, 29) : rng.Weighted([(rng.Next(10, 16), 70.0), (rng.Next(4, 10), 30.0)]), Math.Max(available, 0));
            lastOn = calendar.AddWorkingDays(start, -k);
            startedOn = rng.Chance(0.15) && calendar.WorkingDaysBetween(earliest, lastOn.Value) > 6 ? calendar.AddWorkingDays(lastOn.Value, -rng.Next(2, 6)) : lastOn;
            Count(family.Count, start > _dues.InitialConference(lastOn.Value));
        }
        var emergency = startedOn is { } s && s >= _from && rng.Chance(0.012);
        var reviews = Reviews(start, first.EndDate);
        var coreGroups = CoreGroups(start, first.EndDate);
        var endReason = first.EndDate is { } ended ? EndReasonFor(first, ended) : (PlanEndReason?)null;
        var latest = Enumerable.Range(0, reviews.Count).Select(_ => rng.Chance(0.08) ? rng.Pick(["NEG", "EMO", "PHY"]) : null).ToList();

        foreach (var i in family)
        {
            var child = people[i.PersonId];
            var holding = CaseOn(i.PersonId, startedOn ?? start) ?? i;
            ChildProtectionConference initial;
            if (transferIn)
            {
                var notified = calendar.AddWorkingDays(start, -rng.Next(5, 19));
                initial = Conference(i.PersonId, ConferenceKind.TransferIn, i.TeamId!.Value, calendar.AddWorkingDays(notified, 15),
                    Before(rng.WorkingMoment(notified, fromHour: 10, hours: 5)), shared);
            }
            else
            {
                var worker = socialWork.HolderOn(holding, startedOn!.Value) ?? holding.Worker ?? shared.Worker;
                var concluded = Later(lastOn!.Value, calendar.AddWorkingDays(start, -rng.Next(1, 6)));
                var enquiry = Enquiry(i, holding, referral, worker, shared, startedOn.Value, lastOn.Value, concluded);
                if (emergency) Emergency(i.PersonId, worker, startedOn.Value);
                Conclude(enquiry, worker, Section47Outcome.InitialConference, concluded, rng.Pick(ConferenceReasons));
                initial = Conference(i.PersonId, ConferenceKind.Initial, i.TeamId!.Value, enquiry.ConferenceDueDate, enquiry.CreatedAtUtc, shared, enquiry);
                initial.CreatedAtUtc = Before(Later(rng.WorkingMoment(concluded, fromHour: 14, hours: 3), enquiry.CreatedAtUtc.AddMinutes(30)));
            }
            Hold(initial, child, start, shared, ConferenceDecision.Plan);
            var plan = StartPlan(i, initial, shared);
            var previous = initial;
            for (var n = 0; n < reviews.Count; n++)
            {
                var (due, held) = reviews[n];
                // Put on the chairs' list when the conference before it was recorded, as ConferenceService does.
                var review = Conference(i.PersonId, ConferenceKind.Review, plan.TeamId, due, previous.RecordedAtUtc!.Value, shared, plan: plan);
                previous = review;
                if (held is not { } on)
                {
                    Arrange(review, due, shared);
                    continue;
                }
                var ends = n == reviews.Count - 1 && endReason is not null;
                var category = latest[n] ?? plan.LatestCategory;
                if (ends) Hold(review, child, on, shared, ConferenceDecision.EndPlan, plan: plan, endReason: endReason);
                else Hold(review, child, on, shared, ConferenceDecision.ContinuePlan, category, plan);
                UpdateActions(plan, on, shared.Worker);
            }
            foreach (var (due, held) in coreGroups) CoreGroup(plan, due, held, shared);
        }
    }

    /// <summary>The case the child had just before this one (the assessment or child in need case the enquiry was made in).</summary>
    private Involvement? CaseBefore(Involvement i) =>
        _cases[i.PersonId].Where(o => o.Id != i.Id && o.Team is not null && o.StartDate < i.StartDate && o.EndDate is { } end
                && end >= i.StartDate.AddDays(-7) && end <= i.StartDate && o.Kind is InvolvementKind.Assessment or InvolvementKind.ChildInNeed)
            .OrderByDescending(o => o.StartDate).FirstOrDefault();

    /// <summary>The social care case the child had on the day (the newest if two).</summary>
    private Involvement? CaseOn(Guid personId, DateOnly day) =>
        _cases[personId].Where(o => o.Team is not null && o.StartDate <= day && (o.EndDate is null || o.EndDate >= day)
                && o.Kind is InvolvementKind.Assessment or InvolvementKind.ChildInNeed or InvolvementKind.ChildProtection)
            .OrderByDescending(o => o.StartDate).FirstOrDefault();

    /// <summary>The child's referral still open on the day (the social care episode), if the front door recorded it.</summary>
    private Referral? ReferralFor(Guid personId, DateOnly day) =>
        _referrals[personId].Where(r => r.ReferralDate <= day && (r.ClosedOn is null || r.ClosedOn >= day)).OrderByDescending(r => r.ReferralDate).FirstOrDefault();

    /// <summary>
    /// Whether the next initial conference (for this many children) is late: spread so that the borough's share in time
    /// stays at the seeds' 78%, rather than drifting with chance as a small sample would.
    /// </summary>
    private bool NextLate(int children) => (_late + children / 2.0) <= (1 - InTime) * (_conferences + children);

    private void Count(int children, bool late)
    {
        _conferences += children;
        if (late) _late += children;
    }

    private Family Shared(List<Involvement> family, Involvement holding)
    {
        var worker = holding.Worker ?? family[0].Worker ?? staff.Managers[family[0].Team!];
        var youngest = family.Select(i => people[i.PersonId].AgeOn(asOf) ?? -1).Min();
        var oldest = family.Select(i => people[i.PersonId].AgeOn(asOf) ?? -1).Max();
        var category = rng.Weighted(Categories);
        var pros = new List<Professional>
        {
            new(ProfessionalRole.SocialWorker, worker.DisplayName, null, null),
            Partner(ProfessionalRole.Police, AgencyKind.Police, "Northmoor Police"),
            Partner(ProfessionalRole.Gp, AgencyKind.Health, "GP"),
        };
        if (rng.Chance(0.6)) pros.Insert(1, new(ProfessionalRole.TeamManager, staff.Managers[family[0].Team!].DisplayName, null, null));
        if (youngest < 5) pros.Add(Partner(ProfessionalRole.HealthVisitor, AgencyKind.Health, "Community Health"));
        if (youngest < 1) pros.Add(Partner(ProfessionalRole.Midwife, AgencyKind.Health, "Hospitals"));
        if (oldest >= 4) pros.Add(Partner(ProfessionalRole.School, AgencyKind.Education, null));
        if (oldest >= 5 && rng.Chance(0.3)) pros.Add(Partner(ProfessionalRole.SchoolNurse, AgencyKind.Health, "Community Health"));
        if (rng.Chance(category == "EMO" ? 0.45 : 0.1)) pros.Add(Partner(ProfessionalRole.DomesticAbuseService, AgencyKind.Voluntary, "Domestic Abuse"));
        if (rng.Chance(0.15)) pros.Add(Partner(ProfessionalRole.Probation, AgencyKind.Probation, null));
        if (rng.Chance(category == "NEG" ? 0.2 : 0.08)) pros.Add(Partner(ProfessionalRole.Housing, AgencyKind.Housing, null));
        if (rng.Chance(0.12)) pros.Add(Partner(ProfessionalRole.SubstanceMisuse, null, null));
        if (rng.Chance(0.1)) pros.Add(Partner(ProfessionalRole.MentalHealth, null, null));
        return new Family(worker, rng.Pick(_chairs), category, pros);
    }

    /// <summary>
    /// A professional from one of the borough's agencies: a partner who uses Safeguard when the agency has one (so they
    /// can send their report through their own view; the well-known partners get a fair share), otherwise someone named.
    /// </summary>
    private Professional Partner(ProfessionalRole role, AgencyKind? kind, string? named)
    {
        Agency? agency = null;
        if (kind is { } k)
        {
            if (!_agencies.TryGetValue((k, named), out var agencies))
                _agencies[(k, named)] = agencies = staff.Agencies.Where(a => a.Kind == k && (named switch
                {
                    null => true,
                    // The surgeries: every health agency but the borough's own trusts.
                    "GP" => !a.Name.StartsWith("Northmoor", StringComparison.Ordinal),
                    _ => a.Name.Contains(named, StringComparison.Ordinal),
                })).ToList();
            // The demo's own school sign-in is at the first school: it comes up more often than the others.
            agency = role == ProfessionalRole.School && rng.Chance(0.15) ? agencies[0] : agencies.Count > 0 ? rng.Pick(agencies) : null;
        }
        var users = agency is null ? [] : _partners[agency.Id].ToList();
        var known = users.FirstOrDefault(u => staff.KnownPartners.Contains(u));
        var user = known is not null && rng.Chance(0.5) ? known : users.Count > 0 && rng.Chance(0.8) ? rng.Pick(users) : null;
        var name = user?.DisplayName ?? MadeUpName(role);
        return new Professional(role, name, agency?.Id, user?.Id);
    }

    private string MadeUpName(ProfessionalRole role)
    {
        var group = rng.Pick(Enum.GetValues<NameGroup>());
        var sex = rng.Chance(0.6) ? "F" : "M";
        var name = $"{DemoNames.FirstName(rng, group, sex, child: false)} {DemoNames.Surname(rng, group)}";
        return role == ProfessionalRole.Gp ? "Dr " + name : name;
    }

    // ---- Strategy discussions and section 47 enquiries ----

    /// <summary>The strategy discussion (or two) and the enquiry it started, with the child seen early in it.</summary>
    private Section47Enquiry Enquiry(Involvement i, Involvement holding, Referral? referral, StaffUser worker, Family shared,
        DateOnly startedOn, DateOnly lastOn, DateOnly? latestSeen)
    {
        var team = holding.TeamId!.Value;
        var first = Discussion(i.PersonId, referral, team, worker, shared, startedOn, StrategyDecision.StartSection47, rng.Pick(StartReasons));
        var enquiry = new Section47Enquiry
        {
            PersonId = i.PersonId, ReferralId = referral?.Id, TeamId = team, StartDate = startedOn,
            ConferenceDueDate = _dues.InitialConference(startedOn), ConferenceTargetDate = _dues.ConferenceTarget(startedOn),
            WorkerId = worker.Id, WorkerName = worker.DisplayName, CreatedAtUtc = first.RecordedAtUtc, Version = rng.NextGuid(),
        };
        Rows.Enquiries.Add(enquiry);
        _enquiryOf[first] = enquiry;
        Note(i.PersonId, first.HeldAtUtc, first.RecordedAtUtc, worker, ChildProtectionChronology.StrategyDiscussion,
            $"Strategy discussion ({StrategyDiscussionService.Label(first.Form).ToLowerInvariant()}) with {Agencies(first)}: section 47 enquiry started; " +
            $"an initial conference, if needed, is due by {enquiry.ConferenceDueDate:d MMMM yyyy}", true, () => $"/people/{first.PersonId}/strategy-discussions/{first.Id}");
        if (lastOn > startedOn)
        {
            var again = Discussion(i.PersonId, referral, team, worker, shared, lastOn, StrategyDecision.ContinueSection47, rng.Pick(ContinueReasons));
            _enquiryOf[again] = enquiry;
            enquiry.ConferenceDueDate = _dues.InitialConference(lastOn);
            Note(i.PersonId, again.HeldAtUtc, again.RecordedAtUtc, worker, ChildProtectionChronology.StrategyDiscussion,
                $"Strategy discussion ({StrategyDiscussionService.Label(again.Form).ToLowerInvariant()}) with {Agencies(again)}: the section 47 enquiry continues; " +
                $"an initial conference, if needed, is due by {enquiry.ConferenceDueDate:d MMMM yyyy}", true, () => $"/people/{again.PersonId}/strategy-discussions/{again.Id}");
        }
        // Seen within a day or two of the discussion, alone when old enough.
        var seen = calendar.AddWorkingDays(startedOn, rng.Next(0, 3));
        if (latestSeen is { } limit && seen > limit) seen = Later(startedOn, limit);
        if (seen >= asOf) return enquiry;
        var child = people[i.PersonId];
        enquiry.ChildSeenOn = seen;
        if (child.AgeOn(seen) is not { } age) enquiry.NotSeenAloneReason = "Unborn baby: the mother was seen";
        else if (age < 4) enquiry.NotSeenAloneReason = "Too young to be seen alone: seen with their parent";
        else if (rng.Chance(0.85)) enquiry.ChildSeenAloneOn = seen;
        else enquiry.NotSeenAloneReason = "The parents would not agree and the child was seen at home with them; seen alone at school later";
        var at = Before(Later(rng.WorkingMoment(seen, fromHour: 15, hours: 3), enquiry.CreatedAtUtc.AddMinutes(30)));
        Note(i.PersonId, at, at, worker, ChildProtectionChronology.Section47,
            enquiry.ChildSeenAloneOn is { } a ? $"Section 47 enquiry: child seen {seen:d MMMM yyyy}, seen alone {a:d MMMM yyyy}"
                : $"Section 47 enquiry: child seen {seen:d MMMM yyyy}, not seen alone: {enquiry.NotSeenAloneReason}", false, () => $"/people/{enquiry.PersonId}/section-47/{enquiry.Id}");
        _afterNumbering.Add(() => access.Add(worker, at, AccessAction.Changed, enquiry.PersonId, $"Section 47 enquiry {enquiry.Id} child seen recorded"));
        return enquiry;
    }

    private StrategyDiscussion Discussion(Guid personId, Referral? referral, int teamId, StaffUser worker, Family shared, DateOnly day,
        StrategyDecision decision, string reason)
    {
        var form = rng.Weighted([(StrategyDiscussionForm.VideoCall, 50.0), (StrategyDiscussionForm.Meeting, 30.0), (StrategyDiscussionForm.Call, 20.0)]);
        var held = Before(rng.WorkingMoment(day, fromHour: 9, hours: 7));
        var recorded = Before(held.AddMinutes(rng.Next(60, 300)));
        var d = new StrategyDiscussion
        {
            PersonId = personId, ReferralId = referral?.Id, TeamId = teamId, HeldAtUtc = held, Form = form, InformationShared = rng.Pick(InformationShared),
            SafetyActions = rng.Chance(0.8) ? rng.Pick(SafetyActions) : null, Decision = decision, DecisionReason = reason,
            RecordedById = worker.Id, RecordedByName = worker.DisplayName, RecordedAtUtc = recorded, Version = rng.NextGuid(),
        };
        // Working Together: police and health at every discussion, with the social worker and their manager.
        d.Participants.Add(new StrategyParticipant { Role = ProfessionalRole.SocialWorker, Name = worker.DisplayName, TookPart = true });
        foreach (var p in shared.Professionals.Where(p => p.Role is ProfessionalRole.TeamManager or ProfessionalRole.Police or ProfessionalRole.Gp
            or ProfessionalRole.HealthVisitor or ProfessionalRole.School))
            d.Participants.Add(new StrategyParticipant
            {
                Role = p.Role, Name = p.Name, AgencyId = p.AgencyId,
                TookPart = rng.Chance(p.Role switch { ProfessionalRole.Police => 0.96, ProfessionalRole.TeamManager => 0.95, ProfessionalRole.Gp => 0.7, _ => 0.85 }),
            });
        Rows.Discussions.Add(d);
        _afterNumbering.Add(() => access.Add(worker, recorded, AccessAction.Created, personId, $"Strategy discussion {d.Id} recorded"));
        return d;
    }

    private static string Agencies(StrategyDiscussion d) => string.Join(", ", d.Participants.Select(p => ProfessionalRoles.Label(p.Role)).Distinct());

    private void Conclude(Section47Enquiry enquiry, StaffUser worker, Section47Outcome outcome, DateOnly on, string reason)
    {
        (enquiry.Outcome, enquiry.OutcomeOn, enquiry.OutcomeReason) = (outcome, on, reason);
        var at = Before(Later(rng.WorkingMoment(on, fromHour: 12, hours: 3), enquiry.CreatedAtUtc.AddMinutes(60)));
        var summary = outcome == Section47Outcome.InitialConference
            ? $"Section 47 enquiry concluded: concerns substantiated and the child judged at continuing risk of significant harm; initial child protection conference due by {enquiry.ConferenceDueDate:d MMMM yyyy}"
            : $"Section 47 enquiry concluded: {Section47Service.Label(outcome).ToLowerInvariant()} (no conference needed)";
        Note(enquiry.PersonId, WorkingDayCalendar.FromUkLocal(on.ToDateTime(TimeOnly.MinValue)).UtcDateTime, at, worker, ChildProtectionChronology.Section47, summary, true,
            () => $"/people/{enquiry.PersonId}/section-47/{enquiry.Id}");
        _afterNumbering.Add(() => access.Add(worker, at, AccessAction.Changed, enquiry.PersonId, $"Section 47 enquiry {enquiry.Id} concluded"));
    }

    /// <summary>Police protection (up to 72 hours) or an emergency protection order (up to 8 days), from the day of the first discussion.</summary>
    private void Emergency(Guid personId, StaffUser worker, DateOnly on)
    {
        var order = rng.Chance(0.35);
        var end = on.AddDays(order ? rng.Next(3, 9) : rng.Next(0, 4));
        var recorded = Before(rng.WorkingMoment(on, fromHour: 16, hours: 2));
        var e = new EmergencyProtection
        {
            PersonId = personId, Kind = order ? EmergencyProtectionKind.EmergencyProtectionOrder : EmergencyProtectionKind.PolicePowers, StartDate = on,
            EndDate = end < asOf ? end : null, Details = rng.Pick(EmergencyDetails), RecordedById = worker.Id, RecordedByName = worker.DisplayName, RecordedAtUtc = recorded,
        };
        Rows.EmergencyProtections.Add(e);
        Note(personId, WorkingDayCalendar.FromUkLocal(on.ToDateTime(TimeOnly.MinValue)).UtcDateTime, recorded, worker, ChildProtectionChronology.EmergencyProtection,
            $"{(order ? "Emergency protection order" : "Police protection")} from {on:d MMMM yyyy}{(e.EndDate is { } ended ? $" to {ended:d MMMM yyyy}" : "")}", true, null);
    }

    // ---- Conferences ----

    private ChildProtectionConference Conference(Guid personId, ConferenceKind kind, int teamId, DateOnly due, DateTime created, Family shared,
        Section47Enquiry? enquiry = null, ChildProtectionPlan? plan = null)
    {
        var c = new ChildProtectionConference
        {
            PersonId = personId, Kind = kind, TeamId = teamId, DueDate = due, CreatedAtUtc = created, Version = rng.NextGuid(),
            // A review keeps the plan's chair (ConferenceService carries it over); a first conference gets one when arranged.
            ChairId = plan is null ? null : shared.Chair.Id, ChairName = plan is null ? null : shared.Chair.DisplayName,
        };
        Rows.Conferences.Add(c);
        _conferenceOf[c] = (enquiry, plan);
        return c;
    }

    /// <summary>Invites the professionals involved, each asked for a report (the GP always), as the chair does before a conference.</summary>
    private void Invite(ChildProtectionConference c, Family shared, bool review)
    {
        foreach (var p in shared.Professionals)
        {
            if (review && p.Role is ProfessionalRole.Police or ProfessionalRole.Probation && rng.Chance(0.35)) continue;
            c.Members.Add(new ConferenceMember
            {
                Role = p.Role, Name = p.Name, AgencyId = p.AgencyId, UserId = p.UserId,
                ReportRequested = p.Role is not (ProfessionalRole.SocialWorker or ProfessionalRole.TeamManager) && (p.Role == ProfessionalRole.Gp || rng.Chance(0.85)),
            });
        }
    }

    /// <summary>A conference still to hold on day one: arranged with its chair when it is near, invitations out and some reports in.</summary>
    private void Arrange(ChildProtectionConference c, DateOnly due, Family shared)
    {
        var on = due < asOf ? calendar.AddWorkingDays(asOf, rng.Next(1, 8)) : Earlier(due, calendar.AddWorkingDays(asOf, rng.Next(1, 30)));
        if (calendar.WorkingDaysBetween(asOf, on) > 20 && rng.Chance(0.6)) return;
        (c.ChairId, c.ChairName) = (shared.Chair.Id, shared.Chair.DisplayName);
        c.ScheduledForUtc = FrontDoorClock.At(on, rng.Chance(0.5) ? 10 : 13.5);
        Invite(c, shared, c.Kind == ConferenceKind.Review);
        var near = calendar.WorkingDaysBetween(asOf, on) <= 5;
        foreach (var m in c.Members.Where(m => m.ReportRequested && rng.Chance(near ? 0.6 : 0.2)))
            SubmitReport(m, calendar.AddWorkingDays(asOf, -rng.Next(1, 6)), c.CreatedAtUtc);
    }

    private void SubmitReport(ConferenceMember m, DateOnly on, DateTime notBefore)
    {
        m.Report = rng.Pick(Reports);
        m.ReportSubmittedAtUtc = Before(Later(rng.WorkingMoment(on), notBefore.AddMinutes(30)));
        m.ReportSubmittedByName = m.Name;
    }

    /// <summary>Holds the conference on the day, with attendance, reports, participation and the decision, as HoldAsync records it.</summary>
    private void Hold(ChildProtectionConference c, Person child, DateOnly held, Family shared, ConferenceDecision decision, string? category = null,
        ChildProtectionPlan? plan = null, PlanEndReason? endReason = null)
    {
        var review = c.Kind == ConferenceKind.Review;
        (c.ChairId, c.ChairName) = (shared.Chair.Id, shared.Chair.DisplayName);
        c.ScheduledForUtc = FrontDoorClock.At(held, rng.Chance(0.5) ? 10 : 13.5);
        Invite(c, shared, review);
        foreach (var m in c.Members)
        {
            m.Attended = rng.Chance(m.Role switch
            {
                ProfessionalRole.SocialWorker => 0.98, ProfessionalRole.TeamManager => 0.9, ProfessionalRole.Police => review ? 0.4 : 0.75,
                ProfessionalRole.Gp => 0.12, ProfessionalRole.School => 0.85, ProfessionalRole.HealthVisitor => 0.8, _ => 0.6,
            });
            var sends = m.Role == ProfessionalRole.Gp ? GpReports : m.Role == ProfessionalRole.Police ? 0.85 : 0.88;
            if (m.ReportRequested && rng.Chance(sends)) SubmitReport(m, calendar.AddWorkingDays(held, -rng.Next(1, 5)), c.CreatedAtUtc);
        }
        var age = child.AgeOn(held);
        c.ChildParticipation = age is null or < 4 ? Participation.NotAppropriate
            : age < 8 ? rng.Weighted([(Participation.ViewsThroughSocialWorker, 70.0), (Participation.ViewsThroughAdvocate, 10.0), (Participation.NotAppropriate, 20.0)])
            : age < 12 ? rng.Weighted([(Participation.ViewsThroughSocialWorker, 45.0), (Participation.ViewsInWriting, 20.0), (Participation.ViewsThroughAdvocate, 20.0),
                (Participation.AttendedPart, 10.0), (Participation.DidNotParticipate, 5.0)])
            : rng.Weighted([(Participation.Attended, 20.0), (Participation.AttendedPart, 20.0), (Participation.ViewsInWriting, 15.0), (Participation.ViewsThroughAdvocate, 20.0),
                (Participation.ViewsThroughSocialWorker, 15.0), (Participation.DidNotParticipate, 10.0)]);
        c.ChildViews = c.ChildParticipation is Participation.NotAppropriate or Participation.DidNotParticipate ? null : rng.Pick(ChildViews);
        c.ParentsParticipation = rng.Weighted([(Participation.Attended, 72.0), (Participation.AttendedPart, 10.0), (Participation.ViewsThroughAdvocate, 4.0),
            (Participation.ViewsInWriting, 4.0), (Participation.DidNotParticipate, 10.0)]);
        c.ParentsViews = c.ParentsParticipation == Participation.DidNotParticipate ? null : rng.Pick(ParentsViews);
        c.HeldOn = held;
        c.Decision = decision;
        if (decision is ConferenceDecision.Plan or ConferenceDecision.ContinuePlan)
        {
            c.Category = category ?? shared.Category;
            var subs = AbuseCategories.DefaultSubCategories[c.Category];
            c.SubCategory = subs.Length > 0 && rng.Chance(0.75) ? rng.Pick(subs) : null;
        }
        if (review)
        {
            // Reviews test whether the plan is working and challenge work not done.
            c.PlanWorking = decision == ConferenceDecision.EndPlan || rng.Chance(0.72);
            c.PlanWorkingReason = rng.Pick(c.PlanWorking == true ? PlanWorking : PlanNotWorking);
            c.WorkNotDone = c.PlanWorking == true && rng.Chance(0.7) ? NoWorkNotDone : rng.Pick(WorkNotDone);
        }
        c.DecisionReason = decision switch
        {
            ConferenceDecision.Plan => rng.Pick(PlanReasons),
            ConferenceDecision.NoPlan => rng.Pick(NoPlanReasons),
            ConferenceDecision.ContinuePlan => rng.Pick(ContinueDecisions),
            _ => rng.Pick(EndDecisions),
        };
        if (decision == ConferenceDecision.EndPlan) c.PlanEndReason = ConferenceService.Label(endReason!.Value);
        c.RecordedAtUtc = Before(Later(rng.WorkingMoment(calendar.AddWorkingDays(held, rng.Chance(0.7) ? 0 : rng.Next(1, 3)), fromHour: 15, hours: 2.5),
            c.CreatedAtUtc.AddMinutes(30)));

        if (plan is not null && decision == ConferenceDecision.ContinuePlan)
        {
            (plan.LatestCategory, plan.LatestSubCategory) = (c.Category!, c.SubCategory);
            var next = _dues.NextReview(plan.StartDate, held);
            ConferenceNote(c, $"Review conference held: the plan continues under {AbuseCategories.Label(plan.LatestCategory).ToLowerInvariant()}"
                + $"{(c.PlanWorking == false ? "; the plan is not working" : "")}; next review due by {next:d MMMM yyyy}");
        }
        else if (plan is not null && decision == ConferenceDecision.EndPlan)
        {
            (plan.EndDate, plan.EndReason) = (held, endReason);
            var continues = endReason == PlanEndReason.SteppedDownToChildInNeed ? "; the case continues as a child in need case" : "";
            ConferenceNote(c, $"Review conference held: the child protection plan ends ({ConferenceService.Label(endReason!.Value).ToLowerInvariant()}){continues}");
        }
        else if (decision == ConferenceDecision.NoPlan) ConferenceNote(c, $"{ConferenceService.Label(c.Kind)} held: no child protection plan");
        // A plan's start writes its own entry (StartPlan), worded as ConferenceService words it.
    }

    private void ConferenceNote(ChildProtectionConference c, string summary)
    {
        var chair = _chairs.First(u => u.Id == c.ChairId);
        Note(c.PersonId, WorkingDayCalendar.FromUkLocal(c.HeldOn!.Value.ToDateTime(new TimeOnly(12, 0))).UtcDateTime, c.RecordedAtUtc!.Value, chair,
            ChildProtectionChronology.Conference, $"{summary} (chair: {c.ChairName})", true, () => $"/conferences/{c.Id}");
        _afterNumbering.Add(() => access.Add(chair, c.RecordedAtUtc!.Value, AccessAction.Changed, c.PersonId, $"Child protection conference {c.Id} held"));
    }

    // ---- The plan ----

    /// <summary>The plan the initial conference decided, with its actions: its previous plans counted as StartPlanAsync counts them.</summary>
    private ChildProtectionPlan StartPlan(Involvement i, ChildProtectionConference initial, Family shared)
    {
        var before = _plansOf.GetValueOrDefault(i.PersonId, []).Where(p => p.EndDate is { } end && end <= initial.HeldOn).ToList();
        var plan = new ChildProtectionPlan
        {
            PersonId = i.PersonId, ReferralId = ReferralFor(i.PersonId, initial.HeldOn!.Value)?.Id, TeamId = i.TeamId!.Value, StartDate = initial.HeldOn!.Value,
            InitialCategory = initial.Category!, LatestCategory = initial.Category!, LatestSubCategory = initial.SubCategory,
            PreviousPlans = before.Count, PreviousPlanEnded = before.Count == 0 ? null : before.Max(p => p.EndDate), CreatedAtUtc = initial.RecordedAtUtc!.Value,
            Version = rng.NextGuid(),
        };
        Rows.Plans.Add(plan);
        if (!_plansOf.TryGetValue(i.PersonId, out var list)) _plansOf[i.PersonId] = list = [];
        list.Add(plan);
        _initialOf[plan] = initial;
        _conferenceOf[initial] = (_conferenceOf[initial].Enquiry, plan);
        var flags = _dues.For(plan.StartDate, null, plan.PreviousPlans, plan.PreviousPlanEnded, plan.StartDate);
        var repeat = flags.WithinTwoYears ? $"; a second plan within two years of the last ({plan.PreviousPlans} before)"
            : flags.Repeat ? $"; a repeat plan ({plan.PreviousPlans} before)" : "";
        ConferenceNote(initial, $"{ConferenceService.Label(initial.Kind)} held: child protection plan under {AbuseCategories.Label(plan.InitialCategory).ToLowerInvariant()}{repeat}; "
            + $"first core group due by {_dues.NextCoreGroup(plan.StartDate, null):d MMMM yyyy}, first review by {_dues.NextReview(plan.StartDate, null):d MMMM yyyy}");
        var workers = staff.Workers.GetValueOrDefault(i.Team!, []);
        foreach (var (text, worker) in Actions.OrderBy(_ => rng.Next()).Take(rng.Next(3, 7)))
        {
            var owner = worker ? shared.Worker : null;
            var ownerName = owner?.DisplayName ?? rng.Pick(["Mother", "Father", "Parents", .. shared.Professionals.Where(p => p.Role != ProfessionalRole.SocialWorker)
                .Select(p => $"{p.Name} ({ProfessionalRoles.Label(p.Role)})")]);
            plan.Actions.Add(new ProtectionAction
            {
                Text = text, OwnerName = ownerName, OwnerUserId = owner?.Id, DueDate = calendar.AddWorkingDays(plan.StartDate, rng.Next(10, 60)),
                Status = PlanActionStatus.NotStarted,
            });
        }
        return plan;
    }

    /// <summary>Progress on the plan's actions at a meeting: most done by their date, some still under way (and late on day one).</summary>
    private void UpdateActions(ChildProtectionPlan plan, DateOnly on, StaffUser worker)
    {
        foreach (var a in plan.Actions.Where(a => a.Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress))
        {
            a.Status = a.DueDate <= on
                ? rng.Weighted([(PlanActionStatus.Done, 75.0), (PlanActionStatus.InProgress, 20.0), (PlanActionStatus.NoLongerNeeded, 5.0)])
                : rng.Chance(0.6) ? PlanActionStatus.InProgress : a.Status;
            a.Progress = a.Status switch
            {
                PlanActionStatus.Done => Progress[0], PlanActionStatus.NoLongerNeeded => Progress[3], PlanActionStatus.InProgress => rng.Pick([Progress[1], Progress[2]]), _ => a.Progress,
            };
        }
        // A review agrees a new action now and then, with its own date.
        if (rng.Chance(0.3) && plan.EndDate is null)
        {
            var (text, byWorker) = rng.Pick(Actions);
            plan.Actions.Add(new ProtectionAction
            {
                Text = text, OwnerName = byWorker ? worker.DisplayName : "Parents", OwnerUserId = byWorker ? worker.Id : null,
                DueDate = calendar.AddWorkingDays(on, rng.Next(10, 40)), Status = PlanActionStatus.NotStarted,
            });
        }
    }

    /// <summary>
    /// The plan's review conferences: the first within 3 months, then every 6 months, mostly held a few days before they
    /// are due, some late; the last one held ends the plan on the day the case ended. An open plan has its next one due.
    /// </summary>
    private List<(DateOnly Due, DateOnly? Held)> Reviews(DateOnly start, DateOnly? end)
    {
        var reviews = new List<(DateOnly, DateOnly?)>();
        DateOnly? last = null;
        while (true)
        {
            var due = _dues.NextReview(start, last);
            var held = rng.Chance(0.88) ? calendar.AddWorkingDays(due, -rng.Next(0, 8)) : calendar.AddWorkingDays(due, rng.Next(1, 16));
            // On day one some recently due are not held yet: the chairs' list shows them late.
            if (end is null && due < asOf && due >= asOf.AddDays(-35) && rng.Chance(0.35)) held = asOf.AddDays(7);
            held = Later(held, (last ?? start).AddDays(1)).Weekday();
            if (held <= (last ?? start)) held = calendar.AddWorkingDays(last ?? start, 1);
            if (end is { } e && held >= e)
            {
                reviews.Add((due, e));
                return reviews;
            }
            if (held >= asOf)
            {
                reviews.Add((due, null));
                return reviews;
            }
            reviews.Add((due, held));
            last = held;
        }
    }

    /// <summary>
    /// Core groups: the first within 10 working days of the initial conference, then every 4 weeks from the last held;
    /// mostly on time, some late, and on day one each plan has its next one due (now and then one lapsed for weeks).
    /// </summary>
    private List<(DateOnly Due, DateOnly? Held)> CoreGroups(DateOnly start, DateOnly? end)
    {
        var meetings = new List<(DateOnly, DateOnly?)>();
        var stop = end ?? asOf;
        var lapsed = end is null && rng.Chance(0.04);
        DateOnly? last = null;
        while (true)
        {
            var due = _dues.NextCoreGroup(start, last);
            var held = rng.Chance(0.85) ? calendar.AddWorkingDays(due, -rng.Next(0, 4)) : calendar.AddWorkingDays(due, rng.Next(1, 12));
            if (lapsed && due > asOf.AddDays(-70)) held = asOf.AddDays(30);
            if (held <= (last ?? start)) held = calendar.AddWorkingDays(last ?? start, 1);
            if (held >= stop)
            {
                // Due when the plan ended: it stays on the record, no longer due (ConferenceService leaves it).
                if (end is null || due <= end) meetings.Add((due, null));
                return meetings;
            }
            meetings.Add((due, held));
            last = held;
        }
    }

    private void CoreGroup(ChildProtectionPlan plan, DateOnly due, DateOnly? held, Family shared)
    {
        var m = new CoreGroupMeeting { PersonId = plan.PersonId, DueDate = due, HeldOn = held, Version = rng.NextGuid() };
        Rows.CoreGroups.Add(m);
        _coreGroupOf[m] = plan;
        if (held is not { } on) return;
        var came = shared.Professionals.Where(p => p.Role is ProfessionalRole.SocialWorker || rng.Chance(0.6)).Select(p => $"{p.Name} ({ProfessionalRoles.Label(p.Role)})");
        m.Attendees = string.Join("; ", came.Append(rng.Pick(["Mother", "Both parents", "Mother and her advocate", "Father"])));
        m.Notes = rng.Pick(CoreGroupNotes);
        m.RecordedByName = shared.Worker.DisplayName;
        m.RecordedAtUtc = Before(rng.WorkingMoment(calendar.AddWorkingDays(on, rng.Chance(0.8) ? 0 : rng.Next(1, 4)), fromHour: 14, hours: 3));
        var next = _dues.NextCoreGroup(plan.StartDate, on);
        var late = on > due ? $" (due by {due:d MMMM yyyy})" : "";
        Note(plan.PersonId, WorkingDayCalendar.FromUkLocal(on.ToDateTime(new TimeOnly(12, 0))).UtcDateTime, m.RecordedAtUtc.Value, shared.Worker,
            ChildProtectionChronology.CoreGroup, $"Core group held on {on:d MMMM yyyy}{late}. Next core group due by {next:d MMMM yyyy}", false, null);
        if (plan.EndDate is null || on < plan.EndDate) UpdateActions(plan, on, shared.Worker);
    }

    /// <summary>Why the plan ended: what the child's next case was (child in need, care), 18, or no longer at risk.</summary>
    private PlanEndReason EndReasonFor(Involvement i, DateOnly ended)
    {
        var next = _cases[i.PersonId].Where(o => o.Id != i.Id && o.StartDate >= ended && o.StartDate <= ended.AddDays(7)).Select(o => o.Kind).ToList();
        if (next.Contains(InvolvementKind.LookedAfter)) return PlanEndReason.BecameLookedAfter;
        if (next.Contains(InvolvementKind.ChildInNeed)) return PlanEndReason.SteppedDownToChildInNeed;
        if (people[i.PersonId].AgeOn(ended) >= 18) return PlanEndReason.ReachedEighteen;
        return rng.Weighted([(PlanEndReason.NoLongerAtRisk, 92.0), (PlanEndReason.MovedToAnotherCouncil, 5.0), (PlanEndReason.Other, 3.0)]);
    }

    // ---- Enquiries that did not lead to a plan ----

    /// <summary>
    /// About a quarter of assessments not followed by a plan had a strategy discussion: usually an enquiry that found the
    /// concerns not substantiated or no continuing risk, now and then a conference that decided on no plan, and a few
    /// discussions that decided no enquiry was needed. On day one some are still under way, some waiting for their conference.
    /// </summary>
    private void AddEnquiryOnly(List<Involvement> family)
    {
        var first = family[0];
        if (first.StartDate < _from || first.StartDate >= asOf) return;
        if (_cases[first.PersonId].Any(o => o.Kind == InvolvementKind.ChildProtection && first.EndDate is { } e && o.StartDate >= first.StartDate && o.StartDate <= e.AddDays(7)))
            return;
        var open = first.EndDate is null;
        if (!rng.Chance(open ? 0.35 : 0.28)) return;
        var referral = ReferralFor(first.PersonId, first.StartDate);
        if (referral is null) return;
        var lastDay = Earlier(first.EndDate ?? asOf.AddDays(-1), asOf.AddDays(-1));
        var startedOn = calendar.AddWorkingDays(Later(referral.ReferralDate, first.StartDate), rng.Next(0, 4));
        if (startedOn > lastDay) return;
        var shared = Shared(family, first);

        if (rng.Chance(0.1))
        {
            foreach (var i in family)
            {
                var worker = socialWork.HolderOn(i, startedOn) ?? i.Worker ?? shared.Worker;
                var d = Discussion(i.PersonId, referral, i.TeamId!.Value, worker, shared, startedOn, StrategyDecision.NoSection47, rng.Pick(NoEnquiryReasons));
                Note(i.PersonId, d.HeldAtUtc, d.RecordedAtUtc, worker, ChildProtectionChronology.StrategyDiscussion,
                    $"Strategy discussion ({StrategyDiscussionService.Label(d.Form).ToLowerInvariant()}) with {Agencies(d)}: no section 47 enquiry", true,
                    () => $"/people/{d.PersonId}/strategy-discussions/{d.Id}");
            }
            return;
        }
        var lastOn = rng.Chance(0.12) ? Earlier(calendar.AddWorkingDays(startedOn, rng.Next(2, 6)), lastDay) : startedOn;
        var since = calendar.WorkingDaysBetween(lastOn, asOf);
        // What became of it: still under way, waiting for its conference, a conference that decided on no plan, or concluded.
        var (outcome, conferenceOn) = open && since <= 8 ? ((Section47Outcome?)null, (DateOnly?)null)
            : open && since <= 20 && rng.Chance(0.6) ? (Section47Outcome.InitialConference, null)
            : !open && rng.Chance(0.08) ? (Section47Outcome.InitialConference, ConferenceDay(family.Count, lastOn, lastDay))
            : (rng.Chance(0.55) ? Section47Outcome.NotSubstantiated : Section47Outcome.SubstantiatedNoContinuingRisk, null);
        if (outcome == Section47Outcome.InitialConference && conferenceOn is null && !open) outcome = Section47Outcome.NotSubstantiated;
        var emergency = rng.Chance(0.012);
        DateOnly? concludedOn = outcome is null ? null
            : outcome == Section47Outcome.InitialConference ? Earlier(calendar.AddWorkingDays(lastOn, rng.Next(2, 7)), conferenceOn ?? asOf.AddDays(-1))
            : Earlier(calendar.AddWorkingDays(lastOn, rng.Next(4, 16)), lastDay);
        if (concludedOn < lastOn) concludedOn = lastOn;
        foreach (var i in family)
        {
            var worker = socialWork.HolderOn(i, startedOn) ?? i.Worker ?? shared.Worker;
            var enquiry = Enquiry(i, i, referral, worker, shared, startedOn, lastOn, concludedOn ?? lastDay);
            if (emergency) Emergency(i.PersonId, worker, startedOn);
            // Concluded only once the child has been seen (Section47Service refuses it before).
            if (outcome is not { } o || concludedOn is not { } concluded || enquiry.ChildSeenOn is null) continue;
            Conclude(enquiry, worker, o, concluded, o switch
            {
                Section47Outcome.NotSubstantiated => rng.Pick(NotSubstantiatedReasons),
                Section47Outcome.SubstantiatedNoContinuingRisk => rng.Pick(NoContinuingRiskReasons),
                _ => rng.Pick(ConferenceReasons),
            });
            if (o != Section47Outcome.InitialConference) continue;
            var conference = Conference(i.PersonId, ConferenceKind.Initial, i.TeamId!.Value, enquiry.ConferenceDueDate,
                Before(Later(rng.WorkingMoment(concluded, fromHour: 14, hours: 3), enquiry.CreatedAtUtc.AddMinutes(30))), shared, enquiry);
            if (conferenceOn is { } held) Hold(conference, people[i.PersonId], held, shared, ConferenceDecision.NoPlan);
            else Arrange(conference, conference.DueDate, shared);
        }
    }

    /// <summary>The day of a conference that decided on no plan, before the case ended; counted with the others for timeliness.</summary>
    private DateOnly? ConferenceDay(int children, DateOnly lastOn, DateOnly lastDay)
    {
        var late = NextLate(children);
        var day = calendar.AddWorkingDays(lastOn, late ? rng.Next(16, 25) : rng.Next(6, 16));
        if (day > lastDay) return null;
        Count(children, day > _dues.InitialConference(lastOn));
        return day;
    }

    // ---- Numbering ----

    /// <summary>Numbers every table in the order the services would have saved the rows, then fills in the keys, links and access log.</summary>
    private void Number()
    {
        Renumber(Rows.Enquiries, e => e.CreatedAtUtc, (e, id) => e.Id = id);
        Renumber(Rows.Discussions, d => d.RecordedAtUtc, (d, id) => d.Id = id);
        foreach (var d in Rows.Discussions)
        {
            d.Section47EnquiryId = _enquiryOf.GetValueOrDefault(d)?.Id;
            foreach (var p in d.Participants) { p.StrategyDiscussionId = d.Id; p.Id = Rows.Participants.Count + 1; Rows.Participants.Add(p); }
        }
        Renumber(Rows.EmergencyProtections, e => e.RecordedAtUtc, (e, id) => e.Id = id);
        Renumber(Rows.Conferences, c => c.CreatedAtUtc, (c, id) => c.Id = id);
        Renumber(Rows.Plans, p => p.CreatedAtUtc, (p, id) => p.Id = id);
        foreach (var p in Rows.Plans)
        {
            p.InitialConferenceId = _initialOf[p].Id;
            foreach (var a in p.Actions) { a.PlanId = p.Id; a.Id = Rows.Actions.Count + 1; Rows.Actions.Add(a); }
        }
        foreach (var c in Rows.Conferences)
        {
            var (enquiry, plan) = _conferenceOf[c];
            (c.Section47EnquiryId, c.PlanId) = (enquiry?.Id, plan?.Id);
            foreach (var m in c.Members) { m.ConferenceId = c.Id; m.Id = Rows.Members.Count + 1; Rows.Members.Add(m); }
        }
        Renumber(Rows.CoreGroups, m => m.RecordedAtUtc ?? DateTime.MaxValue, (m, id) => m.Id = id);
        foreach (var m in Rows.CoreGroups) m.PlanId = _coreGroupOf[m].Id;
        foreach (var run in _afterNumbering) run();
        foreach (var (entry, link) in _links) entry.Link = link();
    }

    private static void Renumber<T>(List<T> rows, Func<T, DateTime> by, Action<T, int> set)
    {
        var ordered = rows.OrderBy(by).ToList();
        rows.Clear();
        rows.AddRange(ordered);
        for (var i = 0; i < rows.Count; i++) set(rows[i], i + 1);
    }

    // ---- Helpers ----

    private void Note(Guid personId, DateTime occurred, DateTime recorded, StaffUser by, string kind, string summary, bool significant, Func<string>? link)
    {
        var entry = new ChronologyEntry
        {
            PersonId = personId, OccurredAtUtc = occurred, RecordedAtUtc = recorded, RecordedBy = by.DisplayName, Area = ChildProtectionChronology.Area,
            Kind = kind, Summary = summary, IsSignificant = significant,
        };
        chronology.Entries.Add(entry);
        if (link is not null) _links.Add((entry, link));
    }

    /// <summary>Nothing happens on or after day one: a moment that would is pulled back into the evening before.</summary>
    private DateTime Before(DateTime utc) => FrontDoorClock.Whole(utc < _dayOne ? utc : _dayOne.AddMinutes(-rng.Next(30, 300)));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
