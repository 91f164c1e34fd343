using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// The child protection plan's work on both databases: actions with owners and real dates ("ongoing" refused), progress
/// kept as history, a moved date with its reason, core groups recorded with the next one scheduled and dates out of order
/// refused by name, stale versions detected, and nothing changing (and no core group due) once a review has ended the plan.
/// </summary>
public abstract class ProtectionPlanTests<TApp>(TApp app) : ServiceTests<TApp>(app) where TApp : SafeguardApp
{
    private static ChildProtectionPlanService Plans(IServiceProvider s) => s.GetRequiredService<ChildProtectionPlanService>();

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Actions_NeedOwnersAndRealDates_AndTheirProgressIsKept()
    {
        var (child, plan) = await ChildProtectionData.OnPlanAsync(App, "Abena");
        var worker = As(Roles.SocialWorker);

        // "ongoing" and a date before the plan started are refused beside their rows; the blank row is ignored; nothing is added.
        var refused = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).AddActionsAsync(worker, child, plan.Id, plan.Version,
        [
            new("School monitors attendance", "School", null, "ongoing"),
            new(null, null, null, null),
            new("Health visitor checks weight", "Health visitor", null, Iso(plan.StartDate.AddDays(-1))),
        ])));
        Assert.Equal(
            [("Actions[0].DueDate", "Enter a real date for this action: 'ongoing' is not a date. Every action needs a date by which it will be done"),
             ("Actions[2].DueDate", $"The due date must be on or after the plan's start, {plan.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}")],
            refused.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));

        var added = await With(s => Plans(s).AddActionsAsync(worker, child, plan.Id, plan.Version,
        [
            new("Visit weekly, seeing Abena alone", null, worker.UserId, Iso(Today.AddDays(14))),
            new(" ", null, null, ""),
            new("Keep the house safe and stocked with food", "Mother", null, Iso(Today.AddDays(7))),
        ]));
        Assert.Equal([("Keep the house safe and stocked with food", "Mother", (string?)null), ("Visit weekly, seeing Abena alone", worker.DisplayName, worker.UserId)],
            added!.Actions.OrderBy(a => a.DueDate).Select(a => (a.Text, a.OwnerName, a.OwnerUserId)));

        // The version the page was opened with is now stale.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => Plans(s).AddActionsAsync(worker, child, plan.Id, plan.Version,
            [new("Another", "Mother", null, Iso(Today.AddDays(7)))])));

        var mother = added.Actions.Single(a => a.OwnerName == "Mother");
        var progressed = await With(s => Plans(s).RecordProgressAsync(worker, child, plan.Id, mother.Id, added.Version, PlanActionStatus.InProgress, "Cupboards stocked on my visit"));
        var moved = await With(s => Plans(s).ChangeDueDateAsync(worker, child, plan.Id, mother.Id, progressed!.Version, Iso(Today.AddDays(21)), "Mother was in hospital"));
        var done = await With(s => Plans(s).RecordProgressAsync(worker, child, plan.Id, mother.Id, moved!.Version, PlanActionStatus.Done, "Safe and stocked for three weeks"));
        var finished = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).ChangeDueDateAsync(worker, child, plan.Id, mother.Id, done!.Version, Iso(Today.AddDays(30)), "x")));
        Assert.Equal("This action is finished: its date can no longer change", Assert.Single(finished.Errors).ErrorMessage);

        var read = await With(s => Plans(s).OpenAsync(worker, child, plan.Id));
        var action = read!.Actions.Single(a => a.Id == mother.Id);
        Assert.Equal((Today.AddDays(21), PlanActionStatus.Done, "Safe and stocked for three weeks"), (action.DueDate, action.Status, action.Progress));
        Assert.Equal([PlanActionStatus.InProgress, PlanActionStatus.Done], (await With(s => Plans(s).ProgressAsync(plan.Id))).Select(p => p.Status));
        await using var db = App.OpenDb();
        var entries = await db.Chronology.AsNoTracking().Where(e => e.PersonId == child && e.Kind == ChildProtectionChronology.Plan).Select(e => e.Summary).ToListAsync();
        Assert.Equal(5, entries.Count);   // two added, two progress, one moved
        Assert.Contains(entries, e => e.Contains("now due by", StringComparison.Ordinal) && e.Contains("Mother was in hospital", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACoreGroup_IsRecordedWithProgressOnEveryOpenAction_AndTheNextIsScheduled_DatesOutOfOrderRefusedByName()
    {
        var (child, plan) = await ChildProtectionData.OnPlanAsync(App, "Kojo", conferenceDaysAgo: 20);
        var worker = As(Roles.SocialWorker);
        var dues = App.Factory.Services.GetRequiredService<ChildProtectionDues>();
        plan = (await With(s => Plans(s).AddActionsAsync(worker, child, plan.Id, plan.Version, [new("Attend the parenting course", "Father", null, Iso(Today.AddDays(30)))])))!;
        var first = Assert.Single(await With(s => Plans(s).CoreGroupsAsync(plan.Id)));
        Assert.Equal((dues.NextCoreGroup(plan.StartDate, null), (DateOnly?)null), (first.DueDate, first.HeldOn));
        var actionId = plan.Actions.Single().Id;
        ChildProtectionPlanService.CoreGroupInput Meeting(DateOnly? on, bool progress = true) => new(on, "Father, mother, school, health visitor", "Father has started the course.",
            progress ? [new(actionId, PlanActionStatus.InProgress, "Two sessions attended")] : []);

        string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var future = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).RecordCoreGroupAsync(worker, child, plan.Id, first.Id, first.Version, Meeting(Today.AddDays(1)))));
        Assert.Equal(("HeldOn", $"The core group date, {Day(Today.AddDays(1))}, is in the future: record it once it has met"),
            (Assert.Single(future.Errors).PropertyName, future.Errors.Single().ErrorMessage));
        var early = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).RecordCoreGroupAsync(worker, child, plan.Id, first.Id, first.Version, Meeting(plan.StartDate.AddDays(-1)))));
        Assert.Equal($"The core group date, {Day(plan.StartDate.AddDays(-1))}, is before the plan started on {Day(plan.StartDate)}", Assert.Single(early.Errors).ErrorMessage);
        var noProgress = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).RecordCoreGroupAsync(worker, child, plan.Id, first.Id, first.Version, Meeting(Today, progress: false))));
        Assert.Equal("Progress", Assert.Single(noProgress.Errors).PropertyName);

        var heldOn = Today.AddDays(-5);
        var held = await With(s => Plans(s).RecordCoreGroupAsync(worker, child, plan.Id, first.Id, first.Version, Meeting(heldOn)));
        Assert.Equal(heldOn, held!.HeldOn);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => Plans(s).RecordCoreGroupAsync(worker, child, plan.Id, first.Id, first.Version, Meeting(heldOn))));

        var meetings = await With(s => Plans(s).CoreGroupsAsync(plan.Id));
        Assert.Equal([(first.Id, (DateOnly?)heldOn), (meetings[1].Id, null)], meetings.Select(m => (m.Id, m.HeldOn)));
        Assert.Equal(dues.NextCoreGroup(plan.StartDate, heldOn), meetings[1].DueDate);
        var before = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).RecordCoreGroupAsync(worker, child, plan.Id, meetings[1].Id, meetings[1].Version,
            Meeting(heldOn.AddDays(-1)))));
        Assert.Equal($"The core group date, {Day(heldOn.AddDays(-1))}, is before the last core group, held on {Day(heldOn)}", Assert.Single(before.Errors).ErrorMessage);

        await using var db = App.OpenDb();
        var progress = await db.ProtectionActionProgress.AsNoTracking().SingleAsync(p => p.ActionId == actionId);
        Assert.Equal((first.Id, "Two sessions attended"), (progress.CoreGroupId, progress.Text));
        var entry = await db.Chronology.AsNoTracking().SingleAsync(e => e.PersonId == child && e.Kind == ChildProtectionChronology.CoreGroup);
        Assert.True(entry.IsSignificant);
        Assert.Contains($"Next core group due by {Day(meetings[1].DueDate)}", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenAReviewEndsThePlan_ItsCoreGroupIsNoLongerDue_AndNothingMoreIsRecorded()
    {
        var (child, plan) = await ChildProtectionData.OnPlanAsync(App, "Esi");
        var worker = As(Roles.SocialWorker);
        var chair = As(Roles.ConferenceChair);
        plan = (await With(s => Plans(s).AddActionsAsync(worker, child, plan.Id, plan.Version, [new("Keep the house safe", "Mother", null, Iso(Today.AddDays(7)))])))!;
        var waiting = Assert.Single(await With(s => Plans(s).CoreGroupsAsync(plan.Id)));
        ChildProtectionConference review;
        await using (var db = App.OpenDb())
            review = await db.Conferences.AsNoTracking().SingleAsync(c => c.PlanId == plan.Id && c.HeldOn == null);
        await With(s => s.GetRequiredService<ConferenceService>().HoldAsync(chair, review.Id, review.Version,
            ChildProtectionData.Holding(Today, ConferenceDecision.EndPlan, category: null, working: true, end: PlanEndReason.NoLongerAtRisk)));

        // The meeting stays on the record, but is not due: not in the plan's list nor among the core groups due.
        await using (var db = App.OpenDb())
        {
            Assert.NotNull(await db.CoreGroups.AsNoTracking().SingleOrDefaultAsync(m => m.Id == waiting.Id && m.HeldOn == null));
            Assert.False(await ChildProtectionPlanService.Due(db).AnyAsync(m => m.PlanId == plan.Id));
        }
        Assert.Empty(await With(s => Plans(s).CoreGroupsAsync(plan.Id)));
        var ended = await With(s => Plans(s).OpenAsync(worker, child, plan.Id));
        Assert.Equal(Today, ended!.EndDate);
        var endedOn = Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

        var coreGroup = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).RecordCoreGroupAsync(worker, child, plan.Id, waiting.Id, waiting.Version,
            new(Today, "Mother", "Notes", [new(plan.Actions.Single().Id, PlanActionStatus.Done, "Done")]))));
        Assert.Equal(("HeldOn", $"The plan ended on {endedOn}: its core groups are no longer held"), (coreGroup.Errors.Single().PropertyName, coreGroup.Errors.Single().ErrorMessage));
        var action = await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).AddActionsAsync(worker, child, plan.Id, ended.Version,
            [new("Another", "Mother", null, Iso(Today.AddDays(7)))])));
        Assert.Equal($"The plan ended on {endedOn}: actions can no longer be added", action.Errors.Single().ErrorMessage);
        await Assert.ThrowsAsync<ValidationException>(() => With(s => Plans(s).RecordProgressAsync(worker, child, plan.Id, plan.Actions.Single().Id, ended.Version,
            PlanActionStatus.Done, "Done")));

        // The plan's conferences: the initial one that started it and the review that ended it, in date order.
        var conferences = await With(s => Plans(s).ConferencesAsync(plan.Id));
        Assert.Equal([(ConferenceKind.Initial, (DateOnly?)plan.StartDate), (ConferenceKind.Review, Today)], conferences.Select(c => (c.Kind, c.HeldOn)));
        var plans = await With(s => Plans(s).ForChildAsync(worker, child));
        Assert.Equal([plan.Id], plans!.Select(p => p.Id));
    }

    [Fact]
    public async Task AChairReadsThePlan_ButOnlyTheChildsTeamWorksOnIt_AndAPartnerSeesNothing()
    {
        var (child, plan) = await ChildProtectionData.OnPlanAsync(App, "Yaa");
        var chair = As(Roles.ConferenceChair);
        await using (var db = App.OpenDb())
        {
            // The chair is in another team, as chairs are: they still review the plan.
            var user = await db.Users.SingleAsync(u => u.Id == chair.UserId);
            user.TeamId = null;
            await db.SaveChangesAsync();
        }
        try
        {
            Assert.NotNull(await With(s => Plans(s).OpenAsync(chair, child, plan.Id)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => Plans(s).AddActionsAsync(chair, child, plan.Id, plan.Version,
                [new("x", "Mother", null, Iso(Today))])));
            await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => Plans(s).OpenAsync(As(Roles.PartnerAgencyUser), child, plan.Id)));
            // A worker of another team cannot open the child's plan at all.
            Assert.Null(await With(s => Plans(s).ForChildAsync(As(Roles.EarlyHelpWorker) with { UserId = "nobody" }, child)));
        }
        finally
        {
            await using var db = App.OpenDb();
            var user = await db.Users.SingleAsync(u => u.Id == chair.UserId);
            user.TeamId = App.Borough.TeamId;
            await db.SaveChangesAsync();
        }
    }
}

public class ProtectionPlanOnSqliteTests(SafeguardApp app) : ProtectionPlanTests<SafeguardApp>(app);

public class ProtectionPlanOnPostgresTests(SafeguardAppOnPostgres app) : ProtectionPlanTests<SafeguardAppOnPostgres>(app);
