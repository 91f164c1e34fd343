using Microsoft.Playwright;
using Safeguard.Core.Access;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>
/// A step down to early help for one child and a closure (RC7) for another, proposed by the worker and signed off by
/// the manager in a real Chromium, every page checked by axe-core; each case page then shows the closed episode, and
/// the closed case offers no visit or oversight.
/// </summary>
public class ClosureJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Worker_ProposesAStepDownAndAClosure_ManagerSignsBothOff()
    {
        var ruby = await ReferredAsync(app, "Ruby", "Okonjo", daysAgo: 40);
        var felix = await ReferredAsync(app, "Felix", "Brandt", daysAgo: 40);
        var worker = await app.PageAsAsync(Roles.SocialWorker);

        // Ruby: a step down to early help.
        await worker.GotoAsync($"/people/{ruby}/case");
        await worker.ClickLinkAsync("Propose closing the case or stepping it down to early help");
        await worker.ChooseAsync("Kind", "StepDownToEarlyHelp");
        await worker.ChooseAsync("EarlyHelpTeamId", app.Borough.EarlyHelpTeamId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await worker.GetByLabel("Your reasons").FillAsync("Mother is engaging; the family hub can support the routines that are working now.");
        await BrowserApp.CheckAsync(worker, "closure-01-propose-step-down");
        await worker.ClickButtonAsync("Send to the manager to sign off");
        await Assertions.Expect(worker.Locator("#closure ~ .govuk-inset-text").First).ToContainTextAsync("Waiting for sign-off");
        await BrowserApp.CheckAsync(worker, "closure-02-waiting");

        // Felix: closed, services ceased (RC7).
        await worker.GotoAsync($"/people/{felix}/case");
        await worker.ClickLinkAsync("Propose closing the case or stepping it down to early help");
        await worker.ChooseAsync("Kind", "Close");
        await worker.ChooseAsync("ReasonCode", "RC7");
        await worker.GetByLabel("Your reasons").FillAsync("Felix's needs are met: his father's new job means he is home in the evenings.");
        await BrowserApp.CheckAsync(worker, "closure-03-propose-close");
        await worker.ClickButtonAsync("Send to the manager to sign off");

        // The manager signs both off from My work.
        var manager = await app.PageAsAsync(Roles.TeamManager);
        foreach (var (link, shot) in new[] { ("Sign off stepping Ruby Okonjo down to early help", "closure-04-sign-off-step-down"), ("Sign off closing Felix Brandt's case", "closure-05-sign-off-close") })
        {
            await manager.GotoAsync("/");
            await manager.ClickLinkAsync(link);
            await BrowserApp.CheckAsync(manager, shot);
            await manager.ChooseAsync("Decision", "approve");
            await manager.GetByLabel("Your reasons").FillAsync("Agreed: the plan's aims are met and the family knows how to ask for help.");
            await manager.ClickButtonAsync("Record the decision");
        }

        // Each case page shows the closed episode, closed today.
        await Assertions.Expect(manager.Locator("table", new() { HasText = "Past closures" })).ToContainTextAsync("RC7");
        await Assertions.Expect(manager.Locator("table", new() { HasText = "Past closures" })).ToContainTextAsync(Shown(Today));
        // Felix's case is closed: it says so, and offers no visit or oversight.
        await Assertions.Expect(manager.Locator("#case-closed")).ToContainTextAsync($"Felix's case closed on {Shown(Today)}: RC7");
        await Assertions.Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Record management oversight" })).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Record a visit" })).ToHaveCountAsync(0);
        await BrowserApp.CheckAsync(manager, "closure-06-case-closed");
        await manager.GotoAsync($"/people/{ruby}/case");
        await Assertions.Expect(manager.Locator("table", new() { HasText = "Past closures" })).ToContainTextAsync("Stepped down to early help");
        // Ruby's case is open to early help, so it is not closed.
        await Assertions.Expect(manager.Locator("#case-closed")).ToHaveCountAsync(0);
        await BrowserApp.CheckAsync(manager, "closure-07-case-stepped-down");
    }
}
