using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// A child in need plan on both databases: real dates for every action, the manager's decisions with reasons, the
/// first review scheduled and the assessment case becoming a child in need case, reviews scheduling the next, and
/// the refusals (a worker or the author authorising, another team's worker, a stale version).
/// </summary>
public abstract class ChildInNeedPlanServiceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    private Actor As(string role) => app.Borough.Users[role].Actor;
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<T> With<T>(Func<ChildInNeedPlanService, Task<T>> work)
    {
        await app.As(Roles.SocialWorker);   // skips the PostgreSQL run when there is no server
        using var scope = app.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ChildInNeedPlanService>());
    }

    private async Task<ChildInNeedPlan> SubmittedAsync(Guid child, Actor worker, DateOnly start)
    {
        var plan = await With(s => s.StartAsync(worker, child, start, "Tobi is fed and warm"));
        plan = await With(s => s.AddActionsAsync(worker, child, plan!.Id, plan.Version,
            [new("Apply for free school meals", "Mother", null, Iso(start.AddDays(14))), new("Weekly check-in", null, As(Roles.SocialWorker).UserId, Iso(start.AddDays(28)))]));
        return (await With(s => s.SubmitAsync(worker, child, plan!.Id, plan.Version)))!;
    }

    [Fact]
    public async Task AnAuthorisedPlan_SchedulesItsReview3MonthsOn_AndTheAssessmentCaseBecomesChildInNeedWithItsAllocation()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Tobi", daysAgo: 20);
        await SocialWorkData.AssessAsync(app, child);
        var worker = As(Roles.SocialWorker);
        var manager = As(Roles.TeamManager);
        var start = Today.AddDays(-10);
        var submitted = await SubmittedAsync(child, worker, start);
        Assert.Equal(PlanStage.AwaitingAuthorisation, submitted.Stage);

        var returned = await With(s => s.AuthoriseAsync(manager, child, submitted.Id, submitted.Version, false, "Say how school will know"));
        Assert.Equal(PlanStage.Draft, returned!.Stage);
        var again = await With(s => s.SubmitAsync(worker, child, returned.Id, returned.Version));
        var active = await With(s => s.AuthoriseAsync(manager, child, again!.Id, again.Version, true, "Clear actions with dates"));

        Assert.Equal((PlanStage.Active, manager.DisplayName), (active!.Stage, active.AuthorisedByName));
        Assert.NotNull(active.AuthorisedAtUtc);
        var review = Assert.Single(active.Meetings);
        Assert.Equal((MeetingKind.PlanReview, start.AddMonths(3), (DateOnly?)null), (review.Kind, review.DueDate, review.HeldOn));
        await using var db = app.OpenDb();
        var involvements = await db.Involvements.Where(i => i.PersonId == child).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal([(InvolvementKind.Assessment, (DateOnly?)start), (InvolvementKind.ChildInNeed, null)], involvements.Select(i => (i.Kind, i.EndDate)));
        Assert.Equal((app.Borough.TeamId, worker.UserId, start), (involvements[1].TeamId!.Value, involvements[1].WorkerId, involvements[1].StartDate));
        var allocation = await db.Allocations.SingleAsync(a => a.InvolvementId == involvements[1].Id);
        Assert.Equal((worker.UserId, "Continues from the assessment", manager.UserId, (DateTime?)null),
            (allocation.WorkerId, allocation.Reason, allocation.AllocatedById, allocation.ToUtc));
        var decisions = await db.Authorisations.Where(a => a.Subject == AuthorisationSubject.ChildInNeedPlan && a.SubjectId == active.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([(false, "Say how school will know", manager.UserId), (true, "Clear actions with dates", manager.UserId)], decisions.Select(d => (d.Approved, d.Reason, d.ById)));
        var kinds = await db.Chronology.Where(e => e.PersonId == child && e.Area == SocialWorkChronology.Area).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([SocialWorkChronology.AssessmentStarted, SocialWorkChronology.AssessmentSubmitted, SocialWorkChronology.AssessmentAuthorised,
            PlanChronology.Started, PlanChronology.Submitted, PlanChronology.Returned, PlanChronology.Submitted, PlanChronology.Authorised], kinds);
    }

    [Theory]
    [InlineData("ongoing")]
    [InlineData("as needed")]
    [InlineData("TBC")]
    [InlineData("31/02/2026")]
    public async Task AVagueDueDate_IsRefusedBesideTheField_AndNothingIsAdded(string due)
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ola", daysAgo: 5);
        await SocialWorkData.AssessAsync(app, child);
        var worker = As(Roles.SocialWorker);
        var plan = await With(s => s.StartAsync(worker, child, null, null));

        var vague = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.AddActionsAsync(worker, child, plan!.Id, plan.Version,
            [new("Fine action", "Mother", null, Iso(Today.AddDays(5))), new("School to monitor attendance", "School", null, due)])));
        var blank = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.AddActionsAsync(worker, child, plan!.Id, plan.Version,
            [new("School to monitor attendance", "School", null, "  ")])));
        var early = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.AddActionsAsync(worker, child, plan!.Id, plan.Version,
            [new("Too early", "School", null, Iso(Today.AddDays(-1)))])));
        var noOwner = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.AddActionsAsync(worker, child, plan!.Id, plan.Version,
            [new(" ", null, null, Iso(Today))])));

        var failure = Assert.Single(vague.Errors);
        Assert.Equal(("Actions[1].DueDate", $"Enter a real date for this action: '{due.Trim()}' is not a date. Every action needs a date by which it will be done"),
            (failure.PropertyName, failure.ErrorMessage));
        Assert.Equal("Enter the date by which this action will be done. Every action needs a date by which it will be done", Assert.Single(blank.Errors).ErrorMessage);
        Assert.Equal($"The due date must be on or after the plan's start, {Today:d MMMM yyyy}", Assert.Single(early.Errors).ErrorMessage);
        Assert.Equal(["Actions[0].Text", "Actions[0].OwnerName"], noOwner.Errors.Select(e => e.PropertyName));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.PlanActions.CountAsync(a => a.PlanId == plan!.Id));
    }

    [Fact]
    public async Task HoldingAReview_RecordsProgressOnEachAction_AndSchedulesTheNext()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Kemi", daysAgo: 40);
        await SocialWorkData.AssessAsync(app, child);
        var worker = As(Roles.SocialWorker);
        var start = Today.AddDays(-30);
        var submitted = await SubmittedAsync(child, worker, start);
        var active = await With(s => s.AuthoriseAsync(As(Roles.TeamManager), child, submitted.Id, submitted.Version, true, "Good"));
        var review = active!.Meetings.Single();
        var actions = active.Actions.OrderBy(a => a.DueDate).ToList();
        ChildInNeedPlanService.MeetingInput Input(DateOnly held, params ChildInNeedPlanService.ProgressInput[] progress) =>
            new(held, "Mother, Tobi, school nurse", "Meals are in place.", "The plan continues", progress);
        var all = new[] { new ChildInNeedPlanService.ProgressInput(actions[0].Id, PlanActionStatus.Done, "Meals start Monday"),
            new ChildInNeedPlanService.ProgressInput(actions[1].Id, PlanActionStatus.InProgress, "Two visits so far") };

        var future = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.HoldMeetingAsync(worker, child, active.Id, review.Id, review.Version, Input(Today.AddDays(1), all))));
        var beforeStart = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.HoldMeetingAsync(worker, child, active.Id, review.Id, review.Version, Input(start.AddDays(-1), all))));
        var missing = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.HoldMeetingAsync(worker, child, active.Id, review.Id, review.Version, Input(Today, all[0]))));
        var held = await With(s => s.HoldMeetingAsync(worker, child, active.Id, review.Id, review.Version, Input(Today.AddDays(-2), all)));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => s.HoldMeetingAsync(worker, child, active.Id, review.Id, review.Version, Input(Today, all))));

        Assert.Equal("The meeting date cannot be in the future", Assert.Single(future.Errors).ErrorMessage);
        Assert.Equal($"The meeting date must be on or after the plan's start, {start:d MMMM yyyy}", Assert.Single(beforeStart.Errors).ErrorMessage);
        Assert.Equal("Progress", Assert.Single(missing.Errors).PropertyName);
        Assert.Equal(Today.AddDays(-2), held!.HeldOn);
        Assert.StartsWith("Someone else recorded this meeting", stale.Message, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var meetings = await db.ChildInNeedMeetings.Where(m => m.PlanId == active.Id).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([(review.DueDate, (DateOnly?)Today.AddDays(-2)), (Today.AddDays(-2).AddMonths(3), null)], meetings.Select(m => (m.DueDate, m.HeldOn)));
        var progress = await db.PlanActionProgress.Where(p => p.MeetingId == review.Id).OrderBy(p => p.ActionId).ToListAsync();
        Assert.Equal([(actions[0].Id, PlanActionStatus.Done), (actions[1].Id, PlanActionStatus.InProgress)], progress.Select(p => (p.ActionId, p.Status)));
        var stored = await db.PlanActions.Where(a => a.PlanId == active.Id).OrderBy(a => a.DueDate).ToListAsync();
        Assert.Equal([(PlanActionStatus.Done, "Meals start Monday"), (PlanActionStatus.InProgress, "Two visits so far")], stored.Select(a => (a.Status, a.Progress)));

        // Between meetings: progress on one action, and an amendment moving a date, both on the chronology.
        var plan = await With(s => s.OpenAsync(worker, child, active.Id));
        var ended = await With(s => s.RecordProgressAsync(worker, child, plan!.Id, actions[1].Id, plan.Version, PlanActionStatus.NoLongerNeeded, "School now does it"));
        Assert.Equal(PlanActionStatus.NoLongerNeeded, ended!.Actions.Single(a => a.Id == actions[1].Id).Status);
        Assert.Equal(2, await db.PlanActionProgress.CountAsync(p => p.ActionId == actions[1].Id));
        Assert.Equal(2, await db.PlanActions.CountAsync(a => a.PlanId == active.Id));   // nothing deleted
    }

    [Fact]
    public async Task APlan_FollowsAnAssessmentAManagerAuthorisedWithThatOutcome_AndIsRefusedWithTheReasonOtherwise()
    {
        var worker = As(Roles.SocialWorker);
        async Task<string> Refused(Guid child, DateOnly? start = null)
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.StartAsync(worker, child, start, "Fed and warm")));
            var failure = Assert.Single(refused.Errors);
            return $"{failure.PropertyName}: {failure.ErrorMessage}";
        }
        // No assessment yet; one sent to the manager but not authorised; one authorised that concluded early help.
        var (none, _) = await SocialWorkData.ReferredAsync(app, "Ade", daysAgo: 15);
        var (waiting, _) = await SocialWorkData.ReferredAsync(app, "Bola", daysAgo: 15);
        await SocialWorkData.AssessAsync(app, waiting, authorise: false);
        var (earlyHelp, _) = await SocialWorkData.ReferredAsync(app, "Cole", daysAgo: 15);
        var concluded = await SocialWorkData.AssessAsync(app, earlyHelp, AssessmentOutcome.EarlyHelp);
        // Authorised with the outcome "a child in need plan", the assessment begun five days after the referral.
        var (assessed, _) = await SocialWorkData.ReferredAsync(app, "Dayo", daysAgo: 15);
        var assessment = await SocialWorkData.AssessAsync(app, assessed, startOn: Today.AddDays(-10));

        Assert.Equal("PersonId: A child in need plan follows an authorised assessment: no assessment has been started for this referral yet. "
            + "Start the child and family assessment first", await Refused(none));
        Assert.Equal("PersonId: A child in need plan follows an authorised assessment: the assessment for this referral has not been authorised yet. "
            + "A plan can be written once a manager authorises it with the outcome \"a child in need plan\"", await Refused(waiting));
        Assert.Equal("PersonId: A child in need plan follows an assessment whose outcome is \"a child in need plan\": the assessment authorised on "
            + $"{concluded.AuthorisedOn:d MMMM yyyy} concluded \"early help\". Start a new assessment; once a manager authorises it with that outcome, "
            + "the plan can be written", await Refused(earlyHelp));
        Assert.Equal($"StartDate: The plan's start date must be on or after the start of the assessment it follows, {Today.AddDays(-10):d MMMM yyyy}",
            await Refused(assessed, Today.AddDays(-11)));
        var canStart = new List<bool>();
        foreach (var child in new[] { none, waiting, earlyHelp, assessed }) canStart.Add(await With(s => s.CanStartAsync(child)));
        Assert.Equal([false, false, false, true], canStart);

        var plan = await With(s => s.StartAsync(worker, assessed, assessment.StartDate, "Dayo is fed and warm"));
        Assert.Equal((PlanStage.Draft, assessment.StartDate), (plan!.Stage, plan.StartDate));
        var moved = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.SaveAsync(worker, assessed, plan.Id, plan.Version, Today.AddDays(-11), plan.Aims)));
        Assert.Equal("StartDate", Assert.Single(moved.Errors).PropertyName);
        // A new assessment, authorised with the outcome "a child in need plan", overtakes the one that concluded early help.
        await SocialWorkData.AssessAsync(app, earlyHelp);
        Assert.NotNull(await With(s => s.StartAsync(worker, earlyHelp, null, "Cole is fed and warm")));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.ChildInNeedPlans.CountAsync(p => p.PersonId == none || p.PersonId == waiting));
    }

    [Fact]
    public async Task AWorkerCannotAuthorise_NorTheManagerWhoWroteIt_AndAnotherTeamsWorkerCannotOpenIt()
    {
        await app.As(Roles.TeamManager);
        var manager = As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Sade", workerId: manager.UserId);
        await SocialWorkData.AssessAsync(app, child, worker: manager, manager: As(Roles.ServiceManager));
        var (otherTeamsChild, _) = await SocialWorkData.ReferredAsync(app, "Bayo", teamId: app.Borough.AssessmentTeamId);
        var submitted = await SubmittedAsync(child, manager, Today);

        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.AuthoriseAsync(As(Roles.SocialWorker), child, submitted.Id, submitted.Version, true, "Fine")));
        var own = await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.AuthoriseAsync(manager, child, submitted.Id, submitted.Version, true, "Fine")));
        var noReason = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.AuthoriseAsync(As(Roles.ServiceManager), child, submitted.Id, submitted.Version, false, " ")));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => s.AuthoriseAsync(As(Roles.ServiceManager), child, submitted.Id, Guid.NewGuid(), true, "Fine")));
        var byServiceManager = await With(s => s.AuthoriseAsync(As(Roles.ServiceManager), child, submitted.Id, submitted.Version, true, "Fine"));

        Assert.Equal("You cannot authorise a plan you wrote: another manager must.", own.Message);
        Assert.Equal("Enter what needs to change before you can authorise it", Assert.Single(noReason.Errors).ErrorMessage);
        Assert.StartsWith("Someone else changed this plan", stale.Message, StringComparison.Ordinal);
        Assert.Equal(PlanStage.Active, byServiceManager!.Stage);
        Assert.Null(await With(s => s.StartAsync(As(Roles.SocialWorker), otherTeamsChild, null, null)));
        var twice = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.StartAsync(manager, child, null, null)));
        Assert.Equal("The child already has a child in need plan: carry on with it", Assert.Single(twice.Errors).ErrorMessage);
    }
}

public class ChildInNeedPlanServiceOnSqliteTests(SafeguardApp app) : ChildInNeedPlanServiceTests<SafeguardApp>(app);

public class ChildInNeedPlanServiceOnPostgresTests(SafeguardAppOnPostgres app) : ChildInNeedPlanServiceTests<SafeguardAppOnPostgres>(app);

/// <summary>The plan pages, the case page panel, My work and the API.</summary>
public class ChildInNeedPlanPageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheWorker_WritesAPlanOnThePages_AndOngoingOrBlankDatesAreRefusedBesideTheField()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Nneka", daysAgo: 10);
        await SocialWorkData.AssessAsync(app, child);
        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.NotNull(casePage.QuerySelector($"a[href='/people/{child}/plans/new']"));

        var started = await Forms.PostAsync(worker, $"/people/{child}/plans/new",
            new() { ["StartDate.Day"] = N(Today.Day), ["StartDate.Month"] = N(Today.Month), ["StartDate.Year"] = N(Today.Year), ["Aims"] = "Nneka goes to school fed" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var planUrl = started.Headers.Location!.OriginalString;
        var page = await Forms.GetDocumentAsync(worker, planUrl);
        var version = page.QuerySelector("form[action*='AddActions'] input[name=Version]")!.GetAttribute("value")!;

        var ongoing = await Forms.PostAsync(worker, planUrl, new()
        {
            ["Version"] = version, ["Actions[0].Text"] = "School to monitor", ["Actions[0].OwnerName"] = "School", ["Actions[0].Due.Day"] = "ongoing",
            ["Actions[1].Text"] = "Nurse to weigh Nneka", ["Actions[1].OwnerName"] = "School nurse",
        }, handler: "AddActions");
        var shown = await Forms.ParseAsync(ongoing);
        Assert.Equal(HttpStatusCode.OK, ongoing.StatusCode);
        Assert.Equal(["Enter a real date for this action: 'ongoing' is not a date. Every action needs a date by which it will be done",
            "Enter the date by which this action will be done. Every action needs a date by which it will be done"], Forms.Errors(shown));
        Assert.Contains("'ongoing' is not a date", shown.QuerySelector("#Actions_0__Due-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ongoing", shown.QuerySelector("input[name='Actions[0].Due.Day']")!.GetAttribute("value"));
        Assert.Equal("Nurse to weigh Nneka", shown.QuerySelector("textarea[name='Actions[1].Text']")!.TextContent.Trim());

        var due = Today.AddDays(21);
        var saved = await Forms.PostAsync(worker, planUrl, new()
        {
            ["Version"] = version, ["Actions[0].Text"] = "School to monitor", ["Actions[0].OwnerName"] = "School",
            ["Actions[0].Due.Day"] = N(due.Day), ["Actions[0].Due.Month"] = N(due.Month), ["Actions[0].Due.Year"] = N(due.Year),
            ["Actions[1].Text"] = "Weekly visit", ["Actions[1].OwnerUserId"] = app.Borough.Users[Roles.SocialWorker].Id,
            ["Actions[1].Due.Day"] = N(due.Day), ["Actions[1].Due.Month"] = N(due.Month), ["Actions[1].Due.Year"] = N(due.Year),
        }, handler: "AddActions");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await Forms.GetDocumentAsync(worker, planUrl);
        Assert.Equal(2, page.QuerySelectorAll("table.govuk-table")[0].QuerySelectorAll("tbody tr").Length);

        var submitted = await Forms.PostAsync(worker, planUrl, new() { ["Version"] = page.QuerySelector("form[action*='Submit'] input[name=Version]")!.GetAttribute("value")! }, handler: "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        // The manager sees it on My work and authorises it; the worker may not open the authorise page.
        var manager = await app.As(Roles.TeamManager);
        var authoriseUrl = planUrl + "/authorise";
        Assert.NotNull((await Forms.GetDocumentAsync(manager, "/")).QuerySelector($"a[href='{authoriseUrl}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync(authoriseUrl)).StatusCode);
        var noReason = await Forms.PostAsync(manager, authoriseUrl, new() { ["Version"] = "", ["Decision"] = "approve", ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var form = await Forms.GetDocumentAsync(manager, authoriseUrl);
        var approved = await Forms.PostAsync(manager, authoriseUrl,
            new() { ["Version"] = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!, ["Decision"] = "approve", ["Reason"] = "Clear and dated" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        // The worker now has their action and the review on My work, and the case page shows the plan.
        var myWork = await Forms.GetDocumentAsync(worker, "/");
        Assert.NotNull(myWork.QuerySelector($"a[href='{planUrl}']"));
        Assert.NotNull(myWork.QuerySelector($"a[href^='{planUrl}/meetings/']"));
        casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.Contains($"Due by {Today.AddMonths(3):d MMMM yyyy}", casePage.QuerySelector("#plan + dl")!.TextContent, StringComparison.Ordinal);
        Assert.Null(casePage.QuerySelector($"a[href='/people/{child}/plans/new']"));
    }

    [Fact]
    public async Task BeforeTheAssessmentIsAuthorised_TheCasePageSaysWhyInsteadOfTheLink_AndThePageAndApiRefuseBesideTheField()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ebere", daysAgo: 10);
        var sent = await SocialWorkData.AssessAsync(app, child, authorise: false);
        const string why = "A child in need plan follows an authorised assessment: the assessment for this referral has not been authorised yet. "
            + "A plan can be written once a manager authorises it with the outcome \"a child in need plan\"";

        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.Null(casePage.QuerySelector($"a[href='/people/{child}/plans/new']"));
        Assert.Equal(why + ".", casePage.QuerySelector("#plan-why-not")!.TextContent.Trim());
        var newPage = await Forms.GetDocumentAsync(worker, $"/people/{child}/plans/new");
        Assert.Null(newPage.QuerySelector("textarea[name=Aims]"));
        Assert.Contains(why, newPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // A form kept open from before, posted anyway: the page offers none now.
        var posted = await Forms.PostNotOfferedAsync(worker, $"/people/{child}/plans/new",
            new() { ["StartDate.Day"] = N(Today.Day), ["StartDate.Month"] = N(Today.Month), ["StartDate.Year"] = N(Today.Year), ["Aims"] = "Ebere is fed" },
            tokenFrom: $"/people/{child}/case");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal([why], Forms.Errors(await Forms.ParseAsync(posted)));
        var api = await worker.PostAsJsonAsync($"/api/people/{child}/plans", new { aims = "Ebere is fed" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json);
        Assert.Equal([why], problem!.Errors["personId"]);
        await using (var db = app.OpenDb())
            Assert.False(await db.ChildInNeedPlans.AnyAsync(p => p.PersonId == child));

        // Once the manager authorises it with the outcome "a child in need plan", the link is there and the reason gone.
        using (var scope = app.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().AuthoriseAsync(app.Borough.Users[Roles.TeamManager].Actor, sent.Id, sent.Version, true, "Sound");
        casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.NotNull(casePage.QuerySelector($"a[href='/people/{child}/plans/new']"));
        Assert.Null(casePage.QuerySelector("#plan-why-not"));
    }

    [Fact]
    public async Task TheReviewPage_RecordsTheReviewAndProgress()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, plan, action, meeting) = await SocialWorkData.SamplePlan(app);
        var url = $"/people/{child}/plans/{plan}/meetings/{meeting}";
        var page = await Forms.GetDocumentAsync(worker, url);
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["Version"] = version, ["HeldOn.Day"] = N(Today.Day), ["HeldOn.Month"] = N(Today.Month), ["HeldOn.Year"] = N(Today.Year),
            ["Attendees"] = "Pia, mother", ["Minutes"] = "Going well", ["Decision"] = "Continue", ["Progress[0].ActionId"] = N(action), ["Progress[0].Status"] = "InProgress",
        };
        var missing = await Forms.PostAsync(worker, url, fields);
        Assert.Equal(["Enter the progress on \"Help mother apply for free school meals\""], Forms.Errors(await Forms.ParseAsync(missing)));

        fields["Progress[0].Text"] = "Form sent";
        var done = await Forms.PostAsync(worker, url, fields);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var db = app.OpenDb();
        var next = await db.ChildInNeedMeetings.SingleAsync(m => m.PlanId == plan && m.HeldOn == null);
        Assert.Equal(Today.AddMonths(3), next.DueDate);
    }

    [Fact]
    public async Task AnotherTeamsWorker_Gets404_OnThePagesAndTheApi()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Femi", teamId: app.Borough.AssessmentTeamId);
        await SocialWorkData.AssessAsync(app, child, worker: Actor.System("test"), manager: Actor.System("test"));
        ChildInNeedPlan plan;
        using (var scope = app.Factory.Services.CreateScope())
            plan = (await scope.ServiceProvider.GetRequiredService<ChildInNeedPlanService>().StartAsync(Actor.System("test"), child, null, "Aims"))!;

        foreach (var url in new[] { $"/people/{child}/plans/{plan.Id}", $"/people/{child}/plans/new", $"/api/people/{child}/plans/{plan.Id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync(url)).StatusCode);
        var post = await worker.PostAsJsonAsync($"/api/people/{child}/plans/{plan.Id}/submit", new { version = plan.Version });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(Roles.ServiceManager)).GetAsync($"/people/{child}/plans/{plan.Id}")).StatusCode);
    }

    [Fact]
    public async Task TheApi_CreatesAddsSubmitsAuthorisesAndRefusesOngoing()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Chidi", daysAgo: 8);
        await SocialWorkData.AssessAsync(app, child);
        var root = $"/api/people/{child}/plans";

        var created = await (await worker.PostAsJsonAsync(root, new { aims = "Chidi is safe at home" })).Content.ReadFromJsonAsync<Safeguard.Web.Api.PlansApi.PlanDto>(Json);
        var ongoing = await worker.PostAsJsonAsync($"{root}/{created!.Id}/actions", new { version = created.Version, actions = new[] { new { text = "Monitor", ownerName = "School", dueDate = "ongoing" } } });
        var added = await worker.PostAsJsonAsync($"{root}/{created.Id}/actions",
            new { version = created.Version, actions = new[] { new { text = "Monitor", ownerName = "School", dueDate = Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } } });
        var withAction = await added.Content.ReadFromJsonAsync<Safeguard.Web.Api.PlansApi.PlanDto>(Json);
        var submitted = await (await worker.PostAsJsonAsync($"{root}/{created.Id}/submit", new { version = withAction!.Version })).Content.ReadFromJsonAsync<Safeguard.Web.Api.PlansApi.PlanDto>(Json);
        var byWorker = await worker.PostAsJsonAsync($"{root}/{created.Id}/authorisation", new { version = submitted!.Version, approve = true, reason = "Mine" });
        var stale = await manager.PostAsJsonAsync($"{root}/{created.Id}/authorisation", new { version = created.Version, approve = true, reason = "Good" });
        var authorised = await manager.PostAsJsonAsync($"{root}/{created.Id}/authorisation", new { version = submitted.Version, approve = true, reason = "Good" });
        var active = await authorised.Content.ReadFromJsonAsync<Safeguard.Web.Api.PlansApi.PlanDto>(Json);
        var review = active!.Meetings.Single();
        var held = await worker.PostAsJsonAsync($"{root}/{created.Id}/meetings/{review.Id}", new
        {
            version = review.Version, heldOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), attendees = "Chidi, father", minutes = "Fine", decision = "Continue",
            progress = new[] { new { actionId = active.Actions.Single().Id, status = "Done", text = "Done early" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, ongoing.StatusCode);
        Assert.Contains("'ongoing' is not a date", await ongoing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(PlanStage.AwaitingAuthorisation, submitted.Stage);
        Assert.Equal(HttpStatusCode.Forbidden, byWorker.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(PlanStage.Active, active.Stage);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
