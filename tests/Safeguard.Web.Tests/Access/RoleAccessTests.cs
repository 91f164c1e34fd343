using System.Net;
using Safeguard.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Web.Tests.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Access;

/// <summary>
/// Every page and endpoint, for every role: allowed when the access matrix says so, 403 otherwise, and a
/// sign-in (pages) or 401 (API) for someone not signed in. The expectations come from Capabilities, the
/// same matrix docs/access.md shows.
/// </summary>
public class RoleAccessTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    /// <summary>
    /// Each route with the capability it needs. {child} is an unrestricted child of the test borough; {mash}, {request} and
    /// {document} are a MASH case about them, its request to the partner's agency (Test Police) and the document sent with the answer.
    /// </summary>
    public static readonly (string Route, string Capability)[] Routes =
    [
        ("/", Capabilities.SignedIn),
        ("/account/api-tokens", Capabilities.SignedIn),
        ("/people?q=Khan", Capabilities.FindPeople),
        ("/people/add", Capabilities.AddPerson),
        ("/people/{child}", Capabilities.ViewChildRecord),
        ("/people/{child}/edit", Capabilities.EditPerson),
        ("/people/{child}/relationships/add", Capabilities.AddPerson),
        ("/people/{child}/address", Capabilities.AddPerson),
        ("/people/{child}/access-history", Capabilities.ViewAccessHistory),
        ("/people/{child}/chronology", Capabilities.ViewChildRecord),
        ("/people/{child}/chronology/print", Capabilities.ViewChildRecord),
        ("/people/{child}/restriction", Capabilities.RestrictRecord),
        ("/people/{child}/recorded-in-error", Capabilities.MarkRecordedInError),
        ("/people/break-glass", Capabilities.BreakGlass),
        ("/admin/users", Capabilities.ManageUsers),
        ("/admin/users/add", Capabilities.ManageUsers),
        ("/admin/teams", Capabilities.ManageUsers),
        ("/teams/{team}", Capabilities.ViewTeamCaseload),
        ("/teams/{team}/overdue", Capabilities.ViewTeamOverdue),
        ("/social-work", Capabilities.OverseeTeams),
        ("/child-protection", Capabilities.OverseeTeams),
        ("/child-protection/teams/{team}", Capabilities.ViewTeamOverdue),
        ("/conferences", Capabilities.ChairConference),
        ("/api/conferences", Capabilities.ChairConference),
        ("/api/partner/conference-reports", Capabilities.SubmitConferenceReport),
        ("/partner/conference-reports", Capabilities.SubmitConferenceReport),
        ("/people/{case-child}/strategy-discussions/new", Capabilities.RecordStrategyDiscussion),
        ("/people/{case-child}/emergency-protection/new", Capabilities.RecordSection47),
        ("/people/{case-child}/transfer-in", Capabilities.RecordSection47),
        ("/api/people?q=Khan", Capabilities.FindPeople),
        ("/api/people/{child}", Capabilities.ViewChildRecord),
        ("/api/people/{child}/chronology", Capabilities.ViewChildRecord),
        ("/api/people/{child}/access-history", Capabilities.ViewAccessHistory),
        ("/api/users", Capabilities.ManageUsers),
        ("/mash", Capabilities.ViewFrontDoor),
        ("/mash/{mash}", Capabilities.ViewFrontDoor),
        ("/mash/{mash}/rate", Capabilities.WorkMashCase),
        ("/mash/{mash}/ask", Capabilities.WorkMashCase),
        ("/mash/{mash}/decide", Capabilities.DecideMashCase),
        ("/partner", Capabilities.AnswerInformationRequest),
        ("/partner/requests/{request}", Capabilities.AnswerInformationRequest),
        ("/partner/contacts/new", Capabilities.RecordContact),
        ("/contacts", Capabilities.ViewFrontDoor),
        ("/contacts?p=2", Capabilities.ViewFrontDoor),
        ("/contacts/new", Capabilities.RecordContact),
        ("/contacts/{contact}", Capabilities.ViewChildRecord),
        ("/contacts/{contact}/match/{contactChild}", Capabilities.ScreenContact),
        ("/contacts/{contact}/match", Capabilities.ScreenContact),
        ("/contacts/{contact}/screen", Capabilities.ScreenContact),
        ("/consultations", Capabilities.ViewFrontDoor),
        ("/consultations/new", Capabilities.RecordConsultation),
        ("/api/contacts", Capabilities.ViewFrontDoor),
        ("/api/mash", Capabilities.ViewFrontDoor),
        ("/api/partner/requests", Capabilities.AnswerInformationRequest),
        ("/contacts/import", Capabilities.ImportContacts),
        ("/cases/{case}/allocate", Capabilities.AllocateCase),
        ("/api/cases/{case}/allocation", Capabilities.AllocateCase),
        ("/people/{case-child}/case", Capabilities.ViewChildRecord),
        ("/people/{case-child}/assessments/start", Capabilities.AssessChild),
        ("/people/{case-child}/assessments/{assessment}", Capabilities.ViewChildRecord),
        ("/people/{case-child}/assessments/{assessment}/authorise", Capabilities.AuthoriseWork),
        ("/api/assessments/{assessment}", Capabilities.ViewChildRecord),
        ("/people/{case-child}/close", Capabilities.ProposeClosure),
        ("/people/{case-child}/closures/{closure}", Capabilities.ViewChildRecord),
        ("/people/{case-child}/step-up", Capabilities.StepUp),
        ("/api/people/{case-child}/closures", Capabilities.ViewChildRecord),
        ("/people/{case-child}/plans/new", Capabilities.PlanForChild),
        ("/people/{case-child}/plans/{plan}", Capabilities.ViewChildRecord),
        ("/people/{case-child}/plans/{plan}/authorise", Capabilities.AuthoriseWork),
        ("/people/{case-child}/plans/{plan}/actions/{plan-action}", Capabilities.PlanForChild),
        ("/people/{case-child}/plans/{plan}/meetings/{plan-meeting}", Capabilities.ViewChildRecord),
        ("/api/people/{case-child}/plans/{plan}", Capabilities.ViewChildRecord),
        ("/people/{case-child}/oversight/new", Capabilities.RecordOversight),
        ("/people/{case-child}/oversight/{oversight}", Capabilities.ViewChildRecord),
        ("/actions/{oversight-action}", Capabilities.ViewChildRecord),
        ("/teams/{team}/supervision/new", Capabilities.RecordOversight),
        ("/supervision/{supervision}", Capabilities.ViewChildRecord),
        ("/api/people/{case-child}/oversight", Capabilities.ViewChildRecord),
        ("/api/actions/{oversight-action}", Capabilities.ViewChildRecord),
        ("/api/supervision/{supervision}", Capabilities.ViewChildRecord),
        ("/people/{case-child}/visits/new", Capabilities.RecordVisit),
        ("/people/{visit-child}/visits/{visit}", Capabilities.ViewChildRecord),
        ("/people/{case-child}/notes/new", Capabilities.RecordCaseNote),
        ("/people/{note-child}/notes/{note}", Capabilities.ViewChildRecord),
        ("/people/{note-child}/notes/{note}/edit", Capabilities.RecordCaseNote),
        ("/api/people/{case-child}/visits", Capabilities.ViewChildRecord),
        ("/api/people/{case-child}/notes", Capabilities.ViewChildRecord),
        ("/api/people/{case-child}/protection-plans", Capabilities.ViewChildRecord),
        ("/api/people/{case-child}/protection-plans/{cp-plan}", Capabilities.ViewChildRecord),
    ];

    public static TheoryData<string, string> EveryRouteAndRole()
    {
        var data = new TheoryData<string, string>();
        foreach (var (route, _) in Routes)
            foreach (var (role, _) in Roles.All)
                data.Add(route, role);
        return data;
    }

    public static TheoryData<string> EveryRoute() => new(Routes.Select(r => r.Route));

    [Theory]
    [MemberData(nameof(EveryRouteAndRole))]
    public async Task Get_AsEachRole_IsAllowedOnlyWhereTheMatrixSays(string route, string role)
    {
        var client = await app.As(role);
        var capability = Routes.Single(r => r.Route == route).Capability;

        var response = await client.GetAsync(await FillAsync(route));

        // A partner agency user may not learn that a child is known at all: a child's record is "not found" for them.
        var expected = Capabilities.Allows(capability, [role]) ? HttpStatusCode.OK
            : role == Roles.PartnerAgencyUser && IsChildRecord(route) ? HttpStatusCode.NotFound
            : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
    }

    private static bool IsChildRecord(string route) =>
        route.StartsWith("/people/{child}", StringComparison.Ordinal) || route.StartsWith("/api/people/{child}", StringComparison.Ordinal)
        || route.StartsWith("/people/{case-child}", StringComparison.Ordinal) || route.StartsWith("/api/people/{case-child}", StringComparison.Ordinal)
        || route.StartsWith("/people/{visit-child}", StringComparison.Ordinal) || route.StartsWith("/people/{note-child}", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Get_WhenNotSignedIn_AsksForSignInOrAnswers401(string route)
    {
        var response = await app.Anonymous().GetAsync(await FillAsync(route));

        if (route.StartsWith("/api", StringComparison.Ordinal))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    private async Task<string> FillAsync(string route)
    {
        if (route.Contains("{mash}", StringComparison.Ordinal) || route.Contains("{request}", StringComparison.Ordinal) || route.Contains("{document}", StringComparison.Ordinal))
        {
            var seeded = await FrontDoor.MashCases.SeededAsync(app);
            route = route.Replace("{mash}", Number(seeded.Case.CaseId), StringComparison.Ordinal)
                .Replace("{request}", Number(seeded.RequestId), StringComparison.Ordinal)
                .Replace("{document}", Number(seeded.DocumentId), StringComparison.Ordinal);
        }
        if (route.Contains("{contact", StringComparison.Ordinal))
        {
            var (contact, contactChild, _) = await FrontDoorSample.For(app);
            route = route.Replace("{contactChild}", Number(contactChild), StringComparison.Ordinal)
                .Replace("{contact}", Number(contact), StringComparison.Ordinal);
        }
        if (route.Contains("{case}", StringComparison.Ordinal))
            route = route.Replace("{case}", Number(await SocialWork.SocialWorkData.SampleCase(app)), StringComparison.Ordinal);
        if (route.Contains("{assessment}", StringComparison.Ordinal))
        {
            var (child, assessment) = await SocialWork.SocialWorkData.SampleAssessment(app);
            route = route.Replace("{case-child}", child.ToString(), StringComparison.Ordinal).Replace("{assessment}", Number(assessment), StringComparison.Ordinal);
        }
        if (route.Contains("{closure}", StringComparison.Ordinal))
        {
            var (child, closure) = await SocialWork.SocialWorkData.SampleClosure(app);
            route = route.Replace("{case-child}", child.ToString(), StringComparison.Ordinal).Replace("{closure}", Number(closure), StringComparison.Ordinal);
        }
        if (route.Contains("{plan}", StringComparison.Ordinal))
        {
            var (child, plan, action, meeting) = await SocialWork.SocialWorkData.SamplePlan(app);
            route = route.Replace("{case-child}", child.ToString(), StringComparison.Ordinal).Replace("{plan}", Number(plan), StringComparison.Ordinal)
                .Replace("{plan-action}", Number(action), StringComparison.Ordinal).Replace("{plan-meeting}", Number(meeting), StringComparison.Ordinal);
        }
        if (route.Contains("{oversight", StringComparison.Ordinal))
        {
            var (child, oversight, action) = await SocialWork.SocialWorkData.SampleOversight(app);
            route = route.Replace("{case-child}", child.ToString(), StringComparison.Ordinal).Replace("{oversight}", Number(oversight), StringComparison.Ordinal)
                .Replace("{oversight-action}", Number(action), StringComparison.Ordinal);
        }
        if (route.Contains("{supervision}", StringComparison.Ordinal))
            route = route.Replace("{supervision}", Number(await SocialWork.SocialWorkData.SampleSupervision(app)), StringComparison.Ordinal);
        if (route.Contains("{visit}", StringComparison.Ordinal))
        {
            var (child, visit) = await SocialWork.SocialWorkData.SampleVisit(app);
            route = route.Replace("{visit-child}", child.ToString(), StringComparison.Ordinal).Replace("{visit}", Number(visit), StringComparison.Ordinal);
        }
        if (route.Contains("{note}", StringComparison.Ordinal))
        {
            var (child, note) = await SocialWork.SocialWorkData.SampleNote(app);
            route = route.Replace("{note-child}", child.ToString(), StringComparison.Ordinal).Replace("{note}", Number(note), StringComparison.Ordinal);
        }
        if (route.Contains("{cp-plan}", StringComparison.Ordinal))
        {
            var (child, plan) = await ChildProtection.ChildProtectionData.SamplePlan(app);
            route = route.Replace("{case-child}", child.ToString(), StringComparison.Ordinal).Replace("{cp-plan}", Number(plan), StringComparison.Ordinal);
        }
        if (route.Contains("{case-child}", StringComparison.Ordinal))
            route = route.Replace("{case-child}", (await SocialWork.SocialWorkData.SampleChildCase(app)).Child.ToString(), StringComparison.Ordinal);
        return route
            .Replace("{child}", app.Borough.Aisha.ToString(), StringComparison.Ordinal)
            .Replace("{team}", Number(app.Borough.TeamId), StringComparison.Ordinal);
    }

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A contact's document opens for anyone who may see the children's records; a partner agency (who may open only its own answers) gets 404 for a
    /// contact's document; every other role is refused. The service decides, so the route is not in <see cref="Routes"/>.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task GetAContactsDocument_AsEachRole_OpensOnlyForThoseWhoMaySeeTheChildren(string role)
    {
        var (_, _, document) = await FrontDoorSample.For(app);
        var client = await app.As(role);

        var response = await client.GetAsync($"/documents/{document}");

        var expected = Capabilities.Allows(Capabilities.ViewChildRecord, [role]) ? HttpStatusCode.OK
            : Capabilities.Allows(Capabilities.AnswerInformationRequest, [role]) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;
        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<string> EveryRole() => new(Roles.All.Select(r => r.Role));

    [Fact]
    public async Task Get_AnotherTeamsCaseloadAsATeamManager_IsRefusedAndLogged_ButAServiceManagerSeesIt()
    {
        int otherTeam;
        await using (var db = app.OpenDb())
        {
            var team = new Team { Name = "Child protection team 9", Kind = TeamKind.ChildProtection };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            otherTeam = team.Id;
        }
        var manager = await app.As(Roles.TeamManager);
        var serviceManager = await app.As(Roles.ServiceManager);

        var refused = await manager.GetAsync($"/teams/{otherTeam}");
        var allowed = await serviceManager.GetAsync($"/teams/{otherTeam}");
        await app.FlushAccessLogAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await using var log = app.OpenDb();
        var managerId = app.Borough.Users[Roles.TeamManager].Id;
        Assert.Contains(log.AccessLog.Where(e => e.UserId == managerId).ToList(),
            e => e.Action == Safeguard.Core.Access.Log.AccessAction.Refused && e.What.Contains("Child protection team 9", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/people/{restricted}")]
    [InlineData("/people/{restricted}/edit")]
    [InlineData("/api/people/{restricted}")]
    public async Task Get_ARestrictedRecordAsSomeoneNotNamedOnIt_IsNotFound(string route)
    {
        var client = await app.As(Roles.SocialWorker);

        var response = await client.GetAsync(route.Replace("{restricted}", app.Borough.Restricted.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_ARefusal_IsWrittenToTheAccessLog()
    {
        var partner = await app.As(Roles.PartnerAgencyUser);

        var response = await partner.GetAsync("/people?q=khan");
        await app.FlushAccessLogAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = app.OpenDb();
        var userId = app.Borough.Users[Roles.PartnerAgencyUser].Id;
        Assert.Contains(db.AccessLog.Where(e => e.UserId == userId).ToList(),
            e => e.Action == Safeguard.Core.Access.Log.AccessAction.Refused && e.What == "Refused: GET /people");
    }

    [Fact]
    public async Task Get_ARestrictedRecordAsItsOwner_IsShown()
    {
        var client = await app.As(Roles.TeamManager);

        var response = await client.GetAsync($"/people/{app.Borough.Restricted}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Restricted record", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnAdministratorWithoutTwoFactor_IsSentToSetItUp()
    {
        var admin = app.Borough.Users[Roles.Administrator];
        var client = app.Anonymous();
        using (var scope = app.Factory.Services.CreateScope())
        {
            // A second administrator who has not set up an authenticator app yet.
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var fresh = new StaffUser { UserName = "new-admin@test.example", Email = "new-admin@test.example", DisplayName = "New Admin" };
            await users.CreateAsync(fresh, Safeguard.TestCommon.TestBorough.Password);
            await users.AddToRoleAsync(fresh, Roles.Administrator);
        }
        var signIn = await Forms.PostAsync(client, "/account/sign-in", new() { ["Email"] = "new-admin@test.example", ["Password"] = Safeguard.TestCommon.TestBorough.Password });
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        var home = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/set-up-two-factor", home.Headers.Location!.OriginalString);
        Assert.NotNull(admin);
    }
}
