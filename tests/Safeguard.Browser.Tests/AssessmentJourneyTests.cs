using Microsoft.Playwright;
using Safeguard.Core.Access;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>
/// A child and family assessment from start to authorisation in a real Chromium, every page checked by axe-core:
/// started from the child's record, kept as it is typed, saved part-way, sent, sent back with a reason, revised and
/// authorised.
/// </summary>
public class AssessmentJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Worker_WritesAnAssessment_ManagerSendsItBack_WorkerRevises_ManagerAuthorises()
    {
        var child = await ReferredAsync(app, "Maisie", "Thornbury", daysAgo: 10);
        var worker = await app.PageAsAsync(Roles.SocialWorker);

        // From the child's record to the case, and the assessment started today.
        await worker.GotoAsync($"/people/{child}");
        await worker.ClickLinkAsync("Open Maisie's case");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Maisie Thornbury's case");
        await BrowserApp.CheckAsync(worker, "assessment-01-case-before");
        await worker.ClickLinkAsync("Start a child and family assessment");
        await BrowserApp.CheckAsync(worker, "assessment-02-start");
        await worker.ClickButtonAsync("Start the assessment");
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Child and family assessment");

        // Typing part of it: the page keeps it on the server a moment later, and says so.
        var analysis = worker.GetByLabel("Your analysis");
        await analysis.FillAsync("Maisie's mother works nights; Maisie gets herself to school");
        await Assertions.Expect(worker.Locator("[data-autosave-status]")).ToContainTextAsync("Your changes are kept as you type", new() { Timeout = 10_000 });
        await BrowserApp.CheckAsync(worker, "assessment-03-form-autosaved");

        // The browser closes (a reload will do): what was typed comes back, marked as not saved yet.
        await worker.ReloadAsync();
        await Assertions.Expect(worker.Locator("#draft-title")).ToHaveTextAsync("Not saved yet");
        await Assertions.Expect(worker.GetByLabel("Your analysis")).ToHaveValueAsync("Maisie's mother works nights; Maisie gets herself to school");
        await BrowserApp.CheckAsync(worker, "assessment-04-draft-banner");

        // Saved part-way: the banner goes, the text stays.
        await worker.ClickButtonAsync("Save and come back later");
        await Assertions.Expect(worker.Locator("#draft-title")).ToHaveCountAsync(0);
        await Assertions.Expect(worker.GetByLabel("Your analysis")).ToHaveValueAsync("Maisie's mother works nights; Maisie gets herself to school");

        // Later: the rest, and sent to the manager.
        await worker.FillDateAsync("Input.ChildSeenOn", Today.AddDays(-7));
        await worker.FillDateAsync("Input.ChildSeenAloneOn", Today.AddDays(-7));
        await worker.ChooseAsync("Input.FactorCodes", "2B");
        await worker.GetByLabel("Your analysis").FillAsync("Maisie's mother works nights; Maisie gets herself to school and is often hungry.");
        await worker.GetByLabel("The child's views").FillAsync("Maisie says she misses her mum in the mornings.");
        await worker.GetByLabel("The family's views").FillAsync("Mother wants help with childcare so she can keep her job.");
        await worker.ChooseAsync("Input.Outcome", "ChildInNeedPlan");
        await worker.GetByLabel("The child's primary need").SelectOptionAsync("N1");
        await worker.ClickButtonAsync("Send to the manager for authorisation");
        await Assertions.Expect(worker.Locator("#assessments")).ToBeVisibleAsync();
        await Assertions.Expect(worker.Locator("main table").First).ToContainTextAsync("With the manager");

        // The team manager finds it on My work and sends it back, saying why.
        var manager = await app.PageAsAsync(Roles.TeamManager);
        await manager.GotoAsync("/");
        await manager.ClickLinkAsync("Authorise the assessment of Maisie Thornbury");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Authorise the child and family assessment");
        await BrowserApp.CheckAsync(manager, "assessment-05-authorise");
        await manager.ChooseAsync("Decision", "return");
        await manager.GetByLabel("Your reasons").FillAsync("Say what the school and the GP told you before we decide on a plan.");
        await manager.ClickButtonAsync("Record my decision");

        // The worker sees the reason at the top, revises and sends it again.
        await worker.GotoAsync("/");
        await worker.ClickLinkAsync("Revise the assessment of Maisie Thornbury");
        await Assertions.Expect(worker.Locator(".govuk-inset-text").First).ToContainTextAsync("Say what the school and the GP told you before we decide on a plan.");
        await BrowserApp.CheckAsync(worker, "assessment-06-sent-back");
        await worker.GetByLabel("Your analysis").FillAsync("Maisie's mother works nights; Maisie gets herself to school and is often hungry. "
            + "The school says she is late most days; the GP has no concerns about her health.");
        await worker.ClickButtonAsync("Send to the manager for authorisation");

        // The manager authorises it; the case page shows it authorised today.
        await manager.GotoAsync("/");
        await manager.ClickLinkAsync("Authorise the assessment of Maisie Thornbury");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("the GP has no concerns");
        await manager.ChooseAsync("Decision", "authorise");
        await manager.GetByLabel("Your reasons").FillAsync("The analysis now weighs what the school and GP say; a child in need plan is right.");
        await manager.ClickButtonAsync("Record my decision");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Maisie Thornbury's case");
        await Assertions.Expect(manager.Locator("main table").First).ToContainTextAsync($"Authorised {Shown(Today)}");
        await BrowserApp.CheckAsync(manager, "assessment-07-case-after");

        // The assessment keeps both decisions, with who and why.
        await manager.Locator("main table").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Sent back by Test Team manager");
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Authorised by Test Team manager");
        await Assertions.Expect(manager.Locator("main dl").First).ToContainTextAsync($"Child seen{Shown(Today.AddDays(-7))}");
        await BrowserApp.CheckAsync(manager, "assessment-08-authorised");
    }
}
