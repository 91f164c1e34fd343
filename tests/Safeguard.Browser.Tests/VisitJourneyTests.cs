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
        // Each reason is asked for only under its "No".
        var notSeen = worker.GetByLabel("Why the child was not seen", new() { Exact = true });
        var notAlone = worker.GetByLabel("Why the child was not seen alone", new() { Exact = true });
        await Assertions.Expect(notSeen).ToBeHiddenAsync();
        await Assertions.Expect(notAlone).ToBeHiddenAsync();
        await worker.ChooseAsync("Input.ChildSeen", "no");
        await Assertions.Expect(notSeen).ToBeVisibleAsync();
        await BrowserApp.CheckAsync(worker, "visit-01-not-seen");
        await worker.ChooseAsync("Input.ChildSeen", "yes");
        await Assertions.Expect(notSeen).ToBeHiddenAsync();
        await worker.ChooseAsync("Input.ChildSeenAlone", "no");
        await Assertions.Expect(notAlone).ToBeVisibleAsync();
        await notAlone.FillAsync("Poppy would not leave her mother's side");
        await BrowserApp.CheckAsync(worker, "visit-02-not-seen-alone");
        // She was seen alone after all: the hidden reason is not kept.
        await worker.ChooseAsync("Input.ChildSeenAlone", "yes");
        await Assertions.Expect(notAlone).ToBeHiddenAsync();
        await worker.ChooseAsync("Input.Location", "Home");
        await worker.GetByLabel("What you observed").FillAsync("Poppy showed me her room; clean and warm. She talked about her new friend at school.");
        await BrowserApp.CheckAsync(worker, "visit-03-record");
        await worker.ClickButtonAsync("Save the visit");

        // Back on the case: the visit is listed and the next is due four weeks after Poppy was seen.
        var panel = worker.Locator("#visits + dl");
        await Assertions.Expect(panel).ToContainTextAsync(Shown(visited.AddDays(28)));
        await Assertions.Expect(worker.Locator("table", new() { HasText = "Recent visits" })).ToContainTextAsync("Seen alone");
        await BrowserApp.CheckAsync(worker, "visit-04-case-after");
    }
}
