using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// The work of a child protection plan between its conferences: actions with owners and real dates ("ongoing" is
/// refused, as on a child in need plan), progress on them, and the core group, which meets first within 10 working
/// days of the initial conference and then at the council's interval, each meeting scheduling the next. The plan
/// itself starts and ends at conferences (<see cref="ConferenceService"/>); once it has ended nothing here changes.
/// An ended plan's core group still waiting is kept on the record but is no longer due: everything that counts core
/// groups due filters on the plan's end date (see <see cref="Due"/>).
/// </summary>
public sealed class ChildProtectionPlanService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views,
    ChildProtectionDues dues, TimeProvider clock)
{
    public const int MaxText = 20_000;

    /// <summary>A core group as recorded: when, who came, the notes and progress on each open action.</summary>
    public sealed record CoreGroupInput(DateOnly? HeldOn, string? Attendees, string? Notes, IReadOnlyList<ChildInNeedPlanService.ProgressInput> Progress);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>
    /// The core groups still due: not yet held, of a plan that has not ended. A plan ended at a review keeps its
    /// unheld meeting on the record, so anything counting core groups due or late starts here (or filters the same way).
    /// </summary>
    public static IQueryable<CoreGroupMeeting> Due(SafeguardDbContext db) =>
        db.CoreGroups.Where(m => m.HeldOn == null && db.ChildProtectionPlans.Any(p => p.Id == m.PlanId && p.EndDate == null));

    // ---- Reading ----

    /// <summary>The plan with its actions (soonest due first), or null when it is not this child's or not the actor's to open. One view in the access log.</summary>
    public async Task<ChildProtectionPlan?> OpenAsync(Actor actor, Guid personId, int planId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var plan = await db.ChildProtectionPlans.AsNoTracking().Include(p => p.Actions)
            .FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, ct);
        if (plan is null || !await cases.CanReadProtectionAsync(actor, personId, ct)) return null;
        plan.Actions = [.. plan.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id)];
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Child protection plan {planId}"), ct);
        return plan;
    }

    /// <summary>The child's child protection plans, newest first (without their actions); null when the child is not the actor's to open.</summary>
    public async Task<List<ChildProtectionPlan>?> ForChildAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        if (!await cases.CanReadProtectionAsync(actor, personId, ct)) return null;
        return await db.ChildProtectionPlans.AsNoTracking().Where(p => p.PersonId == personId)
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The plan's core groups: those held, newest first, then the one due (none once the plan has ended). For a page
    /// whose own read (<see cref="OpenAsync"/>) has checked access.
    /// </summary>
    public async Task<List<CoreGroupMeeting>> CoreGroupsAsync(int planId, CancellationToken ct = default)
    {
        var held = await db.CoreGroups.AsNoTracking().Where(m => m.PlanId == planId && m.HeldOn != null)
            .OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        var due = await Due(db).AsNoTracking().Where(m => m.PlanId == planId).OrderBy(m => m.DueDate).ThenBy(m => m.Id).ToListAsync(ct);
        return [.. held, .. due];
    }

    /// <summary>The plan's conferences in date order: the initial (or transfer-in) conference that started it, then its reviews, the one due last.</summary>
    public async Task<List<ChildProtectionConference>> ConferencesAsync(int planId, CancellationToken ct = default)
    {
        var initial = await db.ChildProtectionPlans.Where(p => p.Id == planId).Select(p => (int?)p.InitialConferenceId).FirstOrDefaultAsync(ct);
        var list = await db.Conferences.AsNoTracking().Where(c => c.PlanId == planId || c.Id == initial).ToListAsync(ct);
        return [.. list.OrderBy(c => c.HeldOn ?? c.DueDate).ThenBy(c => c.Id)];
    }

    /// <summary>Every progress entry on the plan's actions, oldest first.</summary>
    public Task<List<ProtectionActionProgress>> ProgressAsync(int planId, CancellationToken ct = default) =>
        db.ProtectionActionProgress.AsNoTracking().Where(p => db.ProtectionActions.Any(a => a.Id == p.ActionId && a.PlanId == planId))
            .OrderBy(p => p.RecordedAtUtc).ThenBy(p => p.Id).ToListAsync(ct);

    /// <summary>The staff of the plan's team who can own an action (it then reaches their My work).</summary>
    public Task<List<ChildInNeedPlanService.Owner>> OwnersAsync(int teamId, CancellationToken ct = default) => ChildInNeedPlanService.OwnersOf(db, teamId, ct);

    // ---- Actions ----

    /// <summary>
    /// Adds actions to the plan in force: each with its text, an owner and a real due date not before the plan's start.
    /// Wholly blank rows are ignored; all or none are added, each on the chronology.
    /// </summary>
    public async Task<ChildProtectionPlan?> AddActionsAsync(Actor actor, Guid personId, int planId, Guid version, IReadOnlyList<ChildInNeedPlanService.ActionInput> actions,
        CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordProtectionPlanWork);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null) return null;
        RefuseIfEnded(plan, "Actions[0].Text", "actions can no longer be added");
        var owners = await OwnersAsync(plan.TeamId, ct);
        var failures = new List<ValidationFailure>();
        var added = new List<ProtectionAction>();
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].IsBlank) continue;
            if (ChildInNeedPlanService.CheckAction(actions[i], $"Actions[{i}].", plan.StartDate, owners, failures) is { } a)
                added.Add(new ProtectionAction { Text = a.Text, OwnerName = a.OwnerName, OwnerUserId = a.OwnerUserId, DueDate = a.DueDate, Status = PlanActionStatus.NotStarted });
        }
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        if (added.Count == 0) throw Refuse.Invalid("Actions[0].Text", "Enter an action: what will be done, by whom and by when");
        var now = Now;
        foreach (var action in added)
        {
            plan.Actions.Add(action);
            ChronologyWriter.Add(db, plan.PersonId, now, now, actor, ChildProtectionChronology.Area, ChildProtectionChronology.Plan,
                $"Child protection plan action added: \"{ContactService.Shorten(action.Text, 200)}\" by {action.OwnerName}, due by {action.DueDate:d MMMM yyyy}",
                link: Link(plan));
        }
        await SaveAsync(actor, plan, $"{added.Count} action(s) added", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Progress on one action between core groups, or marking it done or no longer needed (the text is then the reason).</summary>
    public async Task<ChildProtectionPlan?> RecordProgressAsync(Actor actor, Guid personId, int planId, int actionId, Guid version, PlanActionStatus? status, string? text,
        CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordProtectionPlanWork);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null || plan.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return null;
        RefuseIfEnded(plan, "Status", "progress can no longer be recorded");
        if (!ChildInNeedPlanService.IsOpen(action.Status)) throw Refuse.Invalid("Status", "This action is finished: its progress can no longer change");
        var failures = new List<ValidationFailure>();
        ChildInNeedPlanService.CheckProgress(status, text, "", action, failures);
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        var now = Now;
        Progress(actor, action, status!.Value, text!.Trim(), null, now);
        ChronologyWriter.Add(db, plan.PersonId, now, now, actor, ChildProtectionChronology.Area, ChildProtectionChronology.Plan,
            $"Child protection plan action \"{ContactService.Shorten(action.Text, 200)}\": {ChildInNeedPlanService.Label(status.Value).ToLowerInvariant()}. {ContactService.Shorten(text.Trim())}",
            link: Link(plan));
        await SaveAsync(actor, plan, $"progress on action {actionId}", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Moves an open action's due date, with the reason: an amendment, on the chronology. The new date is a real date, as when it was added.</summary>
    public async Task<ChildProtectionPlan?> ChangeDueDateAsync(Actor actor, Guid personId, int planId, int actionId, Guid version, string? dueDate, string? reason,
        CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordProtectionPlanWork);
        reason = Tidy(reason);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadAsync(actor, personId, planId, version, ct);
        if (plan is null || plan.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return null;
        RefuseIfEnded(plan, "DueDate", "its dates can no longer change");
        if (!ChildInNeedPlanService.IsOpen(action.Status)) throw Refuse.Invalid("DueDate", "This action is finished: its date can no longer change");
        var failures = new List<ValidationFailure>();
        var due = ChildInNeedPlanService.CheckDueDate(dueDate, "DueDate", plan.StartDate, failures);
        if (reason is null) failures.Add(new("Reason", "Enter why the date is changing: the plan's record shows it"));
        else if (reason.Length > 4000) failures.Add(new("Reason", "The reason must be 4,000 characters or fewer"));
        if (due == action.DueDate) failures.Add(new("DueDate", $"The action is already due by {action.DueDate:d MMMM yyyy}: enter the new date"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        var now = Now;
        ChronologyWriter.Add(db, plan.PersonId, now, now, actor, ChildProtectionChronology.Area, ChildProtectionChronology.Plan,
            $"Child protection plan amended: \"{ContactService.Shorten(action.Text, 200)}\" ({action.OwnerName}) now due by {due:d MMMM yyyy}, was {action.DueDate:d MMMM yyyy}: {ContactService.Shorten(reason!)}",
            link: Link(plan));
        action.DueDate = due!.Value;
        await SaveAsync(actor, plan, $"action {actionId} due date changed", ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    // ---- Core groups ----

    /// <summary>
    /// Records the core group that was due as held: its date (not in the future, not before the plan's start or the
    /// last core group), who came, the notes and progress on every open action. The next core group is scheduled from
    /// the day it was held at the council's interval. Refused once the plan has ended.
    /// </summary>
    public async Task<CoreGroupMeeting?> RecordCoreGroupAsync(Actor actor, Guid personId, int planId, int meetingId, Guid version, CoreGroupInput input,
        CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordProtectionPlanWork);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plan = await db.ChildProtectionPlans.Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, ct);
        if (plan is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        var meeting = await db.CoreGroups.FirstOrDefaultAsync(m => m.Id == meetingId && m.PlanId == planId, ct);
        if (meeting is null) return null;
        if (meeting.Version != version)
            throw new ConcurrencyConflictException("Someone else recorded this core group since you opened it. What you typed is still on the page: compare it with theirs before saving again.");
        if (meeting.HeldOn is not null) throw Refuse.Invalid("HeldOn", $"This core group was recorded as held on {meeting.HeldOn:d MMMM yyyy}");
        RefuseIfEnded(plan, "HeldOn", "its core groups are no longer held");

        var failures = new List<ValidationFailure>();
        var lastHeld = await db.CoreGroups.Where(m => m.PlanId == planId && m.HeldOn != null).MaxAsync(m => m.HeldOn, ct);
        if (input.HeldOn is not { } heldOn) failures.Add(new("HeldOn", "Enter the date the core group met"));
        else if (heldOn > Today) failures.Add(new("HeldOn", $"The core group date, {heldOn:d MMMM yyyy}, is in the future: record it once it has met"));
        else if (heldOn < plan.StartDate)
            failures.Add(new("HeldOn", $"The core group date, {heldOn:d MMMM yyyy}, is before the plan started on {plan.StartDate:d MMMM yyyy}"));
        else if (lastHeld is { } last && heldOn < last)
            failures.Add(new("HeldOn", $"The core group date, {heldOn:d MMMM yyyy}, is before the last core group, held on {last:d MMMM yyyy}"));
        ChildInNeedPlanService.Need(input.Attendees, "Attendees", "Enter who came: the family and the professionals of the core group", 4000, failures);
        ChildInNeedPlanService.Need(input.Notes, "Notes", "Enter the notes: what was discussed, what has changed for the child and the child's and family's views", MaxText, failures);
        var open = plan.Actions.Where(a => ChildInNeedPlanService.IsOpen(a.Status)).OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList();
        var progress = input.Progress ?? [];
        for (var i = 0; i < progress.Count; i++)
        {
            var p = progress[i];
            if (open.FirstOrDefault(a => a.Id == p.ActionId) is not { } action)
            {
                failures.Add(new($"Progress[{i}].Status", "This action is not an open action of the plan"));
                continue;
            }
            ChildInNeedPlanService.CheckProgress(p.Status, p.Text, $"Progress[{i}].", action, failures);
        }
        // The core group carries the plan forward: it looks at every open action.
        foreach (var action in open.Where(a => progress.All(p => p.ActionId != a.Id)))
            failures.Add(new("Progress", $"Record progress on \"{ContactService.Shorten(action.Text, 60)}\": the core group looks at every open action"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        var held = input.HeldOn!.Value;
        meeting.HeldOn = held;
        meeting.Attendees = input.Attendees!.Trim();
        meeting.Notes = input.Notes!.Trim();
        meeting.RecordedByName = actor.DisplayName;
        meeting.RecordedAtUtc = now;
        meeting.Version = Guid.NewGuid();
        foreach (var p in progress)
            Progress(actor, open.First(a => a.Id == p.ActionId), p.Status!.Value, p.Text!.Trim(), meeting.Id, now);
        // The plan starts on the day of the conference that decided it; after the first, core groups run from the last held.
        var next = new CoreGroupMeeting { PlanId = plan.Id, PersonId = plan.PersonId, DueDate = dues.NextCoreGroup(plan.StartDate, held), Version = Guid.NewGuid() };
        db.CoreGroups.Add(next);
        var late = held > meeting.DueDate ? $" (due by {meeting.DueDate:d MMMM yyyy})" : "";
        ChronologyWriter.Add(db, plan.PersonId, WorkingDayCalendar.FromUkLocal(held.ToDateTime(new TimeOnly(12, 0))).UtcDateTime, now, actor,
            ChildProtectionChronology.Area, ChildProtectionChronology.CoreGroup,
            $"Core group held on {held:d MMMM yyyy}{late}, with {ContactService.Shorten(meeting.Attendees, 200)}: {ContactService.Shorten(meeting.Notes)}. Next core group due by {next.DueDate:d MMMM yyyy}",
            significant: true, link: $"{Link(plan)}/core-groups/{meeting.Id}");
        await SaveAsync(actor, plan, $"core group {meeting.Id} recorded", ct);
        await tx.CommitAsync(ct);
        return meeting;
    }

    // ---- Rules ----

    private static void RefuseIfEnded(ChildProtectionPlan plan, string field, string what)
    {
        if (plan.EndDate is { } ended) throw Refuse.Invalid(field, $"The plan ended on {ended:d MMMM yyyy}: {what}");
    }

    private void Progress(Actor actor, ProtectionAction action, PlanActionStatus status, string text, int? coreGroupId, DateTime now)
    {
        action.Status = status;
        action.Progress = text;
        db.ProtectionActionProgress.Add(new ProtectionActionProgress
        {
            ActionId = action.Id, CoreGroupId = coreGroupId, Status = status, Text = text, RecordedAtUtc = now, RecordedByName = actor.DisplayName,
        });
    }

    private async Task<ChildProtectionPlan?> LoadAsync(Actor actor, Guid personId, int planId, Guid version, CancellationToken ct)
    {
        var plan = await db.ChildProtectionPlans.Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == planId && p.PersonId == personId, ct);
        if (plan is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        if (plan.Version != version)
            throw new ConcurrencyConflictException("Someone else changed this plan since you opened it. What you typed is still on the page: look at the plan as it is now, then save again.");
        return plan;
    }

    private async Task SaveAsync(Actor actor, ChildProtectionPlan plan, string what, CancellationToken ct)
    {
        plan.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, Now, AccessAction.Changed, plan.PersonId, $"Child protection plan {plan.Id} {what}")], ct);
    }

    private static string Link(ChildProtectionPlan plan) => $"/people/{plan.PersonId}/protection-plans/{plan.Id}";
}
