using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Ending a child's social care episode. The worker proposes closing it (with the census reason, RC1-RC9) or stepping
/// it down to an early help team; a manager other than the proposer signs it off or sends it back with the reason.
/// The sign-off closes the referral, ends the child in need plan, the social care work and its allocations, and (on a
/// step down) opens early help for the team's manager to allocate. A manager steps a child up from early help to a
/// social care assessment through the front door's own model: a contact from early help, decided as a referral.
/// </summary>
public sealed class ClosureService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views, FrontDoorRules frontDoor,
    WorkingDayCalendar calendar, TimeProvider clock)
{
    public const int MaxText = 4000;

    /// <summary>What the worker proposes. <see cref="ReasonCode"/> may be left empty on a step down: it is RC9 after an authorised assessment, else RC7.</summary>
    public sealed record Proposal(ClosureKind Kind, string? ReasonCode, string? Reasons, int? EarlyHelpTeamId);

    /// <summary>The child's open social care episode.</summary>
    public sealed record Episode(int ReferralId, DateOnly ReferralDate, string? TeamName, bool AssessmentAuthorised, bool AssessmentInProgress);

    /// <summary>For the case page: the open episode, a proposal waiting or returned (with the manager's reason), and past closures.</summary>
    public sealed record Summary(Episode? Open, CaseClosure? Waiting, CaseClosure? Returned, Authorisation? ReturnedBecause,
        IReadOnlyList<CaseClosure> Past, bool OpenToEarlyHelp, bool OpenToSocialCare);

    /// <summary>One proposal with the manager's decisions on it.</summary>
    public sealed record View(CaseClosure Closure, string ChildName, DateOnly ReferralDate, string? EarlyHelpTeamName, IReadOnlyList<Authorisation> Decisions);

    /// <summary>What a step up made: the contact from early help and the referral it opened.</summary>
    public sealed record SteppedUp(int ContactId, string ContactReference, int ReferralId, int TeamId, string TeamName, int? EarlierReferralId);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>Kinds of social care work a closure ends; child protection and looked after work end on their own records.</summary>
    private static readonly InvolvementKind[] Ended = [InvolvementKind.Assessment, InvolvementKind.ChildInNeed];
    private static readonly InvolvementKind[] Blocking = [InvolvementKind.ChildProtection, InvolvementKind.LookedAfter];
    private static readonly TeamKind[] StepUpTeamKinds = [TeamKind.Assessment, TeamKind.ChildInNeed];

    public Task<List<Team>> EarlyHelpTeamsAsync(CancellationToken ct = default) =>
        db.Teams.AsNoTracking().Where(t => t.IsActive && t.Kind == TeamKind.EarlyHelp).OrderBy(t => t.Name).ToListAsync(ct);

    public Task<List<Team>> StepUpTeamsAsync(CancellationToken ct = default) =>
        db.Teams.AsNoTracking().Where(t => t.IsActive && StepUpTeamKinds.Contains(t.Kind)).OrderBy(t => t.Name).ToListAsync(ct);

    /// <summary>The case page's panel (and the API's list); null when the actor may not open the child's case.</summary>
    public async Task<Summary?> SummaryAsync(Actor actor, Guid personId, bool logView, CancellationToken ct = default)
    {
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        var open = await OpenEpisodeAsync(personId, ct);
        var closures = await db.Closures.AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.Id).Take(50).ToListAsync(ct);
        var waiting = closures.FirstOrDefault(c => c.Stage == ClosureStage.AwaitingAuthorisation);
        // A returned proposal matters until the worker proposes again on the same referral.
        var returned = open is null ? null : closures.FirstOrDefault(c => c.ReferralId == open.ReferralId);
        returned = returned?.Stage == ClosureStage.Returned ? returned : null;
        var because = returned is null ? null : await db.Authorisations.AsNoTracking()
            .Where(a => (a.Subject == AuthorisationSubject.Closure || a.Subject == AuthorisationSubject.StepDown) && a.SubjectId == returned.Id && !a.Approved)
            .OrderByDescending(a => a.AtUtc).FirstOrDefaultAsync(ct);
        var involvements = await db.Involvements.AsNoTracking().Where(i => i.PersonId == personId && i.EndDate == null).Select(i => i.Kind).ToListAsync(ct);
        if (logView) await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, "Closures"), ct);
        return new Summary(open, waiting, returned, because, closures.Where(c => c.Stage == ClosureStage.Authorised).ToList(),
            involvements.Contains(InvolvementKind.EarlyHelp), involvements.Any(k => OpenCases.SocialCare.Contains(k)));
    }

    /// <summary>One proposal and the decisions on it; null when it is not the actor's to open.</summary>
    public async Task<View?> OpenAsync(Actor actor, Guid personId, int id, CancellationToken ct = default)
    {
        var closure = await db.Closures.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.PersonId == personId, ct);
        if (closure is null || !await cases.CanOpenAsync(actor, closure.PersonId, ct)) return null;
        var child = await db.People.Where(p => p.Id == personId).Select(p => p.FirstName + " " + p.LastName).FirstAsync(ct);
        var referralDate = await db.Referrals.Where(r => r.Id == closure.ReferralId).Select(r => r.ReferralDate).FirstAsync(ct);
        var team = closure.EarlyHelpTeamId is { } t ? await db.Teams.Where(x => x.Id == t).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var decisions = await db.Authorisations.AsNoTracking()
            .Where(a => (a.Subject == AuthorisationSubject.Closure || a.Subject == AuthorisationSubject.StepDown) && a.SubjectId == id)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Closure {id}"), ct);
        return new View(closure, child, referralDate, team, decisions);
    }

    /// <summary>The worker proposes closing the child's open referral, or stepping it down to early help, with the reasons.</summary>
    public async Task<CaseClosure?> ProposeAsync(Actor actor, Guid personId, Proposal input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ProposeClosure);
        if (!Enum.IsDefined(input.Kind)) throw Refuse.Invalid("Kind", "Choose whether to close the case or step it down to early help");
        var reasons = input.Reasons?.Trim() ?? "";
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var referral = await OpenReferralAsync(personId, ct)
            ?? throw Refuse.Invalid("Kind", "The child has no open referral to close: an episode starts with a referral from the front door");
        if (await db.Closures.AnyAsync(c => c.PersonId == personId && c.Stage == ClosureStage.AwaitingAuthorisation, ct))
            throw Refuse.Invalid("Kind", "A proposal to close this case is already waiting for the manager's sign-off");
        var authorised = await db.Assessments.AnyAsync(a => a.ReferralId == referral.Id && a.Stage == AssessmentStage.Authorised, ct);

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        var code = input.ReasonCode?.Trim().ToUpperInvariant() ?? "";
        Team? earlyHelp = null;
        if (input.Kind == ClosureKind.StepDownToEarlyHelp)
        {
            var derived = authorised ? "RC9" : "RC7";
            if (code.Length > 0 && code != derived)
                failures.Add(new("ReasonCode", $"A step down to early help is recorded as {ClosureCodes.Describe(derived)}: " +
                    (authorised ? "the referral had an authorised assessment" : "the referral has no authorised assessment")));
            code = derived;
            earlyHelp = input.EarlyHelpTeamId is { } teamId ? await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId && t.IsActive && t.Kind == TeamKind.EarlyHelp, ct) : null;
            if (earlyHelp is null) failures.Add(new("EarlyHelpTeamId", "Choose the early help team that will work with the child"));
        }
        else if (!ClosureCodes.ReasonForClosure.IsValid(code))
            failures.Add(new("ReasonCode", "Choose the reason for closure"));
        else if (code == "RC9")
            failures.Add(new("ReasonCode", "RC9 means the child was referred to early help: choose to step the case down to early help, so an early help team takes the child on"));
        if (reasons.Length == 0) failures.Add(new("Reasons", input.Kind == ClosureKind.StepDownToEarlyHelp
            ? "Enter why the child can step down to early help: what has changed, and what early help will do" : "Enter why the case can close"));
        else if (reasons.Length > MaxText) failures.Add(new("Reasons", $"The reasons must be {MaxText:N0} characters or fewer"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        await CheckCanEndAsync(personId, referral.Id, code, ct);

        var now = Now;
        var closure = new CaseClosure
        {
            PersonId = personId, ReferralId = referral.Id, Kind = input.Kind, ReasonCode = code, Reasons = reasons, EarlyHelpTeamId = earlyHelp?.Id,
            Stage = ClosureStage.AwaitingAuthorisation, ProposedById = actor.UserId, ProposedByName = actor.DisplayName, ProposedAtUtc = now,
        };
        db.Closures.Add(closure);
        await db.SaveChangesAsync(ct);
        var what = input.Kind == ClosureKind.StepDownToEarlyHelp
            ? $"Step down to early help ({earlyHelp!.Name}) proposed by {actor.DisplayName}, for the manager's sign-off: {ContactService.Shorten(reasons)}"
            : $"Closure proposed by {actor.DisplayName} ({ClosureCodes.Describe(code)}), for the manager's sign-off: {ContactService.Shorten(reasons)}";
        ChronologyWriter.Add(db, personId, now, now, actor, SocialWorkChronology.Area, ClosureChronology.ClosureProposed, what, significant: false, link: Link(closure));
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Closure {closure.Id} proposed ({code})")], ct);
        await tx.CommitAsync(ct);
        return closure;
    }

    /// <summary>
    /// The manager signs the proposal off (closing the episode today) or sends it back with the reason. Nobody signs off
    /// their own proposal. The rules are checked again: an assessment may have started since it was proposed.
    /// </summary>
    public async Task<CaseClosure?> AuthoriseAsync(Actor actor, int id, Guid version, bool approve, string? reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AuthoriseWork);
        reason = ManagerDecision.Reason(reason, approve ? "Enter your reasons for signing it off: the record shows why" : "Enter why you are sending it back, and what needs to happen first");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var closure = await db.Closures.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (closure is null || !await cases.CanOpenAsync(actor, closure.PersonId, ct)) return null;
        if (closure.Version != version)
            throw new ConcurrencyConflictException("Someone else decided on this proposal since you opened it. Your reasons are still on the page: look at what they decided.");
        if (closure.Stage != ClosureStage.AwaitingAuthorisation) throw Refuse.Invalid("Reason", "This proposal is not waiting for sign-off");
        if (closure.ProposedById == actor.UserId) throw new AccessDeniedException("You cannot sign off a closure you proposed: another manager must.");
        var stepDown = closure.Kind == ClosureKind.StepDownToEarlyHelp;
        var now = Now;
        ManagerDecision.Record(db, actor, closure.PersonId, stepDown ? AuthorisationSubject.StepDown : AuthorisationSubject.Closure, closure.Id, approve, reason, now);
        var logged = new List<AccessRecord>();
        if (approve)
        {
            var what = await CloseEpisodeAsync(actor, closure, reason, now, ct);
            logged.Add(AccessRecord.By(actor, now, AccessAction.Changed, closure.PersonId, what));
        }
        else
        {
            closure.Stage = ClosureStage.Returned;
            ChronologyWriter.Add(db, closure.PersonId, now, now, actor, SocialWorkChronology.Area, ClosureChronology.ClosureReturned,
                $"{(stepDown ? "Step down" : "Closure")} sent back to {closure.ProposedByName} by {actor.DisplayName}: {ContactService.Shorten(reason)}",
                significant: false, link: Link(closure));
            logged.Add(AccessRecord.By(actor, now, AccessAction.Changed, closure.PersonId, $"Closure {closure.Id} returned to the worker"));
        }
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, logged, ct);
        await tx.CommitAsync(ct);
        return closure;
    }

    /// <summary>Ends the episode on the sign-off: the referral, the plan, the social care work and its allocations; opens early help on a step down.</summary>
    private async Task<string> CloseEpisodeAsync(Actor actor, CaseClosure closure, string reason, DateTime now, CancellationToken ct)
    {
        var referral = await db.Referrals.FirstAsync(r => r.Id == closure.ReferralId, ct);
        if (referral.ClosedOn is not null) throw Refuse.Invalid("Reason", $"This referral closed on {referral.ClosedOn:d MMMM yyyy}: there is nothing left to close");
        await CheckCanEndAsync(closure.PersonId, referral.Id, closure.ReasonCode, ct);
        var today = Today;
        if (today < referral.ReferralDate)
            throw Refuse.Invalid("Reason", $"The closure date, {today:d MMMM yyyy}, cannot be before the referral date, {referral.ReferralDate:d MMMM yyyy}");
        var plans = await db.ChildInNeedPlans.Where(p => p.PersonId == closure.PersonId && p.Stage == PlanStage.Active && p.EndDate == null).ToListAsync(ct);
        if (plans.FirstOrDefault(p => p.StartDate > today) is { } future)
            throw Refuse.Invalid("Reason", $"The closure date, {today:d MMMM yyyy}, cannot be before the child in need plan's start date, {future.StartDate:d MMMM yyyy}");
        var stepDown = closure.Kind == ClosureKind.StepDownToEarlyHelp;
        Team? earlyHelp = null;
        if (stepDown)
        {
            earlyHelp = await db.Teams.FirstOrDefaultAsync(t => t.Id == closure.EarlyHelpTeamId && t.IsActive && t.Kind == TeamKind.EarlyHelp, ct)
                ?? throw Refuse.Invalid("Reason", "The early help team chosen is no longer active: send the proposal back so the worker can choose another");
        }

        closure.Stage = ClosureStage.Authorised;
        closure.ClosedOn = today;
        referral.ClosedOn = today;
        referral.ClosureReason = closure.ReasonCode;
        var endReason = stepDown ? $"Stepped down to early help ({earlyHelp!.Name})" : $"Case closed: {ClosureCodes.Describe(closure.ReasonCode)}";
        foreach (var plan in plans)
        {
            plan.EndDate = today;
            plan.Stage = PlanStage.Ended;
            plan.EndReason = endReason;
            plan.UpdatedAtUtc = now;
        }
        var involvements = await db.Involvements.Where(i => i.PersonId == closure.PersonId && i.EndDate == null && Ended.Contains(i.Kind)).ToListAsync(ct);
        var ids = involvements.Select(i => i.Id).ToList();
        foreach (var involvement in involvements) involvement.EndDate = today;
        foreach (var allocation in await db.Allocations.Where(a => ids.Contains(a.InvolvementId) && a.ToUtc == null).ToListAsync(ct))
            allocation.ToUtc = now;
        string what;
        if (stepDown)
        {
            if (!await db.Involvements.AnyAsync(i => i.PersonId == closure.PersonId && i.EndDate == null && i.Kind == InvolvementKind.EarlyHelp && i.TeamId == earlyHelp!.Id, ct))
                db.Involvements.Add(new Involvement { PersonId = closure.PersonId, Kind = InvolvementKind.EarlyHelp, StartDate = today, TeamId = earlyHelp!.Id });
            what = $"Stepped down to early help ({earlyHelp!.Name}), signed off by {actor.DisplayName}; the social care episode closed " +
                $"{today:d MMMM yyyy} ({ClosureCodes.Describe(closure.ReasonCode)}). {ContactService.Shorten(reason)}";
        }
        else
        {
            what = $"Case closed {today:d MMMM yyyy}, signed off by {actor.DisplayName}: {ClosureCodes.Describe(closure.ReasonCode)}. {ContactService.Shorten(reason)}";
        }
        ChronologyWriter.Add(db, closure.PersonId, now, now, actor, SocialWorkChronology.Area,
            stepDown ? ClosureChronology.SteppedDown : ClosureChronology.Closed, what, significant: true, link: Link(closure));
        return $"Closure {closure.Id} signed off: referral {referral.Id} closed ({closure.ReasonCode}), {plans.Count} plan(s) and {involvements.Count} involvement(s) ended"
            + (stepDown ? $", early help opened with {earlyHelp!.Name}" : "");
    }

    /// <summary>
    /// A manager steps a child up from early help to a social care assessment: a contact from early help (census source 5D)
    /// decided at once as a referral to the chosen team, through the front door's own episode code, so the repeat
    /// referral check and the census see it as any other referral. The early help work ends.
    /// </summary>
    public async Task<SteppedUp?> StepUpAsync(Actor actor, Guid personId, int? teamId, string? reasons, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.StepUp);
        reasons = reasons?.Trim() ?? "";
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var earlyHelp = await db.Involvements.Include(i => i.Team).Where(i => i.PersonId == personId && i.EndDate == null && i.Kind == InvolvementKind.EarlyHelp).ToListAsync(ct);
        if (earlyHelp.Count == 0) throw Refuse.Invalid("TeamId", "The child is not open to early help: only a child early help is working with can be stepped up");
        if ((await OpenCases.FindAsync(db, [personId], ct)).Count > 0)
            throw Refuse.Invalid("TeamId", "The child's case is already open to social care: new concerns go to the allocated worker");
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        var team = teamId is { } t ? await db.Teams.FirstOrDefaultAsync(x => x.Id == t && x.IsActive && StepUpTeamKinds.Contains(x.Kind), ct) : null;
        if (team is null) failures.Add(new("TeamId", "Choose the social work team (assessment or child in need) that will assess the child"));
        if (reasons.Length == 0) failures.Add(new("Reasons", "Enter why the child needs a social care assessment now: what has changed"));
        else if (reasons.Length > MaxText) failures.Add(new("Reasons", $"The reasons must be {MaxText:N0} characters or fewer"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        var today = Today;
        var from = earlyHelp[0];
        var worker = from.WorkerId is null ? null : await db.Users.Where(u => u.Id == from.WorkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var contact = new Contact
        {
            Number = await db.NextNumberAsync("Contact", ct), ReceivedAtUtc = now, Method = ContactMethod.InPerson, SourceCode = "5D",
            ReferrerName = worker ?? actor.DisplayName, ReferrerRole = $"Early help ({from.Team?.Name ?? "early help"})",
            Concerns = reasons, Consent = Consent.NotNeeded, Stage = ContactStage.Closed, ScreeningDueAtUtc = frontDoor.ScreeningDue(now, calendar),
            ScreeningOutcome = ScreeningOutcome.Referral, ScreeningReason = $"Stepped up from early help by {actor.DisplayName}: {reasons}",
            ScreenedAtUtc = now, ScreenedById = actor.UserId, ScreenedByName = actor.DisplayName, ToTeamId = team!.Id,
            RecordedAtUtc = now, RecordedById = actor.UserId, RecordedByName = actor.DisplayName,
        };
        // The front door's check: a referral within the council's window before this one makes it a possible repeat referral.
        var earlier = await OpenCases.EarlierReferralsAsync(db, [personId], today, frontDoor.RepeatReferralMonths, ct);
        var child = new ContactChild { PersonId = personId, EarlierReferralId = earlier.TryGetValue(personId, out var e) ? e : null };
        contact.Children.Add(child);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        var received = $"Contact {contact.Reference} from {FrontDoorCodes.ReferralSource.Label("5D")} ({contact.ReferrerName}): {ContactService.Shorten(reasons)}";
        if (child.EarlierReferralId is not null) received += " Possible repeat referral: referred within the last 12 months.";
        ChronologyWriter.Add(db, personId, now, now, actor, FrontDoorChronology.Area, FrontDoorChronology.ContactReceived, received, significant: true);
        await Episodes.OpenReferralsAsync(db, contact, team, "N0", noFurtherAction: false, strategyDiscussion: false, now, actor, SocialWorkChronology.Area, ct);

        var ids = earlyHelp.Select(i => i.Id).ToList();
        foreach (var involvement in earlyHelp) involvement.EndDate = today;
        foreach (var allocation in await db.Allocations.Where(a => ids.Contains(a.InvolvementId) && a.ToUtc == null).ToListAsync(ct))
            allocation.ToUtc = now;
        var referralId = child.ReferralId!.Value;
        ManagerDecision.Record(db, actor, personId, AuthorisationSubject.StepUp, referralId, approved: true, reasons, now);
        ChronologyWriter.Add(db, personId, now, now, actor, SocialWorkChronology.Area, ClosureChronology.SteppedUp,
            $"Stepped up from early help ({string.Join(", ", earlyHelp.Select(i => i.Team?.Name).Distinct())}) to a social care assessment ({team.Name}) by {actor.DisplayName}: {ContactService.Shorten(reasons)}",
            significant: true);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Stepped up: contact {contact.Reference}, referral {referralId} to {team.Name}")], ct);
        await tx.CommitAsync(ct);
        return new SteppedUp(contact.Id, contact.Reference, referralId, team.Id, team.Name, child.EarlierReferralId);
    }

    /// <summary>The rules that hold at proposal and again at sign-off.</summary>
    private async Task CheckCanEndAsync(Guid personId, int referralId, string code, CancellationToken ct)
    {
        var stages = await db.Assessments.Where(a => a.ReferralId == referralId).Select(a => a.Stage).ToListAsync(ct);
        if (stages.Any(s => s != AssessmentStage.Authorised) && !ClosureCodes.EndsRegardless(code))
            throw Refuse.Invalid("ReasonCode", "An assessment on this referral is still in progress or waiting for authorisation: complete it first. " +
                "Only RC1 to RC6 (adopted, died, a child arrangements or special guardianship order, moved to another council or to adult services) close a case while an assessment is open");
        if (ClosureCodes.NeedsAssessment(code) && !stages.Contains(AssessmentStage.Authorised))
            throw Refuse.Invalid("ReasonCode", $"{ClosureCodes.Describe(code)} needs an authorised assessment on this referral, and there is none: choose another reason");
        if (await db.Involvements.AnyAsync(i => i.PersonId == personId && i.EndDate == null && Blocking.Contains(i.Kind), ct))
            throw Refuse.Invalid("Kind", "The child is on a child protection plan or looked after: that work must end on its own record before the case closes");
    }

    private Task<Referral?> OpenReferralAsync(Guid personId, CancellationToken ct) =>
        db.Referrals.Where(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ReferralDate).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    private async Task<Episode?> OpenEpisodeAsync(Guid personId, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ReferralDate).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.ReferralDate, Team = db.Teams.Where(t => t.Id == r.TeamId).Select(t => t.Name).FirstOrDefault() }).FirstOrDefaultAsync(ct);
        if (referral is null) return null;
        var stages = await db.Assessments.Where(a => a.ReferralId == referral.Id).Select(a => a.Stage).ToListAsync(ct);
        return new Episode(referral.Id, referral.ReferralDate, referral.Team, stages.Contains(AssessmentStage.Authorised), stages.Any(s => s != AssessmentStage.Authorised));
    }

    public static string Link(CaseClosure c) => $"/people/{c.PersonId}/closures/{c.Id}";

    public static string Label(ClosureKind kind) => kind == ClosureKind.StepDownToEarlyHelp ? "Step down to early help" : "Close the case";

    public static string Label(ClosureStage stage) => stage switch
    {
        ClosureStage.AwaitingAuthorisation => "Waiting for sign-off",
        ClosureStage.Authorised => "Signed off",
        ClosureStage.Returned => "Sent back",
        _ => stage.ToString(),
    };
}

/// <summary>The kinds of chronology entry closure, step down and step up write (in the social work area).</summary>
public static class ClosureChronology
{
    public const string ClosureProposed = "Closure proposed";
    public const string ClosureReturned = "Closure sent back";
    public const string Closed = "Case closed";
    public const string SteppedDown = "Stepped down to early help";
    public const string SteppedUp = "Stepped up from early help";
}
