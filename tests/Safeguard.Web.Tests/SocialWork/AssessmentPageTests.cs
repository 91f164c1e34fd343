using System.Net;
using System.Net.Http.Json;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// The assessment from the pages: started from the case, written part-way and kept (even when a save is refused or
/// only the draft was posted), sent to the manager, sent back with the reason, authorised; and the refusals.
/// </summary>
public class AssessmentPageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    private static Dictionary<string, string> Fields(Guid version, string analysis, DateOnly? seen = null) => new()
    {
        ["Version"] = version.ToString(),
        ["Input.ChildSeenOn.Day"] = seen?.Day.ToString() ?? "", ["Input.ChildSeenOn.Month"] = seen?.Month.ToString() ?? "", ["Input.ChildSeenOn.Year"] = seen?.Year.ToString() ?? "",
        ["Input.Analysis"] = analysis,
    };

    private static Guid VersionOn(AngleSharp.Html.Dom.IHtmlDocument page) => Guid.Parse(page.QuerySelector("input[name=Version]")!.GetAttribute("value")!);

    [Fact]
    public async Task TheWorker_StartsFromTheCase_SavesPartWay_AndComesBackToIt()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ronke", daysAgo: 2);

        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.NotNull(casePage.QuerySelector($"a[href='/people/{child}/assessments/start']"));
        var started = await Forms.PostAsync(worker, $"/people/{child}/assessments/start",
            new() { ["StartDate.Day"] = Today.Day.ToString(), ["StartDate.Month"] = Today.Month.ToString(), ["StartDate.Year"] = Today.Year.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var url = started.Headers.Location!.OriginalString;
        Assert.Matches($"^/people/{child}/assessments/\\d+$", url);

        var page = await Forms.GetDocumentAsync(worker, url);
        Assert.Equal("Child and family assessment", page.QuerySelector("h1")!.TextContent.Trim());
        var saved = await Forms.PostAsync(worker, url, Fields(VersionOn(page), "The home is cold and the fridge empty.", Today), handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await Forms.GetDocumentAsync(worker, url);
        Assert.Equal("The home is cold and the fridge empty.", page.QuerySelector("textarea[name='Input.Analysis']")!.TextContent.Trim());
        Assert.Equal(Today.Day.ToString(), page.QuerySelector("input[name='Input.ChildSeenOn.Day']")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#draft-title"));
        Assert.Contains("Your assessment is saved", page.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIsTyped_IsKept_WhenOnlyTheDraftWasPosted_OrTheSaveWasRefused()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, assessment) = await StartedAsync("Wale");
        var url = $"/people/{child}/assessments/{assessment.Id}";
        var page = await Forms.GetDocumentAsync(worker, url);

        // The script posts the form a moment after each change; the sign-in may end before the worker saves.
        var draft = await Forms.PostAsync(worker, url, Fields(VersionOn(page), "Typed, never saved."), handler: "Draft");
        Assert.Equal(HttpStatusCode.NoContent, draft.StatusCode);
        page = await Forms.GetDocumentAsync(worker, url);
        Assert.Equal("Typed, never saved.", page.QuerySelector("textarea[name='Input.Analysis']")!.TextContent.Trim());
        Assert.Contains("It is not saved to the assessment yet", page.QuerySelector("#draft-title")!.ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal);

        // A refused save (the child seen tomorrow) says which date is wrong and keeps the text.
        var refused = await Forms.PostAsync(worker, url, Fields(VersionOn(page), "Typed again, refused.", Today.AddDays(1)), handler: "Save");
        var shown = await Forms.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["The date the child was seen must be today or in the past"], Forms.Errors(shown));
        Assert.Equal("Typed again, refused.", shown.QuerySelector("textarea[name='Input.Analysis']")!.TextContent.Trim());
        page = await Forms.GetDocumentAsync(worker, url);
        Assert.Equal("Typed again, refused.", page.QuerySelector("textarea[name='Input.Analysis']")!.TextContent.Trim());

        // Discarding shows the assessment as last saved.
        var discarded = await Forms.PostAsync(worker, url, [], handler: "DiscardDraft");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        page = await Forms.GetDocumentAsync(worker, url);
        Assert.Equal("", page.QuerySelector("textarea[name='Input.Analysis']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Submitting_ListsWhatIsMissingBesideEachField_ThenTheManagerSendsItBack_AndAuthorises()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var (child, assessment) = await StartedAsync("Tunde");
        var url = $"/people/{child}/assessments/{assessment.Id}";

        var page = await Forms.GetDocumentAsync(worker, url);
        var missing = await Forms.PostAsync(worker, url, Fields(VersionOn(page), "Analysis only.", Today), handler: "Submit");
        var errors = Forms.Errors(await Forms.ParseAsync(missing));
        Assert.Contains("Enter the family's views", errors);
        Assert.Contains("Choose the outcome", errors);

        page = await Forms.GetDocumentAsync(worker, url);
        var complete = Fields(VersionOn(page), "Mother's low mood leaves the children hungry.", Today);
        complete["Input.ChildSeenAloneOn.Day"] = Today.Day.ToString(); complete["Input.ChildSeenAloneOn.Month"] = Today.Month.ToString(); complete["Input.ChildSeenAloneOn.Year"] = Today.Year.ToString();
        complete["Input.FactorCodes"] = "2B"; complete["Input.ChildViews"] = "Hungry at school."; complete["Input.FamilyViews"] = "Wants help.";
        complete["Input.Outcome"] = nameof(AssessmentOutcome.ChildInNeedPlan); complete["Input.PrimaryNeedCode"] = "N1";
        var submitted = await Forms.PostAsync(worker, url, complete, handler: "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/people/{child}/case", submitted.Headers.Location!.OriginalString);

        // The worker cannot authorise it; the manager finds it on My work.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"{url}/authorise")).StatusCode);
        var managersWork = await Forms.GetDocumentAsync(manager, "/");
        Assert.NotNull(managersWork.QuerySelector($"a[href='{url}/authorise']"));
        var noReason = await Forms.PostAsync(manager, $"{url}/authorise", new() { ["Decision"] = "return", ["Reason"] = "", ["Version"] = VersionOn(await Forms.GetDocumentAsync(manager, $"{url}/authorise")).ToString() });
        Assert.Equal(["Enter what needs to change before you can authorise it"], Forms.Errors(await Forms.ParseAsync(noReason)));
        var sentBack = await Forms.PostAsync(manager, $"{url}/authorise", new() { ["Decision"] = "return", ["Reason"] = "Say what the school told you",
            ["Version"] = VersionOn(await Forms.GetDocumentAsync(manager, $"{url}/authorise")).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);

        // Back with the worker, with the reason, on their My work.
        page = await Forms.GetDocumentAsync(worker, url);
        Assert.Contains("Say what the school told you", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        var workersWork = await Forms.GetDocumentAsync(worker, "/");
        Assert.Contains(workersWork.QuerySelectorAll($"a[href='{url}']"), a => a.TextContent.StartsWith("Revise the assessment", StringComparison.Ordinal));

        complete["Version"] = VersionOn(page).ToString();
        complete["Input.Analysis"] = "The school confirms the children arrive hungry.";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(worker, url, complete, handler: "Submit")).StatusCode);
        var authorised = await Forms.PostAsync(manager, $"{url}/authorise", new() { ["Decision"] = "authorise", ["Reason"] = "A clear analysis; a plan is right",
            ["Version"] = VersionOn(await Forms.GetDocumentAsync(manager, $"{url}/authorise")).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, authorised.StatusCode);
        var casePage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        Assert.Contains("Authorised", casePage.QuerySelector("#assessments + table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkerOfAnotherTeam_CannotOpenTheCaseOrTheAssessment()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Kunle", daysAgo: 2, teamId: app.Borough.AssessmentTeamId);
        var assessment = await StartAsSystem(child);

        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync($"/people/{child}/case")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/people/{child}/assessments/{assessment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/assessments/{assessment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/people/{child}/assessments/start")).StatusCode);
        // Their record is still theirs to read: the refusal is of the case work only.
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/people/{child}")).StatusCode);
    }

    [Fact]
    public async Task TheApi_StartsSavesSubmitsAndAuthorises_AndTheWorkerCannotAuthoriseTheirOwn()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Yemi", daysAgo: 4);

        var created = await worker.PostAsJsonAsync($"/api/people/{child}/assessments", new { startDate = (DateOnly?)null });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var a = (await created.Content.ReadFromJsonAsync<Safeguard.Web.Api.AssessmentsApi.AssessmentDto>(Json.Options))!;
        var draft = new { version = a.Version, childSeenOn = Today, childSeenAloneOn = Today, factorCodes = new[] { "2B" }, analysis = "Low mood.",
            childViews = "Hungry.", familyViews = "Wants help.", outcome = "ChildInNeedPlan", primaryNeedCode = "N1" };
        var stale = await worker.PutAsJsonAsync($"/api/assessments/{a.Id}", draft with { version = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var submitted = await worker.PostAsJsonAsync($"/api/assessments/{a.Id}/submit", draft);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var s = (await submitted.Content.ReadFromJsonAsync<Safeguard.Web.Api.AssessmentsApi.AssessmentDto>(Json.Options))!;
        Assert.Equal(AssessmentStage.AwaitingAuthorisation, s.Stage);

        var own = await worker.PostAsJsonAsync($"/api/assessments/{a.Id}/authorisation", new { version = s.Version, approve = true, reason = "Mine" });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        var ok = await manager.PostAsJsonAsync($"/api/assessments/{a.Id}/authorisation", new { version = s.Version, approve = true, reason = "Sound" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var read = await manager.GetFromJsonAsync<Safeguard.Web.Api.AssessmentsApi.AssessmentDto>($"/api/assessments/{a.Id}", Json.Options);
        Assert.Equal((AssessmentStage.Authorised, Today), (read!.Stage, read.AuthorisedOn));
        Assert.Equal("Sound", Assert.Single(read.Decisions!).Reason);
    }

    private async Task<(Guid Child, Assessment Assessment)> StartedAsync(string first)
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, first, daysAgo: 2);
        return (child, await StartAsSystem(child));
    }

    private async Task<Assessment> StartAsSystem(Guid child)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Factory.Services);
        var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AssessmentService>(scope.ServiceProvider);
        return (await service.StartAsync(Actor.System("test"), child, null))!;
    }
}
