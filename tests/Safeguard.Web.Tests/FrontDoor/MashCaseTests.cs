using System.Net;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class MashCaseTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private async Task<HttpResponseMessage> RateAsync(HttpClient client, int caseId, string rating, string reason = "", string? version = null)
    {
        var url = $"/mash/{caseId}/rate";
        version ??= MashCases.Field(await Forms.GetDocumentAsync(client, url), "Version");
        return await Forms.PostAsync(client, url, new() { ["Rating"] = rating, ["Reason"] = reason, ["Version"] = version });
    }

    [Fact]
    public async Task ReRate_NeedsAReason_AndTheCaseShowsBothRatings_TheInitialMarkedAsNeverChanged()
    {
        var mash = await MashCases.CreateAsync(app);
        var client = await app.As(Roles.MashWorker);

        var first = await RateAsync(client, mash.CaseId, nameof(Rag.Amber));
        var noReason = await RateAsync(client, mash.CaseId, nameof(Rag.Red));
        var withReason = await RateAsync(client, mash.CaseId, nameof(Rag.Red), "The police told us of a new assault last night.");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var refused = await Forms.ParseAsync(noReason);
        Assert.StartsWith("Error: Enter the reason for re-rating", refused.QuerySelector("#Reason-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(Forms.Errors(refused), e => e.StartsWith("Enter the reason for re-rating", StringComparison.Ordinal));
        Assert.Equal("Red", refused.QuerySelector("input[name=Rating][checked]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var page = await Forms.GetDocumentAsync(client, $"/mash/{mash.CaseId}");
        var ratings = page.QuerySelectorAll("table").First(t => t.TextContent.Contains("Initial — never changed", StringComparison.Ordinal)).QuerySelectorAll("tbody tr");
        Assert.Equal(2, ratings.Length);
        Assert.Contains("Amber", ratings[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Initial — never changed", ratings[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Red", ratings[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("The police told us of a new assault last night.", ratings[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Initial", ratings[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_AfterSomeoneElseChangedTheCase_ShowsTheConflict_AndKeepsWhatWasEntered()
    {
        var mash = await MashCases.CreateAsync(app);
        var client = await app.As(Roles.MashWorker);
        var stale = MashCases.Field(await Forms.GetDocumentAsync(client, $"/mash/{mash.CaseId}/rate"), "Version");
        await MashCases.RateAsync(app, mash.CaseId, Rag.Green, Roles.MashManager);

        var response = await RateAsync(client, mash.CaseId, nameof(Rag.Amber), "Worse than we thought", stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(Forms.Errors(page), e => e.Contains("changed by someone else", StringComparison.Ordinal));
        Assert.Equal("Amber", page.QuerySelector("input[name=Rating][checked]")!.GetAttribute("value"));
        Assert.Equal("Worse than we thought", page.QuerySelector("#Reason")!.TextContent.Trim());
    }

    [Fact]
    public async Task Ask_TwoAgencies_ShowsBothWithDueTimes_AndEmailsThePartnerWithoutTheChildren()
    {
        var mash = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, mash.CaseId, Rag.Amber);
        var client = await app.As(Roles.MashWorker);
        var url = $"/mash/{mash.CaseId}/ask";
        var form = await Forms.GetDocumentAsync(client, url);
        Assert.Contains("the answer is due by", form.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);

        var police = await Forms.PostAsync(client, url, new() { ["AgencyId"] = $"{app.Borough.PoliceId}", ["Question"] = "Any call-outs to the address?" });
        var health = await Forms.PostAsync(client, url, new() { ["AgencyId"] = $"{app.Borough.HealthId}", ["Question"] = "Missed appointments?" });
        await app.SendOutboxAsync();

        Assert.Equal(HttpStatusCode.Redirect, police.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, health.StatusCode);
        var page = await Forms.GetDocumentAsync(client, $"/mash/{mash.CaseId}");
        var rows = page.QuerySelectorAll("table").Single(t => t.TextContent.Contains("Rating when sent", StringComparison.Ordinal)).QuerySelectorAll("tbody tr");
        Assert.Equal(["Test Police", "Test Health Trust"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.All(rows, r => Assert.Contains("Outstanding", r.TextContent, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("left", r.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal));
        var partner = app.Borough.Users[Roles.PartnerAgencyUser];
        var emails = app.Emails.Sent.Where(e => e.To == partner.Email).ToList();
        Assert.NotEmpty(emails);
        Assert.All(emails, e =>
        {
            Assert.Contains("request for information", e.Subject, StringComparison.Ordinal);
            Assert.Contains("https://safeguard.test/partner", e.Body, StringComparison.Ordinal);
            foreach (var name in mash.Names.SelectMany(n => n.Split(' '))) Assert.DoesNotContain(name, e.Subject + e.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(mash.Reference, e.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Ask_WithoutAnAgencyOrQuestion_SaysWhatIsMissing()
    {
        var mash = await MashCases.CreateAsync(app);
        var client = await app.As(Roles.MashWorker);

        var response = await Forms.PostAsync(client, $"/mash/{mash.CaseId}/ask", new() { ["AgencyId"] = "", ["Question"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter what you are asking the agency", Forms.Errors(await Forms.ParseAsync(response)));
    }

    [Fact]
    public async Task Withdraw_AnOutstandingRequest_ShowsItAsWithdrawn()
    {
        var mash = await MashCases.CreateAsync(app);
        await MashCases.AskAsync(app, mash.CaseId, app.Borough.SchoolId);
        var client = await app.As(Roles.MashWorker);
        var url = $"/mash/{mash.CaseId}";
        var page = await Forms.GetDocumentAsync(client, url);
        var form = page.QuerySelector("form[action*='handler=Withdraw']")!;

        var response = await Forms.PostAsync(client, url, new()
        {
            ["requestId"] = form.QuerySelector("input[name=requestId]")!.GetAttribute("value")!,
            ["requestVersion"] = form.QuerySelector("input[name=requestVersion]")!.GetAttribute("value")!,
        }, handler: "Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Forms.GetDocumentAsync(client, url);
        Assert.Contains("Withdrawn", after.QuerySelector("tbody tr td:last-child")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_ThenTheManagerGivesItToSomeoneElse()
    {
        var mash = await MashCases.CreateAsync(app);
        var worker = await app.As(Roles.MashWorker);
        var manager = await app.As(Roles.MashManager);
        var url = $"/mash/{mash.CaseId}";

        var take = await Forms.PostAsync(worker, url, new() { ["Version"] = MashCases.Field(await Forms.GetDocumentAsync(worker, url), "Version") }, handler: "Take");
        var give = await Forms.PostAsync(manager, url, new()
        {
            ["Version"] = MashCases.Field(await Forms.GetDocumentAsync(manager, url), "Version"),
            ["WorkerId"] = app.Borough.Users[Roles.MashManager].Id,
        }, handler: "Give");

        Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, give.StatusCode);
        var page = await Forms.GetDocumentAsync(worker, url);
        Assert.Contains("Test MASH manager", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action*='handler=Take']"));   // the worker can take it back
        Assert.Null(page.QuerySelector("form[action*='handler=Give']"));      // only the manager gives cases out
    }
}
