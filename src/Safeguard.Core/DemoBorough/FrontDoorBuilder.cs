using System.Globalization;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Two years of Northmoor's front door up to the as-of date: contacts, screening, MASH cases, partner requests,
/// referrals and consultations, with the chronology and access log entries ContactService and MashService would
/// have written. <see cref="Plan"/> runs before people are numbered (a contact can be how a family became known);
/// <see cref="Build"/> after. Nothing happens on or after the as-of day, so on "day one" some work is waiting.
/// </summary>
internal sealed class FrontDoorBuilder
{
    private readonly Random _rng;
    private readonly DateOnly _asOf;
    private readonly DemoStaff _staff;
    private readonly FrontDoorRules _rules;
    private readonly FrontDoorClock _clock;
    private readonly FrontDoorReferrers _referrers;
    private readonly FrontDoorPlanner _planner;
    private readonly List<StaffUser> _screeners, _duty;
    private readonly StaffUser _demoScreener, _demoSocialWorker;
    private readonly Dictionary<string, StaffUser> _users;

    public DemoFrontDoor Rows { get; } = new();

    public FrontDoorBuilder(Random rng, DateOnly asOf, DemoStaff staff, FrontDoorRules rules, WorkingDayCalendar calendar)
    {
        (_rng, _asOf, _staff, _rules) = (rng, asOf, staff, rules);
        _clock = new FrontDoorClock(calendar, asOf);
        _referrers = new FrontDoorReferrers(rng, staff, calendar);
        _planner = new FrontDoorPlanner(rng, asOf, staff, _referrers, _clock);
        _screeners = staff.TeamsOf(TeamKind.ContactService).SelectMany(t => staff.Workers[t]).ToList();
        _duty = staff.TeamsOf(TeamKind.EmergencyDuty).SelectMany(t => staff.Workers[t]).ToList();
        _demoScreener = staff.WellKnown[Roles.ContactServiceWorker];
        _demoSocialWorker = staff.WellKnown[Roles.SocialWorker];
        _users = staff.Users.ToDictionary(u => u.Id);
    }

    public DateTime DayOne => _clock.DayOne;

    /// <summary>Decides every contact; returns when each person was first named on one (they are added to Safeguard just before).</summary>
    public Dictionary<Guid, DateTime> Plan(DemoFamilies families, List<Involvement> involvements, double size)
    {
        _planner.Plan(families, involvements, size);
        var first = new Dictionary<Guid, DateTime>();
        foreach (var c in _planner.Contacts)
            foreach (var p in c.Children)
                if (!first.TryGetValue(p.Id, out var at) || c.RecordedAtUtc < at) first[p.Id] = c.RecordedAtUtc;
        return first;
    }

    /// <summary>Children named on a contact received on or after the day.</summary>
    public IReadOnlySet<Guid> NamedSince(DateOnly day) =>
        _planner.Contacts.Where(c => c.ReceivedOn >= day).SelectMany(c => c.Children).Select(c => c.Id).ToHashSet();

    public void Build(ChronologyBuilder chronology, AccessHistoryBuilder access, double size)
    {
        var recorder = new FrontDoorRecorder(chronology, access);
        var mash = new MashCaseBuilder(_rng, _staff, _rules, _clock, _referrers, recorder, Rows);
        // Contacts first, so each has its number (the chronology quotes it) before anything is decided.
        var contacts = new List<(PlannedContact Plan, Contact Contact)>();
        foreach (var plan in _planner.Contacts) contacts.Add((plan, NewContact(plan)));
        Rows.Contacts.AddRange(contacts.Select(c => c.Contact));
        Rows.NumberContacts();
        foreach (var (plan, contact) in contacts) Screen(plan, contact, recorder, mash);
        AddConsultations(recorder, size);
        Rows.NumberTheRest();
        SetEarlierReferrals();
        foreach (var (plan, contact) in contacts) WriteReceived(plan, contact, recorder);
    }

    private Contact NewContact(PlannedContact plan)
    {
        var r = plan.Referrer;
        var names = plan.Children.Select(c => c.FirstName).ToList();
        var parent = _rng.Pick(["mother", "mother", "father", "the mother's partner", "the carer"]);
        var factors = FrontDoorText.PickFactors(_rng, r.SourceCode);
        var recordedBy = r.PartnerUser ?? (_clock.InOffice(plan.RecordedAtUtc) ? Screener(plan.RecordedAtUtc) : _rng.Pick(_duty));
        var recorded = plan.RecordedAtUtc;
        // The children were added to Safeguard just before (ChronologyBuilder), or earlier.
        foreach (var c in plan.Children)
            if (c.CreatedAtUtc >= recorded && r.PartnerUser is null) recorded = c.CreatedAtUtc.AddSeconds(_rng.Next(60, 600));
        var consent = _rng.Weighted([(Consent.Given, 75.0), (Consent.NotNeeded, 5.0), (Consent.NotSoughtSafeguarding, r.SourceCode == "6" ? 30.0 : 10.0), (Consent.RefusedOverridden, 5.0)]);
        var contact = new Contact
        {
            ReceivedAtUtc = plan.ReceivedAtUtc, Method = r.Method, SourceCode = r.SourceCode, ReferrerAgencyId = r.Agency?.Id,
            ReferrerName = r.Name, ReferrerRole = r.Role, ReferrerContactDetails = r.Details, PoliceRag = r.PoliceRag,
            Concerns = FrontDoorText.Concerns(_rng, r.SourceCode, factors, names, parent), ReferrerRequest = _rng.Chance(0.6) ? _rng.Pick(FrontDoorText.Requests) : null,
            Consent = consent,
            ConsentReason = consent switch
            {
                Consent.NotSoughtSafeguarding => _rng.Pick(FrontDoorText.ConsentWithheldReasons),
                Consent.RefusedOverridden => FrontDoorText.Fill(_rng.Pick(FrontDoorText.ConsentRefusedReasons), names, parent),
                _ => null,
            },
            Stage = plan.AllOpen ? ContactStage.NewInformation : ContactStage.AwaitingScreening,
            ScreeningDueAtUtc = _rules.ScreeningDue(plan.ReceivedAtUtc, _clock.Calendar),
            RecordedAtUtc = recorded, RecordedById = recordedBy.Id, RecordedByName = recordedBy.DisplayName, Version = _rng.NextGuid(),
        };
        plan.RecordedAtUtc = recorded;
        // A partner names the children in their own view; the contact service matches them to records soon after.
        (plan.MatchedAtUtc, plan.MatchedBy) = (recorded, recordedBy);
        if (r.PartnerUser is not null)
        {
            var matched = _clock.Office(recorded.AddSeconds(_rng.Next(600, 3600)), _rng);
            foreach (var c in plan.Children) matched = Later(matched, c.CreatedAtUtc.AddMinutes(2));
            if (plan.Purpose != ContactPurpose.Routine && matched > DayOne.AddHours(-3)) matched = recorded.AddMinutes(5);
            (plan.MatchedAtUtc, plan.MatchedBy) = matched < DayOne ? (matched, Screener(matched)) : ((DateTime?)null, (StaffUser?)null);
        }
        contact.Factors.AddRange(factors.Select(f => new ContactFactor { Code = f }));
        foreach (var c in plan.Children)
        {
            var child = new ContactChild { PersonId = plan.MatchedAtUtc is null ? null : c.Id };
            if (r.PartnerUser is not null || r.Method == ContactMethod.PoliceNotification)
                (child.ReportedName, child.ReportedDateOfBirth) = ($"{c.FirstName} {c.LastName}", _rng.Chance(0.85) ? c.DateOfBirth : null);
            if (plan.MatchedAtUtc is { } at && plan.Open.TryGetValue(c.Id, out var open))
            {
                child.HadOpenCase = true;
                child.NewInformationForUserId = open.WorkerId;
                child.NewInformationForTeamId = open.WorkerId is null ? open.TeamId : null;
                // The demo social worker has not yet read this week's new information.
                child.NewInformationReadAtUtc = open.WorkerId == _demoSocialWorker.Id && at > DayOne.AddDays(-7) ? null : ReadAt(at);
            }
            contact.Children.Add(child);
        }
        if (plan.MatchedAtUtc is null) contact.Stage = ContactStage.AwaitingScreening;
        return contact;
    }

    /// <summary>The allocated worker reads new information within a few working days, mostly; recent ones are still unread on day one.</summary>
    private DateTime? ReadAt(DateTime recorded)
    {
        if (_rng.Chance(0.01)) return null;
        var days = _rng.Chance(0.75) ? _rng.Next(0, 3) : _rng.Next(3, 15);
        var at = Later(recorded.AddMinutes(10), _clock.WorkingDaysLater(recorded, days, _rng));
        return at < DayOne ? at : null;
    }

    /// <summary>The contact service's screening, or the MASH, and what followed; nothing when it still waits on day one.</summary>
    private void Screen(PlannedContact plan, Contact contact, FrontDoorRecorder recorder, MashCaseBuilder mashes)
    {
        if (contact.Stage == ContactStage.NewInformation || plan.MatchedAtUtc is not { } recorded) return;
        var anchored = plan.Purpose != ContactPurpose.Routine;
        DateTime at;
        if (plan.ViaMash)
        {
            // The duty team screens police notifications and urgent cases out of hours; the rest wait for the office.
            var urgent = contact.PoliceRag is not null || plan.Strategy;
            at = urgent ? recorded.AddSeconds(_rng.Next(600, 3600)) : _clock.Office(recorded.AddSeconds(_rng.Next(600, 5400)), _rng);
        }
        else if (plan.DecideOn is { } day)
            at = Later(recorded.AddMinutes(15), FrontDoorClock.At(day, FrontDoorClock.OpensAt + 0.5 + (_rng.NextDouble() * 7)));
        else if (anchored || _rng.Chance(0.92))
        {
            // Mostly within the working day allowed; office hours can still push one past it.
            var room = Math.Max(0, (contact.ScreeningDueAtUtc - recorded).TotalSeconds);
            at = _clock.Office(FrontDoorClock.Whole(recorded.AddSeconds(room * _rng.NextDouble() * (anchored ? 0.4 : 0.8))), _rng);
        }
        else
            at = _clock.WorkingDaysLater(contact.ScreeningDueAtUtc, _rng.Next(1, 4), _rng);
        at = Later(at, recorded.AddMinutes(5));
        if (anchored && at >= DayOne.AddHours(-2)) at = Later(recorded.AddMinutes(5), DayOne.AddSeconds(-_rng.Next(7200, 10800)));
        // Day one: a few routine contacts from the last days are still waiting, some past their due time.
        if (!anchored && contact.ReceivedAtUtc > DayOne.AddDays(-5) && _rng.Chance(0.12)) at = DayOne.AddHours(1);
        if (at >= DayOne) return;

        var by = _clock.InOffice(at) ? Screener(at) : _rng.Pick(_duty);
        var outcome = plan.ViaMash ? ScreeningOutcome.Mash
            : plan.Purpose == ContactPurpose.Referral ? ScreeningOutcome.Referral
            : plan.Purpose == ContactPurpose.EarlyHelp ? ScreeningOutcome.EarlyHelp
            : _rng.Weighted([(ScreeningOutcome.NoFurtherAction, 35.0), (ScreeningOutcome.InformationAndAdvice, 33.0), (ScreeningOutcome.Signpost, 32.0)]);
        var names = plan.Children.Select(c => c.FirstName).ToList();
        contact.ScreeningOutcome = outcome;
        contact.ScreeningReason = FrontDoorText.Fill(_rng.Pick(FrontDoorText.ScreeningReasons(outcome)), names, "the parent");
        (contact.ScreenedAtUtc, contact.ScreenedById, contact.ScreenedByName) = (at, by.Id, by.DisplayName);
        contact.Stage = outcome == ScreeningOutcome.Mash ? ContactStage.WithMash : ContactStage.Closed;
        var children = plan.Children.Select(c => c.Id).ToList();
        recorder.Note(children, at, at, by, FrontDoorChronology.Screened,
            $"Contact {contact.Reference} screened: {Contact.Label(outcome)}. {ContactService.Shorten(contact.ScreeningReason)}");
        recorder.Log(children, by, at, AccessAction.Changed, $"Contact {contact.Reference}: screening decision", new { outcome = outcome.ToString(), reason = contact.ScreeningReason });

        var decided = at;
        var decider = by;
        switch (outcome)
        {
            case ScreeningOutcome.EarlyHelp:
                contact.ToTeamId = plan.Team!.Id;
                StartEarlyHelp(plan, contact, plan.Team, at, by, recorder);
                break;
            case ScreeningOutcome.Referral:
                contact.ToTeamId = plan.Team!.Id;
                OpenReferrals(plan, contact, plan.Team, noFurtherAction: false, strategy: false, at, by, recorder);
                break;
            case ScreeningOutcome.Mash:
                var goal = Goal(plan);
                var mash = mashes.Build(plan, contact, at, goal);
                if (mash.DecidedAtUtc is not { } when) return;
                (decided, decider) = (when, _users[mash.DecidedById!]);
                if (goal.Outcome == MashOutcome.EarlyHelp) StartEarlyHelp(plan, contact, plan.Team!, when, decider, recorder);
                else if (goal.Outcome != MashOutcome.NoFurtherAction)
                    OpenReferrals(plan, contact, plan.Team, false, goal.Outcome == MashOutcome.StrategyDiscussion, when, decider, recorder);
                else if (mash.CountsAsReferral) OpenReferrals(plan, contact, null, true, false, when, decider, recorder);
                break;
        }
        TellReferrer(plan, contact, decided, decider, recorder);
    }

    private MashCaseBuilder.Goal Goal(PlannedContact plan)
    {
        var outcome = plan.Purpose switch
        {
            ContactPurpose.Referral => plan.Strategy ? MashOutcome.StrategyDiscussion : MashOutcome.Assessment,
            ContactPurpose.EarlyHelp => MashOutcome.EarlyHelp,
            _ => MashOutcome.NoFurtherAction,
        };
        // An episode's referral is decided the next working day at the latest, and before day one.
        DateTime? by = plan.Purpose == ContactPurpose.Referral
            ? Earlier(DayOne.AddMinutes(-30), Timescale.EndOfUkDay(_clock.Calendar.AddWorkingDays(plan.ReceivedOn, 1)))
            : plan.Purpose == ContactPurpose.EarlyHelp ? DayOne.AddMinutes(-30) : null;
        return new MashCaseBuilder.Goal(outcome, plan.CountsAsReferral, by, plan.DecideOn);
    }

    /// <summary>As Episodes.StartEarlyHelp: the early help episode itself is InvolvementBuilder's.</summary>
    private static void StartEarlyHelp(PlannedContact plan, Contact contact, Team team, DateTime at, StaffUser by, FrontDoorRecorder recorder) =>
        recorder.Note(plan.NotOpen.Select(c => c.Id), at, at, by, FrontDoorChronology.EarlyHelp,
            $"Passed to early help ({team.Name}) from contact {contact.Reference}", significant: true);

    /// <summary>As Episodes.OpenReferralsAsync: a referral for each child without an open case, dated the day the contact came in.</summary>
    private void OpenReferrals(PlannedContact plan, Contact contact, Team? team, bool noFurtherAction, bool strategy, DateTime at, StaffUser by, FrontDoorRecorder recorder)
    {
        var need = noFurtherAction ? "N0" : strategy ? "N1" : _rng.Weighted([("N1", 40.0), ("N4", 20.0), ("N5", 20.0), ("N2", 5.0), ("N3", 5.0), ("N6", 5.0), ("N8", 3.0), ("N7", 2.0)]);
        foreach (var child in plan.NotOpen)
        {
            var end = plan.Episodes.GetValueOrDefault(child.Id);
            var referral = new Referral
            {
                PersonId = child.Id, ReferralDate = plan.ReceivedOn, SourceCode = contact.SourceCode, PrimaryNeedCode = need,
                NoFurtherAction = noFurtherAction, TeamId = team?.Id, StrategyDiscussionNeeded = strategy, CreatedAtUtc = at,
                ClosedOn = noFurtherAction ? FrontDoorClock.UkDate(at) : end?.ClosedOn, ClosureReason = noFurtherAction ? null : end?.Reason,
            };
            Rows.Referrals.Add(referral);
            Rows.ContactOf[referral] = contact;
            Rows.ReferralOf[contact.Children.First(c => c.PersonId == child.Id)] = referral;
            var what = noFurtherAction ? "Referral to children's social care recorded, with no further action"
                : strategy ? $"Referred to children's social care ({team?.Name}): strategy discussion needed"
                : $"Referred to children's social care for an assessment ({team?.Name})";
            recorder.Note([child.Id], at, at, by, FrontDoorChronology.Referral, $"{what}, from contact {contact.Reference}", significant: true);
        }
    }

    /// <summary>The referrer hears the outcome within a few working days, except anonymous callers; the latest ones not yet on day one.</summary>
    private void TellReferrer(PlannedContact plan, Contact contact, DateTime decided, StaffUser by, FrontDoorRecorder recorder)
    {
        if (contact.SourceCode is "9" or "10" || _rng.Chance(0.02)) return;
        var at = Later(decided.AddMinutes(20), _clock.WorkingDaysLater(decided, _rng.Skewed(0, 4), _rng));
        if (at >= DayOne) return;
        contact.ReferrerToldOn = FrontDoorClock.UkDate(at);
        contact.ReferrerToldHow = plan.Referrer.PartnerUser is not null ? "In their partner agency view" : _rng.Pick(FrontDoorText.ToldHow);
        var children = plan.Children.Select(c => c.Id).ToList();
        var on = contact.ReferrerToldOn.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        recorder.Note(children, at, at, by, FrontDoorChronology.ReferrerTold,
            $"The referrer was told the outcome of contact {contact.Reference} on {on} ({contact.ReferrerToldHow})");
        recorder.Log(children, by, at, AccessAction.Changed, $"Contact {contact.Reference}: referrer told");
    }

    /// <summary>As ContactService.CheckChildrenAsync: each child's latest referral within 12 months before the contact, made by the time it was typed in.</summary>
    private void SetEarlierReferrals()
    {
        var byPerson = Rows.Referrals.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var contact in Rows.Contacts)
        {
            var day = FrontDoorClock.UkDate(contact.ReceivedAtUtc);
            foreach (var child in contact.Children.Where(c => c.PersonId is not null))
            {
                if (!byPerson.TryGetValue(child.PersonId!.Value, out var referrals)) continue;
                child.EarlierReferralId = referrals
                    .Where(r => r.CreatedAtUtc <= contact.RecordedAtUtc && OpenCases.IsRepeat(r.ReferralDate, day, _rules.RepeatReferralMonths))
                    .OrderByDescending(r => r.ReferralDate).ThenByDescending(r => r.Id).FirstOrDefault()?.Id;
            }
        }
    }

    /// <summary>As ContactService.WriteReceived and its access log entry (for a partner's contact, when its children were matched).</summary>
    private static void WriteReceived(PlannedContact plan, Contact contact, FrontDoorRecorder recorder)
    {
        if (plan.MatchedAtUtc is not { } at || plan.MatchedBy is not { } by) return;
        var source = FrontDoorCodes.ReferralSource.Label(contact.SourceCode) ?? contact.SourceCode;
        foreach (var child in contact.Children.Where(c => c.PersonId is not null))
        {
            var summary = $"Contact {contact.Reference} from {source}{(contact.ReferrerName is null ? "" : $" ({contact.ReferrerName})")}: {ContactService.Shorten(contact.Concerns)}";
            if (child.EarlierReferralId is not null) summary += " Possible repeat referral: referred within the last 12 months.";
            recorder.Note([child.PersonId!.Value], contact.ReceivedAtUtc, at, by,
                child.HadOpenCase ? FrontDoorChronology.NewInformation : FrontDoorChronology.ContactReceived, summary, significant: true);
        }
        var matched = contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        if (plan.Referrer.PartnerUser is not null)
            foreach (var id in matched) recorder.Log([id], by, at, AccessAction.Changed, $"Contact {contact.Reference}: child matched to this record");
        else
            recorder.Log(matched, by, at, AccessAction.Created, $"Contact {contact.Reference}",
                new { source = contact.SourceCode, received = contact.ReceivedAtUtc, stage = (plan.AllOpen ? ContactStage.NewInformation : ContactStage.AwaitingScreening).ToString() });
    }

    /// <summary>A few professionals a week ask for advice: named (about a child we know) or no-name. Never the public (DOMAIN.md).</summary>
    private void AddConsultations(FrontDoorRecorder recorder, double size)
    {
        var professional = FrontDoorReferrers.Sources.Where(s => FrontDoorCodes.IsProfessional(s.Code)).ToList();
        var children = _planner.Contacts.SelectMany(c => c.Children).Distinct().ToList();
        for (var n = (int)Math.Round(300 * size); n > 0; n--)
        {
            var source = _rng.Weighted(professional);
            var day = _rng.DayBetween(_asOf.AddYears(-2), _asOf.AddDays(-1)).Weekday();
            var at = FrontDoorClock.At(day, FrontDoorClock.OpensAt + (_rng.NextDouble() * 8));
            var r = _referrers.For(source);
            var by = Screener(at);
            var (question, advice) = _rng.Pick(FrontDoorText.Consultations);
            var child = _rng.Chance(0.6) ? _rng.Pick(children) : null;
            if (child is not null && (child.CreatedAtUtc >= at || child.AgeOn(day) is not < 18 || child.IsRestricted)) child = null;
            Rows.Consultations.Add(new Consultation
            {
                Kind = child is null ? ConsultationKind.NoName : ConsultationKind.Named, ReceivedAtUtc = at, SourceCode = source, AgencyId = r.Agency?.Id,
                ProfessionalName = r.Name!, ProfessionalRole = r.Role, PersonId = child?.Id, Question = question, Advice = advice,
                RecordedAtUtc = at.AddMinutes(_rng.Next(5, 40)), RecordedById = by.Id, RecordedByName = by.DisplayName,
            });
            if (child is null) continue;
            var recorded = Rows.Consultations[^1].RecordedAtUtc;
            recorder.Note([child.Id], at, recorded, by, FrontDoorChronology.Consultation,
                $"Consultation with {r.Name} ({r.Role}{(r.Agency is null ? "" : $", {r.Agency.Name}")}): {question} Advice: {advice}");
            recorder.Log([child.Id], by, recorded, AccessAction.Created, "Consultation");
        }
    }

    /// <summary>A contact service worker; the demo one has a fair share of the last fortnight, so their list has items.</summary>
    private StaffUser Screener(DateTime at) =>
        at > DayOne.AddDays(-14) && _rng.Chance(0.25) ? _demoScreener : _rng.Pick(_screeners);

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
