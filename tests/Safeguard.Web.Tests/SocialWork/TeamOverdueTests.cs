using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// What is late in a team, on both databases: a late assessment, a late visit, an overdue review and plan action, an
/// overdue oversight action, and a child without oversight each appear in the team's lists and in the service
/// manager's counts; another team's late work does not; and who may look.
/// </summary>
public abstract class TeamOverdueTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
    private Actor As(string role) => app.Borough.Users[role].Actor;

    private async Task<T> With<T>(Func<IServiceProvider, Task<T>> work)
    {
        await app.As(Roles.ServiceManager);   // skips the PostgreSQL run when there is no server
        using var scope = app.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task EachKindOfLateWork_IsListedForItsTeam_AndCountedForTheServiceManager()
    {
        // An assessment 70 days after the referral: past its 45 working days.
        var (lateChild, _) = await SocialWorkData.ReferredAsync(app, "Lola", daysAgo: 70);
        var assessment = await With(sp => sp.GetRequiredService<AssessmentService>().StartAsync(Actor.System("test"), lateChild, Today.AddDays(-60)));
        // A child in need since 40 days ago, never visited: the 4-week visit is late.
        var (unvisited, _) = await SocialWorkData.OpenCaseAsync(app, "Vic", kind: InvolvementKind.ChildInNeed);
        await using (var db = app.OpenDb())
        {
            var i = await db.Involvements.SingleAsync(x => x.PersonId == unvisited);
            i.StartDate = Today.AddDays(-40);
            await db.SaveChangesAsync();
        }
        // A plan whose review and action have passed their dates, and an oversight action past its date.
        var (planChild, planId, actionId, meetingId) = await SocialWorkData.SamplePlan(app);
        var oversight = await With(sp => sp.GetRequiredService<OversightService>().RecordAsync(As(Roles.TeamManager), unvisited,
            new(Today, "Visit this week", "Not seen since the case opened", [new("Visit Vic at home", app.Borough.Users[Roles.SocialWorker].Id, Today.AddDays(3))])));
        await using (var db = app.OpenDb())
        {
            (await db.ChildInNeedMeetings.SingleAsync(m => m.Id == meetingId)).DueDate = Today.AddDays(-2);
            (await db.PlanActions.SingleAsync(a => a.Id == actionId)).DueDate = Today.AddDays(-3);
            (await db.OversightActions.SingleAsync(a => a.OversightId == oversight!.Id)).DueDate = Today.AddDays(-1);
            await db.SaveChangesAsync();
        }
        // Another team's late assessment stays in that team.
        var (otherTeams, _) = await SocialWorkData.ReferredAsync(app, "Odo", daysAgo: 70, teamId: app.Borough.AssessmentTeamId);
        await With(sp => sp.GetRequiredService<AssessmentService>().StartAsync(Actor.System("test"), otherTeams, Today.AddDays(-60)));

        var detail = await With(sp => sp.GetRequiredService<TeamOverdue>().TeamAsync(As(Roles.TeamManager), app.Borough.TeamId, Today));
        var counts = await With(sp => sp.GetRequiredService<TeamOverdue>().TeamsAsync(As(Roles.ServiceManager), Today));

        Assert.Contains(detail!.Assessments, a => a.Id == assessment!.Id && !a.ChildSeen);
        Assert.DoesNotContain(detail.Assessments, a => a.PersonId == otherTeams);
        Assert.Contains(detail.Visits, v => v.PersonId == unvisited && v.DueOn == Today.AddDays(-40 + 28));
        Assert.Contains(detail.Reviews, r => r.MeetingId == meetingId && r.PersonId == planChild);
        Assert.Contains(detail.PlanActions, a => a.ActionId == actionId);
        Assert.Contains(detail.OversightActions, a => a.PersonId == unvisited && a.Text == "Visit Vic at home");
        Assert.Contains(detail.WithoutOversight, w => w.PersonId == lateChild && w.LastOversightOn is null);
        Assert.DoesNotContain(detail.WithoutOversight, w => w.PersonId == unvisited);

        var team = counts.Single(c => c.TeamId == app.Borough.TeamId);
        Assert.Equal((detail.Counts.LateAssessments, detail.Counts.LateVisits, detail.Counts.OverdueReviews, detail.Counts.OverduePlanActions,
            detail.Counts.OverdueOversightActions, detail.Counts.WithoutOversight),
            (team.LateAssessments, team.LateVisits, team.OverdueReviews, team.OverduePlanActions, team.OverdueOversightActions, team.WithoutOversight));
        Assert.True(counts.Single(c => c.TeamId == app.Borough.AssessmentTeamId).LateAssessments >= 1);
    }

    [Fact]
    public async Task OnlyServiceManagersSeeEveryTeam_ATeamManagerSeesTheirOwn()
    {
        var overdue = (Func<Actor, int, Task<TeamOverdue.Detail?>>)((actor, team) => With(sp => sp.GetRequiredService<TeamOverdue>().TeamAsync(actor, team, Today)));

        Assert.NotNull(await overdue(As(Roles.TeamManager), app.Borough.TeamId));
        Assert.Null(await overdue(As(Roles.TeamManager), app.Borough.AssessmentTeamId));
        Assert.NotNull(await overdue(As(Roles.ServiceManager), app.Borough.AssessmentTeamId));
        Assert.Null(await overdue(As(Roles.SocialWorker), app.Borough.TeamId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(sp => sp.GetRequiredService<TeamOverdue>().TeamsAsync(As(Roles.TeamManager), Today)));
    }
}

public class TeamOverdueOnSqliteTests(SafeguardApp app) : TeamOverdueTests<SafeguardApp>(app)
{
    [Fact]
    public async Task ThePages_ShowTheCountsAndTheChildren_AndRefuseAnotherTeamsManager()
    {
        var serviceManager = await app.As(Roles.ServiceManager);
        var teamManager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Pele", daysAgo: 70);
        using (var scope = app.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().StartAsync(Actor.System("test"), child, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-60));

        var overview = await Forms.GetDocumentAsync(serviceManager, "/social-work");
        var row = overview.QuerySelectorAll("[data-testid=overview] tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/teams/{app.Borough.TeamId}/overdue");
        Assert.NotEqual("0", row.QuerySelectorAll("td")[1].TextContent.Trim());
        var team = await Forms.GetDocumentAsync(teamManager, $"/teams/{app.Borough.TeamId}/overdue");
        Assert.Contains(team.QuerySelectorAll("#assessments + table a"), a => a.TextContent == "Pele Okafor");
        Assert.Equal(HttpStatusCode.Forbidden, (await teamManager.GetAsync($"/teams/{app.Borough.AssessmentTeamId}/overdue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teamManager.GetAsync("/social-work")).StatusCode);
        var caseloads = await Forms.GetDocumentAsync(teamManager, $"/teams/{app.Borough.TeamId}");
        Assert.NotNull(caseloads.QuerySelector($"a[href='/teams/{app.Borough.TeamId}/overdue']"));
    }
}

public class TeamOverdueOnPostgresTests(SafeguardAppOnPostgres app) : TeamOverdueTests<SafeguardAppOnPostgres>(app);
