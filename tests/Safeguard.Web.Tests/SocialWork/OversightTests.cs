using System.Net;
using System.Net.Http.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// Management oversight on both databases: the record and its chronology, actions reaching the owner's My work,
/// a missed action listed for the manager who set it and followed up, supervision's all-or-nothing save, and the
/// refusals (a social worker, another team's manager, dates out of order, "ongoing").
/// </summary>
public abstract class OversightServiceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    private Actor As(string role) => app.Borough.Users[role].Actor;
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    private async Task<T> With<T>(Func<IServiceProvider, Task<T>> work)
    {
        await app.As(Roles.TeamManager);   // skips the PostgreSQL run when there is no server
        using var scope = app.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<ManagementOversight?> Record(Actor actor, Guid child, OversightService.Input input) =>
        With(s => s.GetRequiredService<OversightService>().RecordAsync(actor, child, input));

    private Task<List<WorkItem>> MyWorkOf(string role) => With(async s => (await s.GetRequiredService<MyWork>().ForAsync(As(role))).Items);

    [Fact]
    public async Task AnAction_ReachesItsOwnersMyWork_AndTheRecordIsOnTheChronology()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Tunde", daysAgo: 20);
        var manager = As(Roles.TeamManager);
        var worker = app.Borough.Users[Roles.SocialWorker];

        var o = await Record(manager, child, new(Today.AddDays(-1), "See Tunde alone at school this week", "He has not been seen alone since the referral",
            [new("See Tunde alone at school", worker.Id, Today.AddDays(5)), new(null, null, null)]));

        var action = Assert.Single(o!.Actions);
        Assert.Equal((worker.Id, Today.AddDays(5), Today.AddDays(5), manager.UserId), (action.OwnerId, action.DueDate, action.OriginalDueDate, action.SetById));
        var item = Assert.Single(await MyWorkOf(Roles.SocialWorker), i => i.Link == $"/actions/{action.Id}");
        Assert.Equal(("See Tunde alone at school", $"Set by {manager.DisplayName} in oversight of Tunde Okafor", Timescale.EndOfUkDay(Today.AddDays(5))),
            (item.Title, item.Reason, item.DueAtUtc));
        await using var db = app.OpenDb();
        var entry = await db.Chronology.SingleAsync(e => e.PersonId == child && e.Kind == OversightChronology.Oversight);
        Assert.True(entry.IsSignificant);
        Assert.Equal($"Management oversight by {manager.DisplayName}: See Tunde alone at school this week 1 action set.", entry.Summary);
        Assert.Equal($"/people/{child}/oversight/{o.Id}", entry.Link);
        Assert.Equal(1, await db.AccessLog.CountAsync(e => e.PersonId == child && e.Action == AccessAction.Created && e.UserId == manager.UserId));
    }

    [Fact]
    public async Task AMissedAction_IsListedForTheManagerWhoSetIt_AndAFollowUpMovesTheDateKeepingTheFirst()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Wale", daysAgo: 30);
        var manager = As(Roles.TeamManager);
        var worker = app.Borough.Users[Roles.SocialWorker];
        var o = await Record(manager, child, new(Today.AddDays(-20), "Convene a network meeting", "Three agencies raise the same worry",
            [new("Invite the school and the GP to a network meeting", worker.Id, Today.AddDays(-3))]));
        var action = o!.Actions[0];

        var followUp = Assert.Single(await MyWorkOf(Roles.TeamManager), i => i.Link == $"/actions/{action.Id}");
        Assert.Equal($"Follow up: {worker.Name} has not done Invite the school and the GP to a network meeting for Wale Okafor", followUp.Title);
        Assert.Equal($"You set it in oversight; it was due by {Today.AddDays(-3):d MMMM yyyy}", followUp.Reason);
        Assert.True(followUp.IsOverdue(DateTime.UtcNow));

        var service = (IServiceProvider s) => s.GetRequiredService<OversightService>();
        var past = await Assert.ThrowsAsync<ValidationException>(() => With(s => service(s).FollowUpAsync(manager, action.Id, action.Version, "Chased", Today.AddDays(-1))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => service(s).FollowUpAsync(As(Roles.SocialWorker), action.Id, action.Version, "Me", Today)));
        var moved = await With(s => service(s).FollowUpAsync(manager, action.Id, action.Version, "Worker was off sick; agreed a new date", Today.AddDays(4)));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => service(s).CompleteAsync(As(Roles.SocialWorker), action.Id, action.Version, "Done")));

        Assert.Equal("The new due date cannot be in the past", Assert.Single(past.Errors).ErrorMessage);
        Assert.Equal((Today.AddDays(4), Today.AddDays(-3), 1), (moved!.DueDate, moved.OriginalDueDate, moved.FollowUps));
        Assert.StartsWith("Someone else changed this action", stale.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await MyWorkOf(Roles.TeamManager), i => i.Link == $"/actions/{action.Id}");
        var mine = Assert.Single(await MyWorkOf(Roles.SocialWorker), i => i.Link == $"/actions/{action.Id}");
        Assert.EndsWith($"; followed up, first due {Today.AddDays(-3):d MMMM yyyy}", mine.Reason, StringComparison.Ordinal);

        var done = await With(s => service(s).CompleteAsync(As(Roles.SocialWorker), action.Id, moved.Version, "Meeting held on Monday"));
        Assert.Equal((Today, "Meeting held on Monday", worker.Name), (done!.CompletedOn, done.CompletionNote, done.CompletedByName));
        Assert.DoesNotContain(await MyWorkOf(Roles.SocialWorker), i => i.Link == $"/actions/{action.Id}");
        await using var db = app.OpenDb();
        var kinds = await db.Chronology.Where(e => e.PersonId == child && e.Area == SocialWorkChronology.Area).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([OversightChronology.Oversight, OversightChronology.ActionFollowedUp, OversightChronology.ActionCompleted], kinds);
        Assert.Contains("Worker was off sick; agreed a new date", (await db.Chronology.SingleAsync(e => e.PersonId == child && e.Kind == OversightChronology.ActionFollowedUp)).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_SayWhichFieldIsWrong_AndAnotherTeamsManagerCannotOpenTheChild()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Kemi", daysAgo: 10);
        var (otherTeams, _) = await SocialWorkData.ReferredAsync(app, "Bola", teamId: app.Borough.AssessmentTeamId);
        var manager = As(Roles.TeamManager);
        var worker = app.Borough.Users[Roles.SocialWorker].Id;
        var referral = Today.AddDays(-10);

        var bad = await Assert.ThrowsAsync<ValidationException>(() => Record(manager, child, new(referral.AddDays(-1), " ", null,
            [new("Keep visiting", worker, null), new("Ring mum", "not-a-member", referral.AddDays(-2))])));
        var future = await Assert.ThrowsAsync<ValidationException>(() => Record(manager, child, new(Today.AddDays(1), "A", "B", [])));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Record(As(Roles.SocialWorker), child, new(Today, "A", "B", [])));

        Assert.Equal([
            ("RecordedOn", $"The date of the oversight must be on or after {referral:d MMMM yyyy}, when the child was first referred or open to a team"),
            ("Decision", "Enter your decision or direction"),
            ("Rationale", "Enter why: the reasons for your decision"),
            ("Actions[0].DueDate", "Enter the date action 1 is due by: \"ongoing\" or \"as needed\" is not a date"),
            ("Actions[1].OwnerId", "Choose who will do action 2 from the child's team, or yourself"),
            ("Actions[1].DueDate", $"Action 2 cannot be due before the date of the oversight, {referral.AddDays(-1):d MMMM yyyy}"),
        ], bad.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
        Assert.Equal("The date of the oversight cannot be in the future", Assert.Single(future.Errors).ErrorMessage);
        Assert.Null(await Record(manager, otherTeams, new(Today, "A", "B", [])));
        Assert.NotNull(await Record(As(Roles.ServiceManager), otherTeams, new(Today, "Step up the visits", "Two missed appointments", [])));
        Assert.Equal(Today, await With(s => s.GetRequiredService<OversightService>().LastOversightOnAsync(otherTeams)));
        Assert.Null(await With(s => s.GetRequiredService<OversightService>().LastOversightOnAsync(child)));
        Assert.Throws<ValidationException>(() => OversightService.ParseDueDate("ongoing", "DueDate"));
    }

    [Fact]
    public async Task Supervision_WritesAnOversightForEachChild_OrNothingWhenOneIsWrong()
    {
        var manager = As(Roles.TeamManager);
        var worker = app.Borough.Users[Roles.SocialWorker].Id;
        var (first, _) = await SocialWorkData.ReferredAsync(app, "Ayo", daysAgo: 15);
        var (second, _) = await SocialWorkData.ReferredAsync(app, "Ebun", daysAgo: 15);
        var (notHers, _) = await SocialWorkData.ReferredAsync(app, "Femi", daysAgo: 15, workerId: manager.UserId);
        var service = (IServiceProvider s) => s.GetRequiredService<SupervisionService>();
        var candidates = await With(s => service(s).CandidatesAsync(manager, app.Borough.TeamId, SupervisionKind.Individual, worker));
        Assert.Contains(candidates, c => c.PersonId == first);
        Assert.DoesNotContain(candidates, c => c.PersonId == notHers);

        SupervisionService.Input Input(string? secondRationale, params Guid[] also) => new(SupervisionKind.Individual, Today, worker, null, "Caseload is 19: above the limit",
            [new(first, "Close to early help", "Needs are met by the school", [new("Write the step-down summary", worker, Today.AddDays(10))]),
             new(second, "Continue the plan", secondRationale, []), .. also.Select(id => new SupervisionService.ChildInput(id, "A", "B", []))]);
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => With(s => service(s).RecordAsync(manager, app.Borough.TeamId, Input(null))));
        var wrongChild = await Assert.ThrowsAsync<ValidationException>(() => With(s => service(s).RecordAsync(manager, app.Borough.TeamId, Input("Progress", notHers))));
        await using (var db = app.OpenDb())
            Assert.Equal(0, await db.Oversights.CountAsync(o => o.PersonId == first || o.PersonId == second));
        var saved = await With(s => service(s).RecordAsync(manager, app.Borough.TeamId, Input("Progress at the last review")));
        Assert.Null(await With(s => service(s).RecordAsync(manager, app.Borough.AssessmentTeamId, Input("x"))));

        Assert.Equal(("Children[1].Rationale", "Enter why: the reasons for your decision"), (Assert.Single(invalid.Errors).PropertyName, invalid.Errors.Single().ErrorMessage));
        Assert.Equal(("Children[2].PersonId", "Choose a child the worker holds"), (Assert.Single(wrongChild.Errors).PropertyName, wrongChild.Errors.Single().ErrorMessage));
        await using var after = app.OpenDb();
        var records = await after.Oversights.Include(o => o.Actions).Where(o => o.SupervisionId == saved!.Id).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal([first, second], records.Select(o => o.PersonId));
        Assert.Equal("Write the step-down summary", Assert.Single(records[0].Actions).Text);
        Assert.Equal(2, await after.Chronology.CountAsync(e => (e.PersonId == first || e.PersonId == second) && e.Kind == OversightChronology.Oversight
            && e.Summary.Contains("in supervision with Test Social worker")));
        var view = await With(s => service(s).OpenAsync(As(Roles.SocialWorker), saved!.Id));
        Assert.Equal((2, 0, true), (view!.Children.Count, view.Hidden, view.ShowsNotes));
    }

    [Fact]
    public async Task TheTeamQueries_ListChildrenWithoutOversight_AndOverdueActions()
    {
        var manager = As(Roles.TeamManager);
        var (overseen, _) = await SocialWorkData.ReferredAsync(app, "Lara", daysAgo: 60);
        var (forgotten, _) = await SocialWorkData.ReferredAsync(app, "Musa", daysAgo: 60);
        var o = await Record(manager, overseen, new(Today.AddDays(-2), "Carry on", "Going well",
            [new("Update the chronology", app.Borough.Users[Roles.SocialWorker].Id, Today.AddDays(-1))]));

        var (rows, total) = await With(s => s.GetRequiredService<OversightQueries>().WithoutOversightAsync(As(Roles.ServiceManager), app.Borough.TeamId, Today.AddDays(-42), 500));
        var (overdue, count) = await With(s => s.GetRequiredService<OversightQueries>().OverdueActionsAsync(As(Roles.ServiceManager), app.Borough.TeamId, Today, 500));

        Assert.Contains(rows, r => r.PersonId == forgotten && r.LastOversightOn == null);
        Assert.DoesNotContain(rows, r => r.PersonId == overseen);
        Assert.True(total >= rows.Count);
        Assert.Contains(overdue, a => a.Id == o!.Actions[0].Id && a.ChildName == "Lara Okafor");
        Assert.True(count >= 1);
    }
}

public class OversightServiceOnSqliteTests(SafeguardApp app) : OversightServiceTests<SafeguardApp>(app);

public class OversightServiceOnPostgresTests(SafeguardAppOnPostgres app) : OversightServiceTests<SafeguardAppOnPostgres>(app);

/// <summary>The oversight pages, the action page, supervision's steps, and the API.</summary>
public class OversightPageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    [Fact]
    public async Task TheManager_RecordsOversight_AndTheActionIsOnTheWorkersMyWork()
    {
        var manager = await app.As(Roles.TeamManager);
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Dami", daysAgo: 12);
        var workerId = app.Borough.Users[Roles.SocialWorker].Id;
        var url = $"/people/{child}/oversight/new";

        var missing = await Forms.PostAsync(manager, url, new()
        {
            ["RecordedOn.Day"] = $"{Today.Day}", ["RecordedOn.Month"] = $"{Today.Month}", ["RecordedOn.Year"] = $"{Today.Year}",
            ["Decision"] = "Hold a strategy discussion", ["Rationale"] = "",
            ["Actions[0].Text"] = "Book the strategy discussion", ["Actions[0].OwnerId"] = workerId, ["Actions[0].Due.Day"] = "31", ["Actions[0].Due.Month"] = "2", ["Actions[0].Due.Year"] = "2027",
        });
        var page = await Forms.ParseAsync(missing);
        Assert.Equal(["The date action 1 is due by must be a real date"], Forms.Errors(page));
        Assert.Equal("Book the strategy discussion", page.QuerySelector("textarea[name='Actions[0].Text']")!.TextContent.Trim());

        var due = Today.AddDays(3);
        var done = await Forms.PostAsync(manager, url, new()
        {
            ["RecordedOn.Day"] = $"{Today.Day}", ["RecordedOn.Month"] = $"{Today.Month}", ["RecordedOn.Year"] = $"{Today.Year}",
            ["Decision"] = "Hold a strategy discussion", ["Rationale"] = "New bruising reported by the nursery",
            ["Actions[0].Text"] = "Book the strategy discussion", ["Actions[0].OwnerId"] = workerId,
            ["Actions[0].Due.Day"] = $"{due.Day}", ["Actions[0].Due.Month"] = $"{due.Month}", ["Actions[0].Due.Year"] = $"{due.Year}",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using var db = app.OpenDb();
        var action = await db.OversightActions.SingleAsync(a => a.PersonId == child);
        var myWork = await Forms.GetDocumentAsync(worker, "/");
        Assert.NotNull(myWork.QuerySelector($"a[href='/actions/{action.Id}']"));
        var casePage = await Forms.GetDocumentAsync(manager, $"/people/{child}/case");
        Assert.Contains("Last oversight", casePage.QuerySelector("#oversight")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(casePage.QuerySelector($"a[href='/actions/{action.Id}']"));

        var completed = await Forms.PostAsync(worker, $"/actions/{action.Id}", new() { ["Version"] = action.Version.ToString(), ["Note"] = "Booked for Thursday" },
            handler: "Complete");
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        await db.Entry(action).ReloadAsync();
        Assert.Equal("Booked for Thursday", action.CompletionNote);
    }

    [Fact]
    public async Task ASocialWorker_IsRefused_AndAnotherTeamsManagerGets404()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Sola", daysAgo: 5);
        var (otherTeams, _) = await SocialWorkData.ReferredAsync(app, "Tayo", teamId: app.Borough.AssessmentTeamId);

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/people/{child}/oversight/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/people/{child}/oversight", new { decision = "A", rationale = "B" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/people/{otherTeams}/oversight/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/people/{otherTeams}/oversight")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/people/{otherTeams}/oversight",
            new { recordedOn = Today, decision = "A", rationale = "B" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/teams/{app.Borough.AssessmentTeamId}/supervision/new")).StatusCode);
    }

    [Fact]
    public async Task TheApi_RefusesOngoing_RecordsOversight_AndFollowsUp()
    {
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Kola", daysAgo: 30);
        var workerId = app.Borough.Users[Roles.SocialWorker].Id;

        var ongoing = await manager.PostAsJsonAsync($"/api/people/{child}/oversight", new
        {
            recordedOn = Today, decision = "Visit weekly", rationale = "Mother struggling",
            actions = new[] { new { text = "Visit", ownerId = workerId, dueDate = "ongoing" } },
        });
        var created = await manager.PostAsJsonAsync($"/api/people/{child}/oversight", new
        {
            recordedOn = Today.AddDays(-10), decision = "Visit weekly", rationale = "Mother struggling",
            actions = new[] { new { text = "Visit", ownerId = workerId, dueDate = Today.AddDays(-2).ToString("yyyy-MM-dd") } },
        });
        var dto = await created.Content.ReadFromJsonAsync<Safeguard.Web.Api.OversightApi.OversightDto>();
        var action = dto!.Actions[0];
        var followed = await manager.PostAsJsonAsync($"/api/actions/{action.Id}/follow-up", new { version = action.Version, note = "Chased", dueDate = Today.ToString("yyyy-MM-dd") });
        var stale = await manager.PostAsJsonAsync($"/api/actions/{action.Id}/follow-up", new { version = action.Version, note = "Again", dueDate = Today.ToString("yyyy-MM-dd") });
        var list = await manager.GetFromJsonAsync<List<Safeguard.Web.Api.OversightApi.OversightDto>>($"/api/people/{child}/oversight");

        Assert.Equal(HttpStatusCode.BadRequest, ongoing.StatusCode);
        Assert.Contains("'ongoing' is not a date", await ongoing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var after = Assert.Single(Assert.Single(list!).Actions);
        Assert.Equal((Today, Today.AddDays(-2), 1), (after.DueDate, after.OriginalDueDate, after.FollowUps));
    }

    [Fact]
    public async Task GroupSupervision_InThreeSteps_SavesEachChildsOversight()
    {
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ngozi", daysAgo: 8);
        var url = $"/teams/{app.Borough.TeamId}/supervision/new?kind=group&child={child}&chosen=true";

        var form = await Forms.GetDocumentAsync(manager, url);
        Assert.NotNull(form.QuerySelector($"input[name='Children[0].PersonId'][value='{child}']"));
        var posted = await Forms.PostAsync(manager, url, new()
        {
            ["HeldOn.Day"] = $"{Today.Day}", ["HeldOn.Month"] = $"{Today.Month}", ["HeldOn.Year"] = $"{Today.Year}",
            ["Attendees"] = "The team", ["Notes"] = "Caseloads",
            ["Children[0].PersonId"] = child.ToString(), ["Children[0].Decision"] = "Close the case", ["Children[0].Rationale"] = "Goals met",
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var session = await Forms.GetDocumentAsync(manager, posted.Headers.Location!.OriginalString);
        Assert.Contains("Close the case", session.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
