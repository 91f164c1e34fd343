using Microsoft.Playwright;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>A visit to a child in need recorded in a real Chromium (axe-core on each page); the case page works out the next one.</summary>
public class VisitJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Worker_RecordsAVisit_TheCasePageShowsTheNextVisitDue()
    {
        var child = await ReferredAsync(app, "Poppy", "Gallagher", daysAgo: 30, InvolvementKind.ChildInNeed);
        var visited = Today.AddDays(-1);
        var worker = await app.PageAsAsync(Roles.SocialWorker);

        await worker.GotoAsync($"/people/{child}/case");
        await worker.ClickLinkAsync("Record a visit");
        await worker.FillDateAsync("Input.VisitedOn", visited);
        await worker.ChooseAsync("Input.Announced", "announced");
        await worker.ChooseAsync("Input.ChildSeen", "yes");
        await worker.ChooseAsync("Input.ChildSeenAlone", "yes");
        await worker.ChooseAsync("Input.Location", "Home");
        await worker.GetByLabel("What you observed").FillAsync("Poppy showed me her room; clean and warm. She talked about her new friend at school.");
        await BrowserApp.CheckAsync(worker, "visit-01-record");
        await worker.ClickButtonAsync("Save the visit");

        // Back on the case: the visit is listed and the next is due four weeks after Poppy was seen.
        var panel = worker.Locator("#visits + dl");
        await Assertions.Expect(panel).ToContainTextAsync(Shown(visited.AddDays(28)));
        await Assertions.Expect(worker.Locator("table", new() { HasText = "Recent visits" })).ToContainTextAsync("Seen alone");
        await BrowserApp.CheckAsync(worker, "visit-02-case-after");
    }
}
