using Microsoft.Playwright;
using Safeguard.Core.Access;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>The service manager's view of what is late in every team, and a team's list, in a real Chromium with axe-core; and the printed chronology.</summary>
public class OverviewJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task ServiceManager_SeesWhatIsLateByTeam_AndOpensATeamsList()
    {
        // A child referred 70 days ago is open to the team and has had no visit or oversight.
        var child = await ReferredAsync(app, "Rory", "Late", daysAgo: 70);
        var manager = await app.PageAsAsync(Roles.ServiceManager);

        await manager.GotoAsync("/");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Late work", Exact = true }).First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Social work teams: what is late");
        await BrowserApp.CheckAsync(manager, "overview-01-teams");

        await manager.Locator("[data-testid=overview] tbody tr th a").First.ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("What is late");
        await BrowserApp.CheckAsync(manager, "overview-02-team");

        await manager.GotoAsync($"/people/{child}/chronology");
        await BrowserApp.CheckAsync(manager, "overview-03-chronology");
        await manager.ClickLinkAsync("Print these events");
        await Assertions.Expect(manager.Locator(".app-protective-marking")).ToContainTextAsync("OFFICIAL-SENSITIVE");
        await BrowserApp.CheckAsync(manager, "overview-04-chronology-print");
    }
}
