using System.Net;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

public class SearchAndRecordTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    [Theory]
    [InlineData("aisha khan")]
    [InlineData("Khan Aisha")]
    [InlineData("Ayesha Kahn")]
    [InlineData("943 476 5919")]
    [InlineData("khan 14/02/2016")]
    public async Task Search_FindsAChildHoweverTheyAreTyped(string query)
    {
        var client = await app.As(Roles.MashWorker);

        var page = await Forms.GetDocumentAsync(client, "/people?q=" + Uri.EscapeDataString(query));

        Assert.Contains(page.QuerySelectorAll("table a"), a => a.TextContent == "Aisha Khan");
        Assert.Empty(Forms.Errors(page));
    }

    [Fact]
    public async Task Search_ASecondPageOfResults_IsNotAnError()
    {
        var client = await app.As(Roles.MashWorker);

        var page = await Forms.GetDocumentAsync(client, "/people?q=khan&p=2");

        Assert.Empty(Forms.Errors(page));
        Assert.Equal("Find a person", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Search_NeverShowsARestrictedRecordToSomeoneNotNamedOnIt()
    {
        var worker = await app.As(Roles.SocialWorker);
        var owner = await app.As(Roles.TeamManager);

        var workerSees = await Forms.GetDocumentAsync(worker, "/people?q=Rowan+Hidden");
        var ownerSees = await Forms.GetDocumentAsync(owner, "/people?q=Rowan+Hidden");

        Assert.DoesNotContain(workerSees.QuerySelectorAll("table a"), a => a.TextContent == "Rowan Hidden");
        Assert.Equal("No one found", workerSees.QuerySelector("#results-heading")!.TextContent);
        Assert.Contains(ownerSees.QuerySelectorAll("table a"), a => a.TextContent == "Rowan Hidden");
    }

    [Fact]
    public async Task Record_ShowsFamilyHouseholdAndChronology()
    {
        var client = await app.As(Roles.SocialWorker);

        var page = await Forms.GetDocumentAsync(client, $"/people/{app.Borough.Aisha}");

        Assert.Equal("Aisha Khan", page.QuerySelector("h1")!.TextContent.Trim());
        var text = page.Body!.TextContent;
        Assert.Contains("Samina Khan", text, StringComparison.Ordinal);
        Assert.Contains("parent (parental responsibility)", text, StringComparison.Ordinal);
        Assert.Contains("Also living at 14 Larkspur Road", text, StringComparison.Ordinal);
        Assert.Contains("Relationship added", page.QuerySelector(".app-timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("943 476 5919", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_AViewIsInTheAccessHistoryWithWhoAndWhen()
    {
        var worker = await app.As(Roles.EarlyHelpWorker);
        var manager = await app.As(Roles.TeamManager);
        await worker.GetAsync($"/people/{app.Borough.Yusuf}");
        await app.FlushAccessLogAsync();

        var history = await Forms.GetDocumentAsync(manager, $"/people/{app.Borough.Yusuf}/access-history");

        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Test Early help worker", StringComparison.Ordinal) && r.Contains("Viewed", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Added", StringComparison.Ordinal) && r.Contains("Test Social worker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BreakGlass_OpensARestrictedRecordWithAReasonAndTellsItsOwner()
    {
        var serviceManager = await app.As(Roles.ServiceManager);
        var owner = await app.As(Roles.TeamManager);
        Assert.Equal(HttpStatusCode.NotFound, (await serviceManager.GetAsync($"/people/{app.Borough.Restricted}")).StatusCode);
        var number = await Task.Run(() => { using var db = app.OpenDb(); return db.People.Single(p => p.Id == app.Borough.Restricted).Number; });

        var tooShort = await Forms.ParseAsync(await Forms.PostAsync(serviceManager, "/people/break-glass", new() { ["SafeguardId"] = $"SG-{number}", ["Reason"] = "urgent" }));
        Assert.Contains("Enter why you need to see this record (at least 10 characters)", Forms.Errors(tooShort));

        var opened = await Forms.PostAsync(serviceManager, "/people/break-glass",
            new() { ["SafeguardId"] = $"SG-{number}", ["Reason"] = "Police called out of hours about the child" });

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await serviceManager.GetAsync($"/people/{app.Borough.Restricted}")).StatusCode);
        var home = await Forms.GetDocumentAsync(owner, "/");
        Assert.Contains("Test Service manager opened a record you restricted", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Police called out of hours about the child", home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakGlass_ForARecordThatIsNotRestricted_RevealsNothing()
    {
        var serviceManager = await app.As(Roles.ServiceManager);

        var page = await Forms.ParseAsync(await Forms.PostAsync(serviceManager, "/people/break-glass",
            new() { ["SafeguardId"] = "SG-9999999", ["Reason"] = "Checking whether this record exists" }));

        Assert.Contains("There is no restricted record with that Safeguard ID: use Find a person for other records", Forms.Errors(page));
    }
}
