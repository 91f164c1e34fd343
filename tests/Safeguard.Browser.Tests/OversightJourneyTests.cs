using Microsoft.Playwright;
using Safeguard.Core.Access;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>A manager's oversight sets the worker an action, which the worker finds on My work and completes: in a real Chromium, axe-core on every page.</summary>
public class OversightJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Manager_RecordsOversightWithAnAction_WorkerCompletesItFromMyWork()
    {
        var child = await ReferredAsync(app, "Idris", "Pennington", daysAgo: 15);
        var due = Today.AddDays(7);
        var manager = await app.PageAsAsync(Roles.TeamManager);

        await manager.GotoAsync($"/people/{child}/case");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Record management oversight" }).First.ClickAsync();   // the panel's button (also in "On this case")
        await manager.GetByLabel("Your decision or direction").FillAsync("Complete the assessment; see Idris alone at school before the next visit.");
        await manager.GetByLabel("Why", new() { Exact = true }).FillAsync("He has not yet been seen alone and the school reports he is withdrawn.");
        await manager.GetByLabel("Action 1").FillAsync("See Idris alone at school");
        await manager.Locator("select[name='Actions[0].OwnerId']").SelectOptionAsync(app.Borough.Users[Roles.SocialWorker].Id);
        await manager.FillDateAsync("Actions[0].Due", due);
        await BrowserApp.CheckAsync(manager, "oversight-01-record");
        await manager.ClickButtonAsync("Record the oversight");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("See Idris alone at school");
        await BrowserApp.CheckAsync(manager, "oversight-02-recorded");

        // The worker finds it on My work, opens it and marks it done.
        var worker = await app.PageAsAsync(Roles.SocialWorker);
        await worker.GotoAsync("/");
        var row = worker.Locator("[data-testid=my-work] tr", new() { HasText = "in oversight of Idris Pennington" });
        await Assertions.Expect(row).ToContainTextAsync("See Idris alone at school");
        await BrowserApp.CheckAsync(worker, "oversight-03-my-work");
        await row.GetByRole(AriaRole.Link, new() { Name = "See Idris alone at school" }).ClickAsync();
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync(Shown(due));
        await BrowserApp.CheckAsync(worker, "oversight-04-action");
        await worker.GetByLabel("What was done").FillAsync("Saw Idris alone in the school's quiet room; he talked about his dad leaving.");
        await worker.ClickButtonAsync("Mark as done");
        await Assertions.Expect(worker.Locator("main dl")).ToContainTextAsync($"{Shown(Today)} by Test Social worker");
        await BrowserApp.CheckAsync(worker, "oversight-05-done");

        await worker.GotoAsync("/");
        await Assertions.Expect(worker.Locator("main")).Not.ToContainTextAsync("in oversight of Idris Pennington");
    }
}
