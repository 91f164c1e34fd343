using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// One MASH case from start to decision, as MashService would have written it: a worker rates it (mostly red,
/// DOMAIN.md), asks partners what they know with due times from <see cref="FrontDoorRules.PartnerAnswer"/>, now and
/// then re-rates it, and the manager decides, usually within the rating's clock. Whatever falls on or after the
/// demo's day one has not happened yet, which leaves cases open, unrated or waiting for answers.
/// </summary>
internal sealed class MashCaseBuilder(Random rng, DemoStaff staff, FrontDoorRules rules, FrontDoorClock clock, FrontDoorReferrers referrers,
    FrontDoorRecorder recorder, DemoFrontDoor rows)
{
    private readonly List<Team> _teams = staff.TeamsOf(TeamKind.Mash).ToList();
    private readonly StaffUser _demoWorker = staff.WellKnown[Roles.MashWorker];

    /// <summary>The outcome the case must reach, and by when (a case behind an episode is decided before day one).</summary>
    public sealed record Goal(MashOutcome Outcome, bool CountsAsReferral, DateTime? DecideBy, DateOnly? DecideOn);

    public MashCase Build(PlannedContact plan, Contact contact, DateTime startedAt, Goal goal)
    {
        var dayOne = clock.DayOne;
        var team = rng.Pick(_teams);
        // The demo MASH worker has a share of the recent cases, so their own work list is full on day one.
        var worker = team.Id == _demoWorker.TeamId && contact.ReceivedAtUtc > dayOne.AddDays(-10) && rng.Chance(0.3) ? _demoWorker : rng.Pick(staff.Workers[team]);
        var manager = staff.Managers[team];
        var children = plan.Children.Select(c => c.Id).ToList();
        var mash = new MashCase
        {
            Contact = contact, StartedAtUtc = startedAt, Version = rng.NextGuid(),
            DueAtUtc = rules.MashDue(contact.ReceivedAtUtc, null, contact.PoliceRag, clock.Calendar),
        };
        rows.MashCases.Add(mash);
        // The last ten days' routine cases: a mix of ratings, so day one's dashboard shows each clock.
        var recent = goal.DecideBy is null && goal.DecideOn is null && contact.ReceivedAtUtc > dayOne.AddDays(-10);
        var (initial, final) = Ratings(goal, recent);
        var ratedAt = startedAt.AddSeconds(initial == Rag.RedImminentDanger ? rng.Next(300, 1200) : rng.Next(300, 5400));
        // Imminent danger is a 4-hour clock from receipt: a case first rated more than two hours after it came in is
        // rated red instead (it came in as something less urgent).
        if (ratedAt > contact.ReceivedAtUtc.AddHours(2))
        {
            if (initial == Rag.RedImminentDanger) initial = Rag.Red;
            if (final == Rag.RedImminentDanger) final = Rag.Red;
        }
        if (goal.DecideBy is { } by && ratedAt > by.AddHours(-1)) ratedAt = Later(startedAt.AddMinutes(2), by.AddHours(-1));
        // Day one: a routine case that came in during the last day may still wait for its rating.
        if (recent && startedAt > dayOne.AddDays(-1) && rng.Chance(0.5)) ratedAt = dayOne;
        if (ratedAt >= dayOne)
        {
            // Waiting in the queue, or taken but not yet rated.
            if (rng.Chance(0.5)) (mash.WorkerId, mash.WorkerName) = (worker.Id, worker.DisplayName);
            return mash;
        }
        (mash.WorkerId, mash.WorkerName) = (worker.Id, worker.DisplayName);
        Rate(mash, children, worker, initial, null, ratedAt, contact);

        var sent = ratedAt;
        var answers = new List<(InformationRequest Request, DateTime At)>();
        foreach (var agency in AgenciesFor(plan))
        {
            sent = sent.AddSeconds(rng.Next(300, 2400));
            if (sent >= dayOne || (goal.DecideBy is { } b && sent > b.AddMinutes(-30))) break;
            answers.Add(Request(mash, children, worker, agency, sent, contact));
        }

        var decideAt = DecisionTime(contact, goal, recent, final, ratedAt, sent, answers.Select(a => a.At));
        if (final != initial)
        {
            var reRated = FrontDoorClock.Whole(sent.AddSeconds((decideAt - sent).TotalSeconds * (0.3 + (rng.NextDouble() * 0.5))));
            if (reRated < dayOne) Rate(mash, children, worker, final, Reason(initial, final), reRated, contact);
        }
        // Day one: some partners, the police most of all, have not answered an open case yet.
        var open = decideAt >= dayOne;
        foreach (var (request, at) in answers)
        {
            var answerAt = open && rng.Chance(request.AgencyId == referrers.Police.Id ? 0.5 : 0.3) ? dayOne.AddHours(1) : at;
            if (answerAt < decideAt && answerAt < dayOne) Answer(mash, children, request, answerAt, contact);
            else if (!open) request.WithdrawnAtUtc = decideAt;
        }
        if (!open) Decide(mash, plan, children, manager, goal, decideAt, contact);
        return mash;
    }

    /// <summary>The first rating and the one the case ends on, by where it is going; over all cases about 94% start red (DOMAIN.md).</summary>
    private (Rag Initial, Rag Final) Ratings(Goal goal, bool recent)
    {
        if (recent && !goal.CountsAsReferral)
        {
            var r = rng.Weighted([(Rag.Red, 45.0), (Rag.RedImminentDanger, 5.0), (Rag.Amber, 20.0), (Rag.Green, 25.0), (Rag.Blue, 5.0)]);
            return (r, r);
        }
        switch (goal.Outcome)
        {
            case MashOutcome.StrategyDiscussion:
                var red = rng.Chance(0.75) ? Rag.Red : Rag.RedImminentDanger;
                return (red, red == Rag.Red && rng.Chance(0.15) ? Rag.RedImminentDanger : red);
            case MashOutcome.Assessment:
                var first = rng.Chance(0.95) ? Rag.Red : Rag.Amber;
                return (first, first == Rag.Red && rng.Chance(0.03) ? Rag.Amber : first);
            case MashOutcome.EarlyHelp:
                return (rng.Weighted([(Rag.Green, 60.0), (Rag.Red, 35.0), (Rag.Amber, 5.0)]), Rag.Green);
            default:
                if (goal.CountsAsReferral) { var counted = rng.Chance(0.92) ? Rag.Red : Rag.Amber; return (counted, counted); }
                var rating = rng.Weighted([(Rag.Red, 93.5), (Rag.Green, 3.5), (Rag.Blue, 1.0), (Rag.Amber, 2.0)]);
                return (rating, rating == Rag.Red && rng.Chance(0.05) ? Rag.Green : rating);
        }
    }

    private string Reason(Rag from, Rag to) =>
        to > from ? rng.Pick([FrontDoorText.ReRatingReasons[1], FrontDoorText.ReRatingReasons[2]]) : rng.Pick([FrontDoorText.ReRatingReasons[0], FrontDoorText.ReRatingReasons[3]]);

    private void Rate(MashCase mash, List<Guid> children, StaffUser worker, Rag rating, string? reason, DateTime at, Contact contact)
    {
        var initial = mash.InitialRag is null;
        var previous = mash.CurrentRag;
        mash.InitialRag ??= rating;
        mash.CurrentRag = rating;
        mash.DueAtUtc = rules.MashDue(contact.ReceivedAtUtc, rating, contact.PoliceRag, clock.Calendar);
        var row = new RagRating { Rating = rating, IsInitial = initial, Reason = reason, RatedAtUtc = at, RatedById = worker.Id, RatedByName = worker.DisplayName };
        mash.Ratings.Add(row);
        rows.RagRatings.Add(row);
        var label = Rags.Label(rating).ToLowerInvariant();
        var summary = initial
            ? $"MASH rated contact {contact.Reference} {label}{(reason is null ? "" : $": {ContactService.Shorten(reason)}")}"
            : $"MASH re-rated contact {contact.Reference} from {Rags.Label(previous!.Value).ToLowerInvariant()} to {label}: {ContactService.Shorten(reason!)}";
        recorder.Note(children, at, at, worker, FrontDoorChronology.Rated, summary, significant: rating is Rag.Red or Rag.RedImminentDanger);
        recorder.Log(children, worker, at, AccessAction.Changed, $"MASH case for contact {contact.Reference}: {(initial ? "rated" : "re-rated")}",
            new { from = previous?.ToString(), to = rating.ToString(), reason });
    }

    /// <summary>The police almost always, health usually, the school for a school-age child, now and then probation, housing or a charity.</summary>
    private List<Agency> AgenciesFor(PlannedContact plan)
    {
        var day = plan.ReceivedOn;
        var agencies = new List<Agency>();
        void Maybe(AgencyKind kind, double chance)
        {
            var answering = referrers.Answering(kind);
            if (answering.Count == 0 || !rng.Chance(chance)) return;
            // The well-known partner's agency gets a good share, so their own list has something in it.
            var known = staff.KnownPartners.Select(u => answering.FirstOrDefault(a => a.Id == u.AgencyId)).FirstOrDefault(a => a is not null);
            agencies.Add(known is not null && rng.Chance(0.3) ? known : rng.Pick(answering));
        }
        Maybe(AgencyKind.Police, 0.95);
        Maybe(AgencyKind.Health, 0.8);
        if (plan.Children.Any(c => c.AgeOn(day) is >= 4 and <= 17)) Maybe(AgencyKind.Education, 0.7);
        Maybe(AgencyKind.Probation, 0.08);
        Maybe(AgencyKind.Housing, 0.06);
        Maybe(AgencyKind.Voluntary, 0.03);
        return agencies;
    }

    private (InformationRequest, DateTime) Request(MashCase mash, List<Guid> children, StaffUser worker, Agency agency, DateTime sent, Contact contact)
    {
        var rating = mash.CurrentRag!.Value;
        var (questions, _) = FrontDoorText.Checks[agency.Kind];
        var request = new InformationRequest
        {
            MashCase = mash, AgencyId = agency.Id, Agency = agency, Question = rng.Pick(questions), SentAtUtc = sent, SentById = worker.Id,
            SentByName = worker.DisplayName, RatingWhenSent = rating, DueAtUtc = rules.AnswerDue(sent, rating, clock.Calendar), Version = rng.NextGuid(),
        };
        mash.Requests.Add(request);
        rows.Requests.Add(request);
        recorder.Note(children, sent, sent, worker, FrontDoorChronology.InformationRequested,
            $"MASH asked {agency.Name} for information (contact {contact.Reference}), due {MashService.Due(request.DueAtUtc)}");
        recorder.Log(children, worker, sent, AccessAction.Changed, $"MASH case for contact {contact.Reference}: information requested from {agency.Name}");
        // Most answers come in time: the police at any hour, others in office hours if the clock leaves them any.
        // About one in seven is late.
        var due = request.DueAtUtc;
        DateTime at;
        if (rng.Chance(0.14)) at = due.AddSeconds(rng.Next(1800, 30 * 3600));
        else if (agency.Kind == AgencyKind.Police) at = FrontDoorClock.Whole(sent.AddSeconds((due - sent).TotalSeconds * (0.15 + (rng.NextDouble() * 0.8))));
        else
        {
            var latest = clock.OfficeBefore(due);
            at = latest > sent.AddMinutes(20) ? FrontDoorClock.Whole(latest.AddSeconds(-rng.NextDouble() * Math.Min((latest - sent).TotalSeconds - 600, 5 * 3600))) : sent.AddMinutes(rng.Next(10, 60));
        }
        if (agency.Kind != AgencyKind.Police) at = clock.Office(at, rng);
        return (request, at);
    }

    private void Answer(MashCase mash, List<Guid> children, InformationRequest request, DateTime at, Contact contact)
    {
        var partners = referrers.PartnersOf(request.Agency);
        var by = rng.Pick(partners);
        var known = staff.KnownPartners.FirstOrDefault(u => u.AgencyId == request.AgencyId);
        if (known is not null && rng.Chance(0.5)) by = known;
        request.Answer = rng.Pick(FrontDoorText.Checks[request.Agency.Kind].Answers);
        (request.AnsweredAtUtc, request.AnsweredById, request.AnsweredByName) = (at, by.Id, by.DisplayName);
        var late = at > request.DueAtUtc ? $" (late: it was due at {MashService.Due(request.DueAtUtc)})" : "";
        recorder.Note(children, at, at, by, FrontDoorChronology.InformationReceived,
            $"{request.Agency.Name} answered the MASH's request on contact {contact.Reference}{late}");
        recorder.Log(children, by, at, AccessAction.Changed, $"Information request to {request.Agency.Name} answered (contact {contact.Reference})");
    }

    /// <summary>
    /// When the manager decides: mostly after the answers and before the rating's clock runs out, about one case in
    /// seven after it; amber, green and blue in office hours. Recent routine cases may wait past day one (a backlog).
    /// </summary>
    private DateTime DecisionTime(Contact contact, Goal goal, bool recent, Rag rating, DateTime ratedAt, DateTime lastSent, IEnumerable<DateTime> answers)
    {
        var due = rules.MashDue(contact.ReceivedAtUtc, rating, contact.PoliceRag, clock.Calendar);
        var earliest = Later(ratedAt.AddMinutes(30), lastSent.AddMinutes(20));
        // The manager waits for the answers that come in good time, not for late ones.
        var answered = answers.Where(a => a < due.AddHours(-1)).DefaultIfEmpty(earliest).Max();
        var from = Later(earliest, answered.AddMinutes(10));
        var latest = rating is Rag.Amber or Rag.Green or Rag.Blue ? clock.OfficeBefore(due.AddMinutes(-15)) : due.AddMinutes(-15);
        DateTime at;
        if (rng.Chance(0.9) && from < latest) at = FrontDoorClock.Whole(from.AddSeconds(rng.NextDouble() * (latest - from).TotalSeconds));
        else at = Later(from, due).AddSeconds(rng.Next(3600, 30 * 3600));
        if (rating is Rag.Amber or Rag.Green or Rag.Blue) at = clock.Office(at, rng);
        if (goal.DecideOn is { } day)
            at = Later(earliest, FrontDoorClock.At(day, FrontDoorClock.OpensAt + 0.5 + (rng.NextDouble() * 7)));
        if (goal.DecideBy is { } by && at > by) at = Later(earliest, by.AddSeconds(-rng.Next(60, 3600)));
        // Day one: most routine cases of the last ten days are still open (the breached ones past their clock).
        if (recent && rng.Chance(0.7))
            at = Later(at, clock.DayOne.AddHours(rng.Next(1, 48)));
        return at;
    }

    private void Decide(MashCase mash, PlannedContact plan, List<Guid> children, StaffUser manager, Goal goal, DateTime at, Contact contact)
    {
        var outcome = goal.Outcome;
        var notCounted = outcome == MashOutcome.NoFurtherAction && !goal.CountsAsReferral && mash.CurrentRag is Rag.Amber or Rag.Red or Rag.RedImminentDanger;
        var rationale = notCounted ? rng.Pick(FrontDoorText.NotCountedRationales) : rng.Pick(FrontDoorText.Rationales[outcome]);
        mash.Outcome = outcome;
        mash.Rationale = rationale;
        (mash.DecidedAtUtc, mash.DecidedById, mash.DecidedByName) = (at, manager.Id, manager.DisplayName);
        mash.ToTeamId = outcome == MashOutcome.NoFurtherAction ? null : plan.Team?.Id;
        mash.CountsAsReferral = outcome == MashOutcome.NoFurtherAction && goal.CountsAsReferral;
        contact.Stage = ContactStage.Closed;
        var team = outcome == MashOutcome.NoFurtherAction ? "" : $" ({plan.Team!.Name})";
        recorder.Note(children, at, at, manager, FrontDoorChronology.MashDecision,
            $"MASH decision on contact {contact.Reference}: {MashCase.Label(outcome)}{team}. {ContactService.Shorten(rationale)}", significant: true);
        recorder.Log(children, manager, at, AccessAction.Changed, $"MASH case for contact {contact.Reference}: decided",
            new { outcome = outcome.ToString(), team = outcome == MashOutcome.NoFurtherAction ? null : plan.Team!.Name, rationale });
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
