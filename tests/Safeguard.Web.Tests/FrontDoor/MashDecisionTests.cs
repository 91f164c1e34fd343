using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class MashDecisionTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private Dictionary<string, string> Assessment(string version, string rationale = "Bruising and a frightened parent: the children need an assessment.") => new()
    {
        ["Version"] = version, ["Outcome"] = nameof(MashOutcome.Assessment), ["AssessmentTeamId"] = $"{app.Borough.AssessmentTeamId}",
        ["AssessmentNeed"] = "N1", ["Rationale"] = rationale,
    };

    [Fact]
    public async Task TheManager_DecidesAnAssessment_AndEachChildIsReferredToTheTeam()
    {
        var mash = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, mash.CaseId, Rag.Amber);
        var manager = await app.As(Roles.MashManager);
        var url = $"/mash/{mash.CaseId}/decide";

        var decided = await Forms.PostAsync(manager, url, Assessment(MashCases.Field(await Forms.GetDocumentAsync(manager, url), "Version")));

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using var db = app.OpenDb();
        var referrals = await db.Referrals.Where(r => r.ContactId == mash.ContactId).ToListAsync();
        Assert.Equal(mash.Children.Order(), referrals.Select(r => r.PersonId).Order());
        Assert.All(referrals, r => Assert.Equal(app.Borough.AssessmentTeamId, r.TeamId));
        Assert.All(referrals, r => Assert.Equal("N1", r.PrimaryNeedCode));
        var page = await Forms.GetDocumentAsync(manager, $"/mash/{mash.CaseId}");
        var decision = page.QuerySelector(".govuk-summary-list")!.TextContent;
        Assert.Contains("Social care assessment", decision, StringComparison.Ordinal);
        Assert.Contains("Assessment team 1", decision, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href$='/decide']"));
    }

    [Fact]
    public async Task AMashWorker_CannotDecide()
    {
        var mash = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, mash.CaseId, Rag.Amber);
        var worker = await app.As(Roles.MashWorker);
        var manager = await app.As(Roles.MashManager);
        var version = MashCases.Field(await Forms.GetDocumentAsync(manager, $"/mash/{mash.CaseId}/decide"), "Version");

        var page = await worker.GetAsync($"/mash/{mash.CaseId}/decide");
        var post = await Forms.PostNotOfferedAsync(worker, $"/mash/{mash.CaseId}/decide", Assessment(version), tokenFrom: $"/mash/{mash.CaseId}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = app.OpenDb();
        Assert.False(await db.Referrals.AnyAsync(r => r.ContactId == mash.ContactId));
        var casePage = await Forms.GetDocumentAsync(worker, $"/mash/{mash.CaseId}");
        Assert.Null(casePage.QuerySelector("a[href$='/decide']"));
    }

    [Fact]
    public async Task Decide_WithoutARationale_OrBeforeTheContactArrived_IsRefusedBesideTheFields_KeepingTheChoice()
    {
        var mash = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, mash.CaseId, Rag.Amber);
        var manager = await app.As(Roles.MashManager);
        var url = $"/mash/{mash.CaseId}/decide";
        var version = MashCases.Field(await Forms.GetDocumentAsync(manager, url), "Version");

        var noRationale = await Forms.ParseAsync(await Forms.PostAsync(manager, url, Assessment(version, rationale: "")));
        var early = Assessment(version);
        early["DecidedOn.Day"] = "1"; early["DecidedOn.Month"] = "1"; early["DecidedOn.Year"] = "2020"; early["DecidedTime"] = "09:00";
        var tooEarly = await Forms.ParseAsync(await Forms.PostAsync(manager, url, early));

        Assert.Contains("Enter the rationale for the decision", noRationale.QuerySelector("#Rationale-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(nameof(MashOutcome.Assessment), noRationale.QuerySelector("input[name=Outcome][checked]")!.GetAttribute("value"));
        Assert.Equal($"{app.Borough.AssessmentTeamId}", noRationale.QuerySelector("#AssessmentTeamId option[selected]")!.GetAttribute("value"));
        Assert.DoesNotContain("govuk-radios__conditional--hidden", noRationale.QuerySelector("#conditional-Outcome-3")!.ClassName, StringComparison.Ordinal);
        Assert.Contains("The decision cannot be before the contact was received", tooEarly.QuerySelector("#DecidedOn-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_AfterSomeoneReRated_ShowsTheConflict_AndKeepsTheRationale()
    {
        var mash = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, mash.CaseId, Rag.Amber);
        var manager = await app.As(Roles.MashManager);
        var url = $"/mash/{mash.CaseId}/decide";
        var stale = MashCases.Field(await Forms.GetDocumentAsync(manager, url), "Version");
        await MashCases.RateAsync(app, mash.CaseId, Rag.Red, reason: "New information from the police");

        var response = await Forms.PostAsync(manager, url, Assessment(stale, rationale: "My reasons, typed at length."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(Forms.Errors(page), e => e.Contains("changed by someone else", StringComparison.Ordinal));
        Assert.Equal("My reasons, typed at length.", page.QuerySelector("#Rationale")!.TextContent.Trim());
        Assert.NotEqual(stale, MashCases.Field(page, "Version"));   // deciding again, having looked, is deliberate
        await using var db = app.OpenDb();
        Assert.False(await db.Referrals.AnyAsync(r => r.ContactId == mash.ContactId));
    }

    [Fact]
    public async Task NoFurtherAction_OnAnAmberCase_CountsAsAReferralByDefault()
    {
        var mash = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, mash.CaseId, Rag.Amber);
        var manager = await app.As(Roles.MashManager);
        var url = $"/mash/{mash.CaseId}/decide";
        var form = await Forms.GetDocumentAsync(manager, url);
        Assert.Equal("true", form.QuerySelector("input[name=CountsAsReferral][checked]")!.GetAttribute("value"));

        var decided = await Forms.PostAsync(manager, url, new()
        {
            ["Version"] = MashCases.Field(form, "Version"), ["Outcome"] = nameof(MashOutcome.NoFurtherAction), ["CountsAsReferral"] = "true",
            ["NoFurtherActionNeed"] = "", ["Rationale"] = "The family have moved out of the area; the new council has been told.",
        });

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using var db = app.OpenDb();
        var referrals = await db.Referrals.Where(r => r.ContactId == mash.ContactId).ToListAsync();
        Assert.Equal(2, referrals.Count);
        Assert.All(referrals, r => Assert.True(r.NoFurtherAction));
    }
}
