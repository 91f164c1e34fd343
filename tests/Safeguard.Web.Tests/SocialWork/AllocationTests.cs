using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.SocialWork;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// Allocating a child's case on both databases: the history of who held it, the manager's reason, the chronology
/// and access log, and the refusals (no reason, a worker of another team, another team's manager, a stale page).
/// </summary>
public abstract class AllocationServiceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    private Actor As(string role) => app.Borough.Users[role].Actor;

    private async Task<T> With<T>(Func<AllocationService, Task<T>> work)
    {
        await app.As(Roles.TeamManager);   // skips the PostgreSQL run when there is no server
        using var scope = app.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AllocationService>());
    }

    [Fact]
    public async Task AllocatingThenReallocating_KeepsWhoHeldTheCaseAndWhy()
    {
        var (child, caseId) = await SocialWorkData.OpenCaseAsync(app, "Tobi");
        var manager = As(Roles.TeamManager);
        var worker = app.Borough.Users[Roles.SocialWorker];

        var first = await With(s => s.AllocateAsync(manager, caseId, null, worker.Id, "Has worked with the school before"));
        var second = await With(s => s.AllocateAsync(manager, caseId, worker.Id, manager.UserId, "Worker on leave: I will hold it"));

        await using var db = app.OpenDb();
        var history = await db.Allocations.Where(a => a.InvolvementId == caseId).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([worker.Id, manager.UserId], history.Select(a => a.WorkerId));
        Assert.Equal(history[1].FromUtc, history[0].ToUtc);
        Assert.Null(history[1].ToUtc);
        Assert.Equal(["Has worked with the school before", "Worker on leave: I will hold it"], history.Select(a => a.Reason));
        Assert.Equal(manager.UserId, (await db.Involvements.SingleAsync(i => i.Id == caseId)).WorkerId);
        var chronology = await db.Chronology.Where(e => e.PersonId == child && e.Kind == SocialWorkChronology.Allocated).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([$"Child and family assessment allocated to {worker.Name} (Child in need team 1): Has worked with the school before",
            $"Child and family assessment reallocated from {worker.Name} to {manager.DisplayName} (Child in need team 1): Worker on leave: I will hold it"],
            chronology.Select(e => e.Summary));
        Assert.Equal(2, await db.AccessLog.CountAsync(e => e.PersonId == child && e.Action == AccessAction.Changed && e.UserId == manager.UserId));
        Assert.NotNull(first);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task ARefusal_SaysWhatToFix_AndChangesNothing()
    {
        var (_, caseId) = await SocialWorkData.OpenCaseAsync(app, "Ade");
        var manager = As(Roles.TeamManager);
        var worker = app.Borough.Users[Roles.SocialWorker].Id;
        var mashWorker = app.Borough.Users[Roles.MashWorker].Id;

        var noReason = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => With(s => s.AllocateAsync(manager, caseId, null, worker, "  ")));
        var notACaseHolder = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => With(s => s.AllocateAsync(manager, caseId, null, mashWorker, "Why not")));
        await With(s => s.AllocateAsync(manager, caseId, null, worker, "Capacity"));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => s.AllocateAsync(manager, caseId, null, manager.UserId, "Opened before the first")));
        var same = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => With(s => s.AllocateAsync(manager, caseId, worker, worker, "Again")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.AllocateAsync(As(Roles.SocialWorker), caseId, worker, worker, "Mine")));

        Assert.Equal("Enter why you are allocating the case to this worker", Assert.Single(noReason.Errors).ErrorMessage);
        Assert.Equal("Choose a worker of Child in need team 1", Assert.Single(notACaseHolder.Errors).ErrorMessage);
        Assert.StartsWith("Someone else allocated this case while you were choosing", stale.Message, StringComparison.Ordinal);
        Assert.Equal("This worker already holds the case: choose another to reallocate it", Assert.Single(same.Errors).ErrorMessage);
        await using var db = app.OpenDb();
        Assert.Equal(worker, (await db.Allocations.SingleAsync(a => a.InvolvementId == caseId)).WorkerId);
    }

    [Fact]
    public async Task AnotherTeamsManager_CannotSeeOrAllocateTheCase_AServiceManagerCan()
    {
        var (_, caseId) = await SocialWorkData.OpenCaseAsync(app, "Ife", app.Borough.AssessmentTeamId);
        var worker = app.Borough.Users[Roles.SocialWorker].Id;

        Assert.Null(await With(s => s.CaseAsync(As(Roles.TeamManager), caseId)));
        Assert.Null(await With(s => s.AllocateAsync(As(Roles.TeamManager), caseId, null, worker, "Not my team")));
        var seen = await With(s => s.CaseAsync(As(Roles.ServiceManager), caseId));
        Assert.Equal("Assessment team 1", seen!.TeamName);
        // The worker must belong to the case's team: the test borough's social worker is in the child in need team.
        var wrongTeam = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => With(s => s.AllocateAsync(As(Roles.ServiceManager), caseId, null, worker, "Cover")));
        Assert.Equal("Choose a worker of Assessment team 1", Assert.Single(wrongTeam.Errors).ErrorMessage);
    }

    [Fact]
    public async Task Candidates_ShowEachWorkersCaseload_WithAWorkerHoldingASiblingFirst()
    {
        var manager = As(Roles.TeamManager);
        var worker = app.Borough.Users[Roles.SocialWorker].Id;
        var (older, olderCase) = await SocialWorkData.OpenCaseAsync(app, "Nneka", last: "Eze");
        var (younger, _) = await SocialWorkData.OpenCaseAsync(app, "Chidi", last: "Eze");
        using (var scope = app.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Core.People.PeopleService>().AddRelationshipAsync(manager, older, younger, Core.People.RelationshipType.SiblingOf, false, null);
        await With(s => s.AllocateAsync(manager, olderCase, null, worker, "Knows the family"));

        var candidates = await With(s => s.CandidatesAsync(app.Borough.TeamId, younger));

        Assert.Equal(worker, candidates[0].Id);
        Assert.True(candidates[0].HoldsASibling);
        await using var db = app.OpenDb();
        var held = await db.Involvements.Where(i => i.WorkerId == worker && i.EndDate == null).Select(i => i.PersonId).Distinct().CountAsync();
        Assert.Equal(held, candidates[0].Children);
        Assert.DoesNotContain(candidates, c => c.Id == app.Borough.Users[Roles.MashWorker].Id);
    }
}

public class AllocationServiceOnSqliteTests(SafeguardApp app) : AllocationServiceTests<SafeguardApp>(app);

public class AllocationServiceOnPostgresTests(SafeguardAppOnPostgres app) : AllocationServiceTests<SafeguardAppOnPostgres>(app);

/// <summary>The allocation page, My work's link to it, and the API and its refusals.</summary>
public class AllocationPageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    [Fact]
    public async Task TheManager_ChoosesAWorkerSeeingCaseloads_AndTheCaseLeavesTheirMyWork()
    {
        var manager = await app.As(Roles.TeamManager);
        var (_, caseId) = await SocialWorkData.OpenCaseAsync(app, "Kemi");
        var myWork = await Forms.GetDocumentAsync(manager, "/");
        Assert.NotNull(myWork.QuerySelector($"a[href='/cases/{caseId}/allocate']"));

        var page = await Forms.GetDocumentAsync(manager, $"/cases/{caseId}/allocate");
        Assert.Equal("Allocate Kemi Okafor's case", page.QuerySelector("h1")!.TextContent.Trim());
        var worker = app.Borough.Users[Roles.SocialWorker];
        var option = page.QuerySelector($"input[name=WorkerId][value='{worker.Id}']")!;
        var hint = page.QuerySelector($"#{option.Id}-item-hint")!.TextContent;
        Assert.Matches(@"^Holds \d+ child(ren)? \(the team's limit is 18 each\)$", hint);

        var missing = await Forms.PostAsync(manager, $"/cases/{caseId}/allocate", new() { ["WorkerId"] = "", ["Reason"] = "" });
        var errors = Forms.Errors(await Forms.ParseAsync(missing));
        Assert.Equal(["Choose the worker who will hold the case", "Enter why you are allocating the case to this worker"], errors);

        var done = await Forms.PostAsync(manager, $"/cases/{caseId}/allocate", new() { ["WorkerId"] = worker.Id, ["Reason"] = "Lowest caseload", ["ExpectedWorkerId"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/teams/{app.Borough.TeamId}", done.Headers.Location!.OriginalString);
        var team = await Forms.GetDocumentAsync(manager, $"/teams/{app.Borough.TeamId}");
        Assert.Contains($"Kemi Okafor's case is allocated to {worker.Name}", team.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        myWork = await Forms.GetDocumentAsync(manager, "/");
        Assert.Null(myWork.QuerySelector($"a[href='/cases/{caseId}/allocate']"));
    }

    [Fact]
    public async Task TwoManagersAtOnce_TheSecondIsToldAndKeepsTheirChoice()
    {
        var manager = await app.As(Roles.TeamManager);
        var (_, caseId) = await SocialWorkData.OpenCaseAsync(app, "Bisi");
        var worker = app.Borough.Users[Roles.SocialWorker].Id;
        using (var scope = app.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AllocationService>().AllocateAsync(app.Borough.Users[Roles.ServiceManager].Actor, caseId, null, worker, "Urgent");

        // The page was opened before the service manager allocated it: ExpectedWorkerId is still empty.
        var late = await Forms.PostAsync(manager, $"/cases/{caseId}/allocate",
            new() { ["WorkerId"] = app.Borough.Users[Roles.TeamManager].Id, ["Reason"] = "Mine now", ["ExpectedWorkerId"] = "" });

        var page = await Forms.ParseAsync(late);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.StartsWith("Someone else allocated this case while you were choosing", Forms.Errors(page)[0], StringComparison.Ordinal);
        Assert.Equal("Mine now", page.QuerySelector("textarea[name=Reason]")!.TextContent.Trim());
        Assert.Equal(worker, page.QuerySelector("input[name=ExpectedWorkerId]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnotherTeamsCase_Is404_ForATeamManager()
    {
        var manager = await app.As(Roles.TeamManager);
        var (_, caseId) = await SocialWorkData.OpenCaseAsync(app, "Femi", app.Borough.AssessmentTeamId);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/cases/{caseId}/allocate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/cases/{caseId}/allocation")).StatusCode);
    }

    [Fact]
    public async Task TheApi_AllocatesAndReportsConflictsAndProblems()
    {
        var manager = await app.As(Roles.TeamManager);
        var (_, caseId) = await SocialWorkData.OpenCaseAsync(app, "Dayo");
        var worker = app.Borough.Users[Roles.SocialWorker].Id;

        var shown = await manager.GetFromJsonAsync<Safeguard.Web.Api.CasesApi.CaseDto>($"/api/cases/{caseId}/allocation");
        var bad = await manager.PostAsJsonAsync($"/api/cases/{caseId}/allocation", new { workerId = worker, reason = "" });
        var ok = await manager.PostAsJsonAsync($"/api/cases/{caseId}/allocation", new { workerId = worker, reason = "Capacity" });
        var stale = await manager.PostAsJsonAsync($"/api/cases/{caseId}/allocation", new { workerId = app.Borough.Users[Roles.TeamManager].Id, reason = "Me" });

        Assert.Equal("Assessment", shown!.Kind);
        Assert.Contains(shown.Candidates, c => c.Id == worker);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Enter why you are allocating the case to this worker", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
