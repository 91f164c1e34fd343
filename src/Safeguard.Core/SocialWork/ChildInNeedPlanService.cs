using System.Globalization;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// A child in need plan from its draft to its reviews: the worker writes the aims and the actions (each with an owner
/// and a real date), sends it to a manager, who authorises it or returns it with the reason; once active it is
/// reviewed at the council's interval, each review recording progress on every open action and scheduling the next.
/// Every step is on the child's chronology and in the access log; nothing is deleted.
/// </summary>
public sealed class ChildInNeedPlanService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views, SocialWorkRules rules,
    WorkingDayCalendar calendar, TimeProvider clock)
{
    public const int MaxText = 20_000;

    /// <summary>One action as typed: the due date is the text typed, so "ongoing" or "tbc" can be refused by name.</summary>
    public sealed record ActionInput(string? Text, string? OwnerName, string? OwnerUserId, string? DueDate)
    {
        public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(OwnerName) && string.IsNullOrWhiteSpace(OwnerUserId)
            && string.IsNullOrWhiteSpace(DueDate);
    }

    /// <summary>Progress on one action: its status now and what has happened.</summary>
    public sealed record ProgressInput(int ActionId, PlanActionStatus? Status, string? Text);

    /// <summary>A meeting or review as recorded: when, who came, the minutes, the decision and progress on each open action.</summary>
    public sealed record MeetingInput(DateOnly? HeldOn, string? Attendees, string? Minutes, string? Decision, IReadOnlyList<ProgressInput> Progress);

    /// <summary>The child's current plan in brief, for the case page.</summary>
    public sealed record Current(int PlanId, PlanStage Stage, DateOnly StartDate, int? NextReviewId, DateOnly? NextReviewDue, int OpenActions, int LateActions);

    /// <summary>A member of staff who can own an action: a member of the plan's team.</summary>
    public sealed record Owner(string Id, string Name, string? JobTitle);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    public static bool IsOpen(PlanActionStatus status) => status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress;

    // ---- Reading ----

    /// <summary>The plan with its actions and meetings, or null when it is not this child's or not theirs to open.</summary>
    public async Task<ChildInNeedPlan?> OpenAsync(Actor actor, Guid personId, int planId, CancellationToken ct = default)
    {
        var plan = await db.ChildInNeedPlans.AsNoTracking().Include(p => p.Actions).Include(p => p.Meetings)
            .FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, ct);
        if (plan is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        plan.Actions = [.. plan.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id)];
        plan.Meetings = [.. plan.Meetings.OrderBy(m => m.DueDate).ThenBy(m => m.Id)];
        // Views never wait: they go on the queue the background writer drains.
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Child in need plan {planId}"), ct);
        return plan;
    }

    /// <summary>The child's plans, newest first (without their actions), or null when the case is not theirs to open.</summary>
    public async Task<List<ChildInNeedPlan>?> ForChildAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        return await db.ChildInNeedPlans.AsNoTracking().Where(p => p.PersonId == personId)
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).ToListAsync(ct);
    }

    /// <summary>The plan in draft, with the manager or in force, in brief; null when the child has none.</summary>
    public async Task<Current?> CurrentAsync(Guid personId, CancellationToken ct = default)
    {
        var plan = await db.ChildInNeedPlans.AsNoTracking()
            .Where(p => p.PersonId == personId && p.Stage != PlanStage.Ended).OrderByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Stage, p.StartDate }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var today = Today;
        var open = await db.PlanActions.Where(a => a.PlanId == plan.Id && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress))
            .Select(a => a.DueDate).ToListAsync(ct);
        var review = await db.ChildInNeedMeetings.Where(m => m.PlanId == plan.Id && m.HeldOn == null).OrderBy(m => m.DueDate)
            .Select(m => new { m.Id, m.DueDate }).FirstOrDefaultAsync(ct);
        return new Current(plan.Id, plan.Stage, plan.StartDate, review?.Id, review?.DueDate, open.Count, open.Count(d => d < today));
    }

    /// <summary>
    /// Whether a plan can be started: an open referral (not NFA) whose assessment a manager has authorised with the
    /// outcome "a child in need plan", and no plan in draft, with the manager or active.
    /// </summary>
    public async Task<bool> CanStartAsync(Guid personId, CancellationToken ct = default) => await WhyNotStartAsync(personId, ct) is null;

    /// <summary>Why a plan cannot be started for the child now, in plain words; null when it can.</summary>
    public async Task<string?> WhyNotStartAsync(Guid personId, CancellationToken ct = default) => (await StartingPointAsync(personId, ct)).Refusal;

    /// <summary>What a new plan follows: the open referral and the start of the assessment authorised on it; or why there is none.</summary>
    private sealed record StartingPoint(Referral? Referral, DateOnly? AssessmentStart, string? Refusal);

    /// <summary>
    /// Working Together: a child in need plan follows a child and family assessment that concluded the child needs
    /// one. The assessment a plan follows is the one of the child's open referral (the current episode) a manager
    /// authorised last: an earlier outcome is overtaken by a later assessment, and a draft is not yet a decision.
    /// </summary>
    private async Task<StartingPoint> StartingPointAsync(Guid personId, CancellationToken ct)
    {
        var referral = await db.Referrals.Where(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct);
        if (referral is null) return new(null, null, "The child has no open referral: a child in need plan follows a referral from the front door");
        if (await db.ChildInNeedPlans.AnyAsync(p => p.PersonId == personId && p.Stage != PlanStage.Ended, ct))
            return new(referral, null, "The child already has a child in need plan: carry on with it");
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.ReferralId == referral.Id)
            .Select(a => new { a.Id, a.Stage, a.Outcome, a.StartDate, a.AuthorisedOn, a.AuthorisedAtUtc }).ToListAsync(ct);
        var authorised = assessments.Where(a => a.Stage == AssessmentStage.Authorised).OrderBy(a => a.AuthorisedAtUtc).ThenBy(a => a.Id).LastOrDefault();
        // A review conference that steps a child protection plan down to child in need is itself the decision a plan
        // follows (Working Together): the child in need plan starts from the day it ended, without a new assessment.
        var steppedDown = await db.ChildProtectionPlans.Where(p => p.PersonId == personId && p.EndReason == ChildProtection.PlanEndReason.SteppedDownToChildInNeed
                && p.EndDate >= referral.ReferralDate)
            .OrderByDescending(p => p.EndDate).Select(p => p.EndDate).FirstOrDefaultAsync(ct);
        if (steppedDown is { } ended && (authorised?.AuthorisedOn is null || authorised.AuthorisedOn <= ended))
            return new(referral, ended, null);
        if (authorised?.Outcome == AssessmentOutcome.ChildInNeedPlan)
            return new(referral, authorised.StartDate, null);
        if (assessments.Any(a => a.Stage != AssessmentStage.Authorised))
            return new(referral, null, "A child in need plan follows an authorised assessment: the assessment for this referral has not been authorised yet. "
                + "A plan can be written once a manager authorises it with the outcome \"a child in need plan\"");
        if (authorised is null)
            return new(referral, null, "A child in need plan follows an authorised assessment: no assessment has been started for this referral yet. "
                + "Start the child and family assessment first");
        var outcome = authorised.Outcome is { } o ? AssessmentService.Label(o).ToLowerInvariant() : "not recorded";
        return new(referral, null, $"A child in need plan follows an assessment whose outcome is \"a child in need plan\": the assessment authorised on "
            + $"{authorised.AuthorisedOn:d MMMM yyyy} concluded \"{outcome}\". Start a new assessment; once a manager authorises it with that outcome, the plan can be written");
    }

    /// <summary>The manager's decisions on the plan, oldest first.</summary>
    public Task<List<Authorisation>> DecisionsAsync(int planId, CancellationToken ct = default) =>
        db.Authorisations.AsNoTracking().Where(a => a.Subject == AuthorisationSubject.ChildInNeedPlan && a.SubjectId == planId)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(ct);

    /// <summary>Every progress entry on the plan's actions, oldest first.</summary>
    public Task<List<PlanActionProgress>> ProgressAsync(int planId, CancellationToken ct = default) =>
        db.PlanActionProgress.AsNoTracking().Where(p => db.PlanActions.Any(a => a.Id == p.ActionId && a.PlanId == planId))
            .OrderBy(p => p.RecordedAtUtc).ThenBy(p => p.Id).ToListAsync(ct);

    /// <summary>The staff of the plan's team who can own an action (it then reaches their My work).</summary>
    public Task<List<Owner>> OwnersAsync(int teamId, CancellationToken ct = default) => OwnersOf(db, teamId, ct);

    /// <summary>The active staff of a team, who can own an action of any plan (it then reaches their My work).</summary>
    public static Task<List<Owner>> OwnersOf(SafeguardDbContext db, int teamId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.TeamId == teamId && u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new Owner(u.Id, u.DisplayName, u.JobTitle)).ToListAsync(ct);

    // ---- Writing the plan ----

    /// <summary>
    /// Starts a plan in draft on the child's open referral, in the team of their open involvement. The referral's
    /// assessment must be authorised, with the outcome "a child in need plan" (see <see cref="StartingPointAsync"/>).
    /// </summary>
    public async Task<ChildInNeedPlan?> StartAsync(Actor actor, Guid personId, DateOnly? startDate, string? aims, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        CheckLength(nameof(ChildInNeedPlan.Aims), aims);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (referral, assessmentStart, refusal) = await StartingPointAsync(personId, ct);
        if (refusal is not null) throw Refuse.Invalid("PersonId", refusal);
        var start = startDate ?? Today;
        CheckStart(start, referral!.ReferralDate, assessmentStart);
        var teamId = await db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null)
            .OrderByDescending(i => i.StartDate).Select(i => i.TeamId).FirstOrDefaultAsync(ct) ?? referral.TeamId
            ?? throw Refuse.Invalid("PersonId", "The child is not open to a team: allocate the referral first");
        var now = Now;
        var plan = new ChildInNeedPlan
        {
            PersonId = personId, ReferralId = referral.Id, TeamId = teamId, StartDate = start, Aims = Tidy(aims), Stage = PlanStage.Draft,
            CreatedById = actor.UserId, CreatedByName = actor.DisplayName, CreatedAtUtc = now, UpdatedAtUtc = now, Version = Guid.NewGuid(),
        };
        db.ChildInNeedPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        ChronologyWriter.Add(db, personId, now, now, actor, SocialWorkChronology.Area, PlanChronology.Started,
            $"Child in need plan started by {actor.DisplayName}, from {start:d MMMM yyyy} (a draft until a manager authorises it)", link: Link(plan));
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Child in need plan {plan.Id} started")], ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Changes the start date and aims while the plan is a draft.</summary>
    public async Task<ChildInNeedPlan?> SaveAsync(Actor actor, Guid personId, int planId, Guid version, DateOnly startDate, string? aims, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        CheckLength(nameof(ChildInNeedPlan.Aims), aims);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null) return null;
        if (plan.Stage != PlanStage.Draft) throw Refuse.Invalid("Aims", "Only a draft plan's aims and start can change");
        var referralDate = await db.Referrals.Where(r => r.Id == plan.ReferralId).Select(r => r.ReferralDate).FirstAsync(ct);
        var assessed = await db.Assessments.Where(a => a.ReferralId == plan.ReferralId && a.Stage == AssessmentStage.Authorised && a.Outcome == AssessmentOutcome.ChildInNeedPlan)
            .OrderByDescending(a => a.AuthorisedAtUtc).Select(a => (DateOnly?)a.StartDate).FirstOrDefaultAsync(ct);
        CheckStart(startDate, referralDate, assessed);
        if (plan.Actions.Where(a => a.Status != PlanActionStatus.NoLongerNeeded).FirstOrDefault(a => a.DueDate < startDate) is { } early)
            throw Refuse.Invalid("StartDate", $"The action \"{ContactService.Shorten(early.Text, 60)}\" is due by {early.DueDate:d MMMM yyyy}, before this start date: change its date first");
        plan.StartDate = startDate;
        plan.Aims = Tidy(aims);
        await SaveAsync(actor, plan, "saved", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>
    /// Adds actions: to a draft, or to an active plan as an amendment (on the chronology). Wholly blank rows are
    /// ignored; every other row needs its text, owner and a real due date, not before the plan's start. All or none are added.
    /// </summary>
    public async Task<ChildInNeedPlan?> AddActionsAsync(Actor actor, Guid personId, int planId, Guid version, IReadOnlyList<ActionInput> actions, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null) return null;
        if (plan.Stage is not (PlanStage.Draft or PlanStage.Active))
            throw Refuse.Invalid("Actions[0].Text", plan.Stage == PlanStage.AwaitingAuthorisation
                ? "The plan is with the manager: actions can be added once they authorise it or send it back"
                : "The plan has ended: actions can no longer be added");
        var owners = await OwnersAsync(plan.TeamId, ct);
        var failures = new List<ValidationFailure>();
        var added = new List<PlanAction>();
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].IsBlank) continue;
            var action = Check(actions[i], $"Actions[{i}].", plan.StartDate, owners, failures);
            if (action is not null) added.Add(action);
        }
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        if (added.Count == 0) throw Refuse.Invalid("Actions[0].Text", "Enter an action: what will be done, by whom and by when");
        var now = Now;
        foreach (var action in added)
        {
            plan.Actions.Add(action);
            if (plan.Stage == PlanStage.Active)
                ChronologyWriter.Add(db, plan.PersonId, now, now, actor, SocialWorkChronology.Area, PlanChronology.Amended,
                    $"Child in need plan amended: action added, \"{ContactService.Shorten(action.Text, 200)}\" by {action.OwnerName}, due by {action.DueDate:d MMMM yyyy}",
                    link: Link(plan));
        }
        await SaveAsync(actor, plan, $"{added.Count} action(s) added", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Changes an action of a draft plan: its text, owner and due date.</summary>
    public async Task<ChildInNeedPlan?> EditActionAsync(Actor actor, Guid personId, int planId, int actionId, Guid version, ActionInput input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null || plan.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return null;
        if (plan.Stage != PlanStage.Draft)
            throw Refuse.Invalid("Text", "Once the plan is authorised only an action's date can change: add a new action instead, and mark this one no longer needed");
        if (!IsOpen(action.Status)) throw Refuse.Invalid("Text", "This action is finished: it can no longer change");
        var failures = new List<ValidationFailure>();
        var changed = Check(input, "", plan.StartDate, await OwnersAsync(plan.TeamId, ct), failures);
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        action.Text = changed!.Text;
        action.OwnerName = changed.OwnerName;
        action.OwnerUserId = changed.OwnerUserId;
        action.DueDate = changed.DueDate;
        await SaveAsync(actor, plan, $"action {actionId} changed", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Moves an action's due date on an active plan, with the reason: an amendment, on the chronology.</summary>
    public async Task<ChildInNeedPlan?> ChangeDueDateAsync(Actor actor, Guid personId, int planId, int actionId, Guid version, string? dueDate, string? reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        reason = Tidy(reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null || plan.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return null;
        if (plan.Stage != PlanStage.Active) throw Refuse.Invalid("DueDate", "Only an active plan's dates are amended this way: change a draft's action itself");
        if (!IsOpen(action.Status)) throw Refuse.Invalid("DueDate", "This action is finished: its date can no longer change");
        var failures = new List<ValidationFailure>();
        var due = CheckDueDate(dueDate, "DueDate", plan.StartDate, failures);
        if (reason is null) failures.Add(new("Reason", "Enter why the date is changing: the plan's record shows it"));
        else if (reason.Length > 4000) failures.Add(new("Reason", "The reason must be 4,000 characters or fewer"));
        if (due == action.DueDate) failures.Add(new("DueDate", $"The action is already due by {action.DueDate:d MMMM yyyy}: enter the new date"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        var now = Now;
        ChronologyWriter.Add(db, plan.PersonId, now, now, actor, SocialWorkChronology.Area, PlanChronology.Amended,
            $"Child in need plan amended: \"{ContactService.Shorten(action.Text, 200)}\" ({action.OwnerName}) now due by {due:d MMMM yyyy}, was {action.DueDate:d MMMM yyyy}: {ContactService.Shorten(reason!)}",
            link: Link(plan));
        action.DueDate = due!.Value;
        await SaveAsync(actor, plan, $"action {actionId} due date changed", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>
    /// Progress on one action between meetings, or marking it done or no longer needed (the text is then the reason).
    /// A draft's action can only be marked no longer needed; an active plan's, anything.
    /// </summary>
    public async Task<ChildInNeedPlan?> RecordProgressAsync(Actor actor, Guid personId, int planId, int actionId, Guid version, PlanActionStatus? status, string? text, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null || plan.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return null;
        if (!IsOpen(action.Status)) throw Refuse.Invalid("Status", "This action is finished: its progress can no longer change");
        if (plan.Stage == PlanStage.Draft && status is not PlanActionStatus.NoLongerNeeded)
            throw Refuse.Invalid("Status", "Progress is recorded once the plan is authorised; a draft's action can only be marked no longer needed");
        if (plan.Stage is not (PlanStage.Draft or PlanStage.Active)) throw Refuse.Invalid("Status", "The plan is not active: progress cannot be recorded");
        var failures = new List<ValidationFailure>();
        CheckProgress(status, text, "", action, failures);
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        var now = Now;
        Progress(actor, action, status!.Value, text!.Trim(), null, now);
        ChronologyWriter.Add(db, plan.PersonId, now, now, actor, SocialWorkChronology.Area, PlanChronology.Progress,
            $"Child in need plan action \"{ContactService.Shorten(action.Text, 200)}\": {Label(status.Value).ToLowerInvariant()}. {ContactService.Shorten(text.Trim())}",
            link: Link(plan));
        await SaveAsync(actor, plan, $"progress on action {actionId}", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Sends the draft to a manager: it needs its aims and at least one action.</summary>
    public async Task<ChildInNeedPlan?> SubmitAsync(Actor actor, Guid personId, int planId, Guid version, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null) return null;
        if (plan.Stage != PlanStage.Draft) throw Refuse.Invalid("Aims", "This plan is not a draft: it has already been sent to the manager");
        var missing = new List<ValidationFailure>();
        if (string.IsNullOrWhiteSpace(plan.Aims)) missing.Add(new("Aims", "Enter the plan's aims: what should be different for the child"));
        if (!plan.Actions.Any(a => IsOpen(a.Status))) missing.Add(new("Actions", "Add at least one action, with who will do it and by when"));
        if (missing.Count > 0) throw new FluentValidation.ValidationException(missing);
        var now = Now;
        plan.Stage = PlanStage.AwaitingAuthorisation;
        plan.SubmittedAtUtc = now;
        ChronologyWriter.Add(db, plan.PersonId, now, now, actor, SocialWorkChronology.Area, PlanChronology.Submitted,
            $"Child in need plan sent to the manager for authorisation ({plan.Actions.Count(a => IsOpen(a.Status))} actions)", link: Link(plan));
        await SaveAsync(actor, plan, "submitted", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>
    /// A manager, never the plan's author, authorises it (it becomes active, its first review is scheduled, and an
    /// assessment case in its team becomes a child in need case) or returns it to draft with the reason.
    /// </summary>
    public async Task<ChildInNeedPlan?> AuthoriseAsync(Actor actor, Guid personId, int planId, Guid version, bool approve, string? reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AuthoriseWork);
        reason = ManagerDecision.Reason(reason, approve ? "Enter your reasons for authorising it: the record shows why" : "Enter what needs to change before you can authorise it");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null) return null;
        if (plan.Stage != PlanStage.AwaitingAuthorisation) throw Refuse.Invalid("Reason", "This plan is not waiting for authorisation");
        if (plan.CreatedById == actor.UserId) throw new AccessDeniedException("You cannot authorise a plan you wrote: another manager must.");
        var now = Now;
        ManagerDecision.Record(db, actor, plan.PersonId, AuthorisationSubject.ChildInNeedPlan, plan.Id, approve, reason, now);
        string summary;
        if (approve)
        {
            plan.Stage = PlanStage.Active;
            plan.AuthorisedAtUtc = now;
            plan.AuthorisedByName = actor.DisplayName;
            var review = new ChildInNeedMeeting
            {
                PersonId = plan.PersonId, Kind = MeetingKind.PlanReview, DueDate = rules.ChildInNeedReview.DueDate(plan.StartDate, calendar), Version = Guid.NewGuid(),
            };
            plan.Meetings.Add(review);
            var moved = await ContinueAsChildInNeedAsync(actor, plan, now, ct);
            summary = $"Child in need plan authorised by {actor.DisplayName}, from {plan.StartDate:d MMMM yyyy}; first review due by {review.DueDate:d MMMM yyyy}{moved}. {ContactService.Shorten(reason)}";
        }
        else
        {
            plan.Stage = PlanStage.Draft;
            summary = $"Child in need plan returned to {plan.CreatedByName} by {actor.DisplayName}: {ContactService.Shorten(reason)}";
        }
        ChronologyWriter.Add(db, plan.PersonId, now, now, actor, SocialWorkChronology.Area, approve ? PlanChronology.Authorised : PlanChronology.Returned,
            summary, significant: approve, link: Link(plan));
        await SaveAsync(actor, plan, approve ? "authorised" : "returned to the worker", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>
    /// The assessment case (the child's open involvement of that kind in the plan's team) ends on the plan's start
    /// and a child in need case opens for the same team and worker, with the allocation carried over.
    /// </summary>
    private async Task<string> ContinueAsChildInNeedAsync(Actor actor, ChildInNeedPlan plan, DateTime now, CancellationToken ct)
    {
        var moved = await CaseStatus.MoveAsync(db, actor, plan.PersonId, plan.TeamId, [InvolvementKind.Assessment], InvolvementKind.ChildInNeed,
            plan.StartDate, "Continues from the assessment", now, ct);
        return moved switch
        {
            null => "",
            { WorkerName: null } => "; the case is now a child in need case, not yet allocated",
            { WorkerName: var name } => $"; the case is now a child in need case, held by {name}",
        };
    }

    // ---- Meetings ----

    /// <summary>
    /// Records the review that was due: when it was held (not before the plan's start or the last review, not in the
    /// future), who came, the minutes, the decision and progress on every open action. The next review is scheduled
    /// from the day it was held.
    /// </summary>
    public async Task<ChildInNeedMeeting?> HoldMeetingAsync(Actor actor, Guid personId, int planId, int meetingId, Guid version, MeetingInput input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.PlanForChild);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await db.ChildInNeedPlans.Include(p => p.Actions).Include(p => p.Meetings)
            .FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, ct);
        if (plan is null || !await cases.CanOpenAsync(actor, personId, ct) || plan.Meetings.FirstOrDefault(m => m.Id == meetingId) is not { } meeting) return null;
        if (meeting.Version != version)
            throw new ConcurrencyConflictException("Someone else recorded this meeting since you opened it. What you typed is still on the page: compare it with theirs before saving again.");
        if (meeting.HeldOn is not null) throw Refuse.Invalid("HeldOn", "This meeting has already been recorded");
        if (plan.Stage != PlanStage.Active) throw Refuse.Invalid("HeldOn", "The plan is not active: its reviews cannot be recorded");

        var failures = new List<ValidationFailure>();
        var lastHeld = plan.Meetings.Where(m => m.HeldOn is not null).Max(m => m.HeldOn);
        if (input.HeldOn is not { } heldOn) failures.Add(new("HeldOn", "Enter the date the meeting was held"));
        else if (heldOn < plan.StartDate) failures.Add(new("HeldOn", $"The meeting date must be on or after the plan's start, {plan.StartDate:d MMMM yyyy}"));
        else if (heldOn > Today) failures.Add(new("HeldOn", "The meeting date cannot be in the future"));
        else if (lastHeld is { } last && heldOn < last) failures.Add(new("HeldOn", $"The meeting date must be on or after the last review, held on {last:d MMMM yyyy}"));
        Need(input.Attendees, "Attendees", "Enter who came to the meeting, including the child and family", 2000, failures);
        Need(input.Minutes, "Minutes", "Enter the minutes: what was discussed and the child's and family's views", MaxText, failures);
        Need(input.Decision, "Decision", "Enter what the meeting decided: whether the plan continues, changes, steps down or ends", 4000, failures);
        var open = plan.Actions.Where(a => IsOpen(a.Status)).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList();
        for (var i = 0; i < input.Progress.Count; i++)
        {
            var p = input.Progress[i];
            if (open.FirstOrDefault(a => a.Id == p.ActionId) is not { } action)
            {
                failures.Add(new($"Progress[{i}].Status", "This action is not an open action of the plan"));
                continue;
            }
            CheckProgress(p.Status, p.Text, $"Progress[{i}].", action, failures);
        }
        foreach (var action in open.Where(a => input.Progress.All(p => p.ActionId != a.Id)))
            failures.Add(new("Progress", $"Record progress on \"{ContactService.Shorten(action.Text, 60)}\": the review looks at every open action"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        meeting.HeldOn = input.HeldOn;
        meeting.Attendees = input.Attendees!.Trim();
        meeting.Minutes = input.Minutes!.Trim();
        meeting.Decision = input.Decision!.Trim();
        meeting.RecordedByName = actor.DisplayName;
        meeting.RecordedAtUtc = now;
        meeting.Version = Guid.NewGuid();
        foreach (var p in input.Progress)
            Progress(actor, open.First(a => a.Id == p.ActionId), p.Status!.Value, p.Text!.Trim(), meeting.Id, now);
        var next = new ChildInNeedMeeting
        {
            PersonId = plan.PersonId, Kind = MeetingKind.PlanReview, DueDate = rules.ChildInNeedReview.DueDate(input.HeldOn!.Value, calendar), Version = Guid.NewGuid(),
        };
        plan.Meetings.Add(next);
        var late = input.HeldOn > meeting.DueDate ? $" (due by {meeting.DueDate:d MMMM yyyy})" : "";
        ChronologyWriter.Add(db, plan.PersonId, WorkingDayCalendar.FromUkLocal(input.HeldOn!.Value.ToDateTime(new TimeOnly(12, 0))).UtcDateTime, now, actor,
            SocialWorkChronology.Area, PlanChronology.ReviewHeld,
            $"Child in need review held on {input.HeldOn:d MMMM yyyy}{late}: {ContactService.Shorten(meeting.Decision)}. Next review due by {next.DueDate:d MMMM yyyy}",
            significant: true, link: $"{Link(plan)}/meetings/{meeting.Id}");
        await SaveAsync(actor, plan, $"review {meeting.Id} recorded", ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    // ---- Rules ----

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "d MMMM yyyy", "d MMM yyyy", "dddd d MMMM yyyy", "MMMM d yyyy", "MMMM d, yyyy"];

    /// <summary>
    /// The due date typed for an action, or null with a failure: it must be a real date (not "ongoing", "as needed",
    /// "tbc" or nothing) and not before the plan starts.
    /// </summary>
    public static DateOnly? CheckDueDate(string? typed, string field, DateOnly planStart, List<ValidationFailure> failures)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
        {
            failures.Add(new(field, "Enter the date by which this action will be done. Every action needs a date by which it will be done"));
            return null;
        }
        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            failures.Add(new(field, $"Enter a real date for this action: '{ContactService.Shorten(text, 40)}' is not a date. Every action needs a date by which it will be done"));
            return null;
        }
        if (date < planStart)
        {
            failures.Add(new(field, $"The due date must be on or after the plan's start, {planStart:d MMMM yyyy}"));
            return null;
        }
        return date;
    }

    /// <summary>An action as checked: its text, owner and real due date.</summary>
    public sealed record CheckedAction(string Text, string OwnerName, string? OwnerUserId, DateOnly DueDate);

    /// <summary>
    /// One action as typed, checked against the rules every plan's actions follow (a child protection plan's too):
    /// the text, an owner (a member of the team, or named) and a real due date not before the plan's start. Null with
    /// failures under <paramref name="prefix"/> otherwise.
    /// </summary>
    public static CheckedAction? CheckAction(ActionInput input, string prefix, DateOnly planStart, IReadOnlyList<Owner> owners, List<ValidationFailure> failures)
    {
        var before = failures.Count;
        var text = Tidy(input.Text);
        if (text is null) failures.Add(new(prefix + "Text", "Enter the action: what will be done"));
        else if (text.Length > 2000) failures.Add(new(prefix + "Text", "The action must be 2,000 characters or fewer"));
        string? ownerName = Tidy(input.OwnerName), ownerId = null;
        if (!string.IsNullOrWhiteSpace(input.OwnerUserId))
        {
            if (owners.FirstOrDefault(o => o.Id == input.OwnerUserId) is { } staff) (ownerId, ownerName) = (staff.Id, staff.Name);
            else failures.Add(new(prefix + "OwnerUserId", "Choose a member of the child's team, or name who will do it"));
        }
        else if (ownerName is null) failures.Add(new(prefix + "OwnerName", "Enter who will do this action (for example \"Mother\" or \"School nurse\"), or choose a member of staff"));
        else if (ownerName.Length > 200) failures.Add(new(prefix + "OwnerName", "The owner must be 200 characters or fewer"));
        var due = CheckDueDate(input.DueDate, prefix + "DueDate", planStart, failures);
        return failures.Count > before ? null : new CheckedAction(text!, ownerName!, ownerId, due!.Value);
    }

    private static PlanAction? Check(ActionInput input, string prefix, DateOnly planStart, List<Owner> owners, List<ValidationFailure> failures) =>
        CheckAction(input, prefix, planStart, owners, failures) is { } a
            ? new PlanAction { Text = a.Text, OwnerName = a.OwnerName, OwnerUserId = a.OwnerUserId, DueDate = a.DueDate, Status = PlanActionStatus.NotStarted }
            : null;

    /// <summary>Progress typed on one action (of any plan): where it is now and what has happened, or why it is no longer needed.</summary>
    public static void CheckProgress(PlanActionStatus? status, string? text, string prefix, DatedAction action, List<ValidationFailure> failures)
    {
        var name = ContactService.Shorten(action.Text, 60);
        if (status is not { } s || !Enum.IsDefined(s)) failures.Add(new(prefix + "Status", $"Choose where \"{name}\" is now"));
        if (string.IsNullOrWhiteSpace(text))
            failures.Add(new(prefix + "Text", status == PlanActionStatus.NoLongerNeeded
                ? $"Enter why \"{name}\" is no longer needed"
                : $"Enter the progress on \"{name}\""));
        else if (text.Trim().Length > 4000) failures.Add(new(prefix + "Text", "Progress must be 4,000 characters or fewer"));
    }

    private void Progress(Actor actor, PlanAction action, PlanActionStatus status, string text, int? meetingId, DateTime now)
    {
        action.Status = status;
        action.Progress = text;
        db.PlanActionProgress.Add(new PlanActionProgress
        {
            ActionId = action.Id, MeetingId = meetingId, Status = status, Text = text, RecordedAtUtc = now, RecordedByName = actor.DisplayName,
        });
    }

    /// <summary>
    /// The plan may be dated back to the meeting that agreed it, even if the manager authorised the assessment a
    /// little later, but not before the assessment it follows began.
    /// </summary>
    private void CheckStart(DateOnly start, DateOnly referralDate, DateOnly? assessmentStart)
    {
        if (start < referralDate) throw Refuse.Invalid("StartDate", $"The plan's start date must be on or after the referral date, {referralDate:d MMMM yyyy}");
        if (assessmentStart is { } begun && start < begun)
            throw Refuse.Invalid("StartDate", $"The plan's start date must be on or after the start of the assessment it follows, {begun:d MMMM yyyy}");
        if (start > Today) throw Refuse.Invalid("StartDate", "The plan's start date cannot be in the future");
    }

    /// <summary>Text a meeting record needs (any plan's): refused when empty or longer than <paramref name="max"/>.</summary>
    public static void Need(string? text, string field, string message, int max, List<ValidationFailure> failures)
    {
        if (string.IsNullOrWhiteSpace(text)) failures.Add(new(field, message));
        else if (text.Trim().Length > max) failures.Add(new(field, $"This must be {max:N0} characters or fewer"));
    }

    private static void CheckLength(string field, string? text)
    {
        if (text?.Trim().Length > MaxText) throw Refuse.Invalid(field, $"This must be {MaxText:N0} characters or fewer");
    }

    private async Task<ChildInNeedPlan?> LoadAsync(Actor actor, Guid personId, int planId, Guid version, CancellationToken ct)
    {
        var plan = await db.ChildInNeedPlans.Include(p => p.Actions).Include(p => p.Meetings)
            .FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, ct);
        if (plan is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        if (plan.Version != version)
            throw new ConcurrencyConflictException("Someone else changed this plan since you opened it. What you typed is still on the page: look at the plan as it is now, then save again.");
        return plan;
    }

    private async Task SaveAsync(Actor actor, ChildInNeedPlan plan, string what, CancellationToken ct)
    {
        var now = Now;
        plan.UpdatedAtUtc = now;
        plan.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, plan.PersonId, $"Child in need plan {plan.Id} {what}")], ct);
    }

    private static string Link(ChildInNeedPlan plan) => $"/people/{plan.PersonId}/plans/{plan.Id}";

    public static string Label(PlanActionStatus status) => status switch
    {
        PlanActionStatus.NotStarted => "Not started",
        PlanActionStatus.InProgress => "In progress",
        PlanActionStatus.Done => "Done",
        PlanActionStatus.NoLongerNeeded => "No longer needed",
        _ => status.ToString(),
    };

    public static string Label(PlanStage stage) => stage switch
    {
        PlanStage.Draft => "Draft",
        PlanStage.AwaitingAuthorisation => "With the manager",
        PlanStage.Active => "Active",
        PlanStage.Ended => "Ended",
        _ => stage.ToString(),
    };
}

/// <summary>The kinds of chronology entry a child in need plan writes (area <see cref="SocialWorkChronology.Area"/>).</summary>
public static class PlanChronology
{
    public const string Started = "Plan started";
    public const string Submitted = "Plan submitted";
    public const string Authorised = "Plan authorised";
    public const string Returned = "Plan returned";
    public const string Amended = "Plan amended";
    public const string Progress = "Plan progress";
    public const string ReviewHeld = "Plan review held";
}
