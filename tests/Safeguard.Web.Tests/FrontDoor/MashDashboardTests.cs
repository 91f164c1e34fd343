using System.Net;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class MashDashboardTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static AngleSharp.Dom.IElement Row(AngleSharp.Html.Dom.IHtmlDocument page, string reference) =>
        page.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("td a")?.TextContent == reference);

    [Fact]
    public async Task Get_ListsEachOpenCase_WithItsRatingAndTimeLeft_AndABreachedOneAsOverdue()
    {
        var rated = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, rated.CaseId, Rag.Amber);
        var late = await MashCases.CreateAsync(app, receivedAtUtc: DateTime.UtcNow.AddDays(-2));
        var client = await app.As(Roles.MashWorker);

        var page = await Forms.GetDocumentAsync(client, "/mash");

        var ratedRow = Row(page, rated.Reference);
        Assert.Contains("Amber", ratedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("left", ratedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(rated.Names[0], ratedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Test MASH worker", ratedRow.TextContent, StringComparison.Ordinal);
        var lateRow = Row(page, late.Reference);
        Assert.Contains("Not yet rated", lateRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting for a worker", lateRow.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Overdue by", lateRow.QuerySelector(".govuk-tag--red")!.TextContent, StringComparison.Ordinal);
        // The counts: the unrated case is open and breached.
        var unrated = page.QuerySelectorAll(".app-mash-counts tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == "Not yet rated");
        Assert.NotEqual("0", unrated.QuerySelectorAll("td")[1].TextContent.Trim());
    }

    [Theory]
    [InlineData("breached", false, true)]
    [InlineData("waiting", false, true)]
    [InlineData("mine", true, false)]
    [InlineData("all", true, true)]
    public async Task Get_Filtered_ShowsOnlyThoseCases(string show, bool ratedShown, bool lateShown)
    {
        var rated = await MashCases.CreateAsync(app);
        await MashCases.RateAsync(app, rated.CaseId, Rag.Green);   // the worker who rates it takes it
        var late = await MashCases.CreateAsync(app, receivedAtUtc: DateTime.UtcNow.AddDays(-2));
        var client = await app.As(Roles.MashWorker);

        var text = (await Forms.GetDocumentAsync(client, $"/mash?show={show}")).QuerySelector("main")!.TextContent;

        Assert.Equal(ratedShown, text.Contains(rated.Reference, StringComparison.Ordinal));
        Assert.Equal(lateShown, text.Contains(late.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ACaseThatDoesNotExist_IsNotFound()
    {
        var client = await app.As(Roles.MashManager);

        var response = await client.GetAsync("/mash/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
