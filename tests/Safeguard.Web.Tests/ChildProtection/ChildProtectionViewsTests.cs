using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Core.Work;
using Safeguard.Web.Tests.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// Seeing the child protection work, on both databases: the service manager's overview counts each team's
/// conferences, core groups and visits late and due, and its flagged plans, leaving out ended plans and hidden records;
/// a team's lists; and My work for the social worker, the team manager, the chair and a partner asked for a report.
/// The records are written directly: these are views of them, and the services that write them are tested apart.
/// </summary>
public abstract class ChildProtectionViewsTests<TApp>(TApp app) : ServiceTests<TApp>(app) where TApp : SafeguardApp
{
    /// <summary>A new team of its own, so its counts are exactly what the test put there.</summary>
    protected async Task<int> NewTeamAsync(string name)
    {
        await App.As(Roles.ServiceManager);   // skips the PostgreSQL run when there is no server
        await using var db = App.OpenDb();
        var team = new Team { Name = name, Kind = TeamKind.ChildProtection };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    /// <summary>A child open to the team (as a child protection case unless said) since <paramref name="since"/>, held by <paramref name="workerId"/>.</summary>
    protected async Task<Guid> ChildAsync(string first, int teamId, DateOnly since, string? workerId = null, InvolvementKind kind = InvolvementKind.ChildProtection)
    {
        var (child, caseId) = await SocialWorkData.OpenCaseAsync(App, first, teamId, kind);
        await using var db = App.OpenDb();
        var open = await db.Involvements.SingleAsync(i => i.Id == caseId);
        open.StartDate = since;   // the next visit due is worked out again as this saves
        open.WorkerId = workerId;
        await db.SaveChangesAsync();
        return child;
    }

    protected static async Task<ChildProtectionConference> ConferenceAsync(Core.Data.SafeguardDbContext db, Guid child, int teamId, ConferenceKind kind, DateOnly due,
        int? planId = null, string? chairId = null, DateOnly? heldOn = null)
    {
        var conference = new ChildProtectionConference
        {
            PersonId = child, Kind = kind, TeamId = teamId, DueDate = due, PlanId = planId, ChairId = chairId, ChairName = chairId is null ? null : "Test Conference chair / IRO",
            ScheduledForUtc = chairId is null ? null : DateTime.UtcNow.AddDays(1), HeldOn = heldOn, Decision = heldOn is null ? null : ConferenceDecision.Plan,
            Category = heldOn is null ? null : "NEG", CreatedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
        };
        db.Conferences.Add(conference);
        await db.SaveChangesAsync();
        return conference;
    }

    /// <summary>A plan (and the initial conference that started it) with its next core group due on <paramref name="coreGroupDue"/>.</summary>
    protected static async Task<ChildProtectionPlan> PlanAsync(Core.Data.SafeguardDbContext db, Guid child, int teamId, DateOnly start, DateOnly coreGroupDue,
        int previous = 0, DateOnly? previousEnded = null, DateOnly? ended = null)
    {
        var initial = await ConferenceAsync(db, child, teamId, ConferenceKind.Initial, start, heldOn: start);
        var plan = new ChildProtectionPlan
        {
            PersonId = child, TeamId = teamId, InitialConferenceId = initial.Id, StartDate = start, EndDate = ended, EndReason = ended is null ? null : PlanEndReason.NoLongerAtRisk,
            InitialCategory = "NEG", LatestCategory = "NEG", PreviousPlans = previous, PreviousPlanEnded = previousEnded, CreatedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
        };
        db.ChildProtectionPlans.Add(plan);
        await db.SaveChangesAsync();
        db.CoreGroups.Add(new CoreGroupMeeting { PlanId = plan.Id, PersonId = child, DueDate = coreGroupDue, Version = Guid.NewGuid() });
        await db.SaveChangesAsync();
        return plan;
    }

    [Fact]
    public async Task TheOverview_CountsEachTeamsWorkOutOfTime_LeavingOutEndedPlansAndHiddenRecords()
    {
        var teamId = await NewTeamAsync($"Child protection team {Guid.NewGuid():N}");
        var overview = (Func<Actor, Task<ChildProtectionOverview.Borough>>)(actor => With(s => s.GetRequiredService<ChildProtectionOverview>().BoroughAsync(actor, Today)));
        var dueBy = (await overview(As(Roles.ServiceManager))).DueBy;

        // Initial conferences: one late, one due this week, one due later (not counted).
        var lateInitial = await ChildAsync("Abena", teamId, Today.AddDays(-20), kind: InvolvementKind.Assessment);
        var dueInitial = await ChildAsync("Kofi", teamId, Today.AddDays(-5), kind: InvolvementKind.Assessment);
        var laterInitial = await ChildAsync("Esi", teamId, Today.AddDays(-1), kind: InvolvementKind.Assessment);
        // On plans: a repeat plan within two years running 20 months, its core group, review and visit late; a plan over two
        // years with its core group due this week; a plan that ended into child in need, its core group and review never held (not counted).
        var repeat = await ChildAsync("Yaa", teamId, Today.AddDays(-30));
        var longest = await ChildAsync("Akua", teamId, Today);
        var ended = await ChildAsync("Adjoa", teamId, Today.AddDays(-40), kind: InvolvementKind.ChildInNeed);
        ChildProtectionPlan repeatPlan, longestPlan, endedPlan;
        await using (var db = App.OpenDb())
        {
            await ConferenceAsync(db, lateInitial, teamId, ConferenceKind.Initial, Today.AddDays(-2));
            await ConferenceAsync(db, dueInitial, teamId, ConferenceKind.TransferIn, dueBy);
            await ConferenceAsync(db, laterInitial, teamId, ConferenceKind.Initial, dueBy.AddDays(1));
            repeatPlan = await PlanAsync(db, repeat, teamId, Today.AddMonths(-20), Today.AddDays(-3), previous: 1, previousEnded: Today.AddMonths(-30));
            await ConferenceAsync(db, repeat, teamId, ConferenceKind.Review, Today.AddDays(-1), repeatPlan.Id, As(Roles.ConferenceChair).UserId);
            longestPlan = await PlanAsync(db, longest, teamId, Today.AddMonths(-25), Today.AddDays(1));
            await ConferenceAsync(db, longest, teamId, ConferenceKind.Review, Today.AddDays(60), longestPlan.Id);
            endedPlan = await PlanAsync(db, ended, teamId, Today.AddMonths(-26), Today.AddDays(-20), previous: 2, previousEnded: Today.AddMonths(-30), ended: Today.AddDays(-10));
            await ConferenceAsync(db, ended, teamId, ConferenceKind.Review, Today.AddDays(-5), endedPlan.Id);
            // A restricted child the service manager may not see: none of theirs counts.
            await ConferenceAsync(db, App.Borough.Restricted, teamId, ConferenceKind.Initial, Today.AddDays(-1));
            var hidden = await PlanAsync(db, App.Borough.Restricted, teamId, Today.AddMonths(-24), Today.AddDays(-4), previous: 1, previousEnded: Today.AddMonths(-25));
            await ConferenceAsync(db, App.Borough.Restricted, teamId, ConferenceKind.Review, Today.AddDays(-6), hidden.Id);
        }

        var borough = await overview(As(Roles.ServiceManager));

        var team = Assert.Single(borough.Teams, t => t.TeamId == teamId);
        Assert.Equal(2, team.OnPlans);
        Assert.Equal(new ChildProtectionOverview.LateAndDue(1, 1), team.InitialConferences);
        Assert.Equal(new ChildProtectionOverview.LateAndDue(1, 0), team.Reviews);
        Assert.Equal(new ChildProtectionOverview.LateAndDue(1, 1), team.CoreGroups);
        Assert.Equal(new ChildProtectionOverview.LateAndDue(1, 0), team.Visits);
        var flagged = borough.Flagged.Where(p => p.TeamId == teamId).ToList();
        Assert.Equal([longestPlan.Id, repeatPlan.Id], flagged.Select(p => p.PlanId));
        Assert.Equal(new ChildProtectionDues.Flags(Repeat: true, WithinTwoYears: true, LongRunning: true, OverTwoYears: false), flagged[1].Flags);
        Assert.Equal(new ChildProtectionDues.Flags(Repeat: false, WithinTwoYears: false, LongRunning: true, OverTwoYears: true), flagged[0].Flags);

        // The team's own lists agree with its counts; its manager may look only at their own team.
        var detail = await With(s => s.GetRequiredService<ChildProtectionOverview>().TeamAsync(As(Roles.ServiceManager), teamId, Today));
        Assert.Equal(team, detail!.Counts);
        Assert.Equal([lateInitial, repeat, dueInitial], detail.Conferences.Select(c => c.PersonId));
        Assert.Equal([repeat, longest], detail.CoreGroups.Select(c => c.PersonId));
        Assert.Equal([repeat], detail.Visits.Select(v => v.PersonId));
        Assert.Null(await With(s => s.GetRequiredService<ChildProtectionOverview>().TeamAsync(As(Roles.TeamManager), teamId, Today)));
        Assert.NotNull(await With(s => s.GetRequiredService<ChildProtectionOverview>().TeamAsync(As(Roles.TeamManager), App.Borough.TeamId, Today)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => overview(As(Roles.TeamManager)));
    }

    [Fact]
    public async Task MyWork_GivesTheWorkerTheManagerAndTheChairTheirChildProtectionWork()
    {
        var team = App.Borough.TeamId;
        var worker = As(Roles.SocialWorker);
        var chair = As(Roles.ConferenceChair);
        var seen = await ChildAsync("Afia", team, Today.AddDays(-3), worker.UserId);
        var toConference = await ChildAsync("Nana", team, Today.AddDays(-20), worker.UserId);
        var onPlan = await ChildAsync("Kwesi", team, Today.AddDays(-5), worker.UserId);
        var planEnded = await ChildAsync("Ekua", team, Today.AddDays(-5), worker.UserId);
        int enquiryId, conferenceId, reviewId, memberId, hiddenId;
        ChildProtectionPlan plan, endedPlan;
        await using (var db = App.OpenDb())
        {
            var enquiry = new Section47Enquiry
            {
                PersonId = seen, TeamId = team, StartDate = Today.AddDays(-3), ConferenceDueDate = Today.AddDays(18), ConferenceTargetDate = Today.AddDays(18),
                WorkerId = worker.UserId, WorkerName = worker.DisplayName, CreatedAtUtc = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            db.Section47Enquiries.Add(enquiry);
            await db.SaveChangesAsync();
            enquiryId = enquiry.Id;
            var conference = await ConferenceAsync(db, toConference, team, ConferenceKind.Initial, Today.AddDays(-1));
            conferenceId = conference.Id;
            var member = new ConferenceMember { ConferenceId = conference.Id, Role = ProfessionalRole.Police, Name = "DC Khan", UserId = App.Borough.Users[Roles.PartnerAgencyUser].Id, ReportRequested = true };
            db.ConferenceMembers.Add(member);
            plan = await PlanAsync(db, onPlan, team, Today.AddMonths(-19), Today.AddDays(-2), previous: 1, previousEnded: Today.AddMonths(-45));
            reviewId = (await ConferenceAsync(db, onPlan, team, ConferenceKind.Review, Today.AddDays(10), plan.Id, chair.UserId)).Id;
            db.ProtectionActions.Add(new ProtectionAction { PlanId = plan.Id, Text = "Refer mother to the drug and alcohol service", OwnerName = worker.DisplayName, OwnerUserId = worker.UserId, DueDate = Today.AddDays(-4), Status = PlanActionStatus.NotStarted });
            // A restricted child's conference: not for a chair who may not see the child.
            hiddenId = (await ConferenceAsync(db, App.Borough.Restricted, team, ConferenceKind.Initial, Today.AddDays(-3))).Id;
            endedPlan = await PlanAsync(db, planEnded, team, Today.AddMonths(-8), Today.AddDays(-2), ended: Today.AddDays(-1));
            db.ProtectionActions.Add(new ProtectionAction { PlanId = endedPlan.Id, Text = "An action of a plan that ended", OwnerName = worker.DisplayName, OwnerUserId = worker.UserId, DueDate = Today.AddDays(-4), Status = PlanActionStatus.NotStarted });
            await db.SaveChangesAsync();
            memberId = member.Id;
        }
        var myWork = (Func<Actor, Task<MyWork.Result>>)(actor => With(s => s.GetRequiredService<MyWork>().ForAsync(actor)));
        var planLink = $"/people/{onPlan}/protection-plans/{plan.Id}";
        var endedLink = $"/people/{planEnded}/protection-plans/{endedPlan.Id}";

        var mine = (await myWork(worker)).Items;
        Assert.Contains(mine, i => i.Kind == "Section 47" && i.Title == "See Afia Okafor for the section 47 enquiry" && i.Link == $"/people/{seen}/section-47/{enquiryId}");
        Assert.Contains(mine, i => i.Kind == "Conference" && i.Link == $"/conferences/{conferenceId}" && i.Reason.StartsWith("You hold the case", StringComparison.Ordinal));
        Assert.Contains(mine, i => i.Kind == "Core group" && i.Link == planLink && i.IsOverdue(DateTime.UtcNow));
        Assert.Contains(mine, i => i.Kind == "Plan action" && i.Title == "Refer mother to the drug and alcohol service" && i.Link == planLink);
        Assert.DoesNotContain(mine, i => i.Link == endedLink);
        Assert.DoesNotContain(mine, i => i.Kind == "Flagged plan" || i.Title.StartsWith("Arrange", StringComparison.Ordinal));

        var manager = (await myWork(As(Roles.TeamManager))).Items;
        Assert.Contains(manager, i => i.Kind == "Section 47" && i.Reason.StartsWith($"{worker.DisplayName}'s section 47 enquiry", StringComparison.Ordinal));
        Assert.Contains(manager, i => i.Kind == "Core group" && i.Link == planLink && i.Reason.Contains("late", StringComparison.Ordinal));
        Assert.Contains(manager, i => i.Kind == "Plan action" && i.Link == planLink && i.Reason.StartsWith(worker.DisplayName, StringComparison.Ordinal));
        var flag = Assert.Single(manager, i => i.Kind == "Flagged plan" && i.Link == planLink);
        Assert.Contains("repeat plan (1 before)", flag.Title, StringComparison.Ordinal);
        Assert.Contains("running 18 months or more", flag.Title, StringComparison.Ordinal);
        Assert.DoesNotContain(manager, i => i.Link == endedLink);

        var chairs = await myWork(chair);
        Assert.Contains(chairs.Items, i => i.Title == "Arrange the initial child protection conference for Nana Okafor" && i.Reason.StartsWith("No chair yet", StringComparison.Ordinal));
        Assert.Contains(chairs.Items, i => i.Title == "Hold the review conference for Kwesi Okafor" && i.Link == $"/conferences/{reviewId}");
        Assert.Contains(chairs.Items, i => i.Kind == "Flagged plan" && i.Link == planLink && i.Reason.StartsWith("You chair the plan's reviews", StringComparison.Ordinal));
        var queue = Assert.Single(chairs.Queues, q => q.Link == "/conferences");
        Assert.True(queue.Count >= 2 && queue.Overdue >= 1);
        Assert.DoesNotContain(chairs.Items, i => i.Kind is "Section 47" or "Core group");
        Assert.DoesNotContain(chairs.Items, i => i.Link == $"/conferences/{hiddenId}");

        // The partner asked for a report reaches it from their own view, and sees nothing else of child protection.
        var partner = (await myWork(As(Roles.PartnerAgencyUser))).Items;
        var report = Assert.Single(partner, i => i.Kind == "Conference report");
        Assert.Equal($"/partner/conference-reports/{memberId}", report.Link);
        Assert.Equal("Write your report for Nana Okafor's initial child protection conference", report.Title);
        Assert.DoesNotContain(partner, i => i.Kind is "Conference" or "Flagged plan" or "Core group");
    }
}

public class ChildProtectionViewsOnSqliteTests(SafeguardApp app) : ChildProtectionViewsTests<SafeguardApp>(app)
{
    [Fact]
    public async Task TheOverviewPage_ShowsTheTeamsCounts_AndItsChildren_AndRefusesOthers()
    {
        var teamId = await NewTeamAsync("Child protection team 7");
        var child = await ChildAsync("Ato", teamId, Today.AddDays(-30));
        await using (var db = App.OpenDb())
        {
            var plan = await PlanAsync(db, child, teamId, Today.AddMonths(-2), Today.AddDays(-3));
            await ConferenceAsync(db, child, teamId, ConferenceKind.Review, Today.AddDays(2), plan.Id);
        }
        var serviceManager = await App.As(Roles.ServiceManager);

        var page = await Forms.GetDocumentAsync(serviceManager, "/child-protection");
        var row = page.QuerySelector($"[data-testid=cp-overview] tr[data-team='{teamId}']")!;
        Assert.Equal("1", row.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("1 late", row.QuerySelector("[data-kind=core-group] strong")?.TextContent.Trim());
        Assert.Equal("1 late", row.QuerySelector("[data-kind=visit] strong")?.TextContent.Trim());
        Assert.Contains("1 due", row.QuerySelector("[data-kind=review]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("[data-kind=initial] strong"));
        Assert.Equal("Child protection", page.QuerySelector("[aria-current=page]")?.TextContent.Trim());

        var team = await Forms.GetDocumentAsync(serviceManager, $"/child-protection/teams/{teamId}");
        Assert.Contains(team.QuerySelectorAll("[data-testid=core-groups] a"), a => a.TextContent == "Ato Okafor");
        Assert.Contains(team.QuerySelectorAll("[data-testid=visits] a"), a => a.TextContent == "Ato Okafor" && a.GetAttribute("href") == $"/people/{child}/case#visits");

        var teamManager = await App.As(Roles.TeamManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await teamManager.GetAsync("/child-protection")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teamManager.GetAsync($"/child-protection/teams/{teamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teamManager.GetAsync($"/child-protection/teams/{App.Borough.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.As(Roles.SocialWorker)).GetAsync($"/child-protection/teams/{App.Borough.TeamId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.As(Roles.ConferenceChair)).GetAsync("/child-protection")).StatusCode);
    }

    [Fact]
    public async Task TheChairsMyWorkPage_LinksToTheConferenceToArrange()
    {
        var child = await ChildAsync("Fiifi", App.Borough.TeamId, Today.AddDays(-20));
        int conferenceId;
        await using (var db = App.OpenDb())
            conferenceId = (await ConferenceAsync(db, child, App.Borough.TeamId, ConferenceKind.Initial, Today.AddDays(3))).Id;

        var page = await Forms.GetDocumentAsync(await App.As(Roles.ConferenceChair), "/");

        var link = page.QuerySelectorAll("[data-testid=my-work] a").Single(a => a.GetAttribute("href") == $"/conferences/{conferenceId}");
        Assert.Equal("Arrange the initial child protection conference for Fiifi Okafor", link.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".app-queues a"), a => a.GetAttribute("href") == "/conferences" && a.TextContent.StartsWith("Conferences to hold", StringComparison.Ordinal));
    }
}

public class ChildProtectionViewsOnPostgresTests(SafeguardAppOnPostgres app) : ChildProtectionViewsTests<SafeguardAppOnPostgres>(app);
