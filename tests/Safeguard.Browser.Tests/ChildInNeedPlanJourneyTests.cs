using Microsoft.Playwright;
using Safeguard.Core.Access;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>
/// A child in need plan written after the authorised assessment (and not offered before it, with the reason),
/// refused an "ongoing" date beside the field, put right, sent and authorised, in a real Chromium with every page
/// checked by axe-core; the case page then shows the first review due.
/// </summary>
public class ChildInNeedPlanJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Worker_WritesAPlan_OngoingIsRefusedBesideTheField_ManagerAuthorises_CasePageShowsTheReview()
    {
        var child = await ReferredAsync(app, "Theo", "Marchetti", daysAgo: 20);
        var start = Today.AddDays(-3);
        var worker = await app.PageAsAsync(Roles.SocialWorker);

        // While the assessment waits for the manager, the case page says why there is no plan to write yet.
        var assessment = await AssessAsync(app, child, authorise: false);
        await worker.GotoAsync($"/people/{child}/case");
        await Assertions.Expect(worker.Locator("#plan-why-not")).ToContainTextAsync("the assessment for this referral has not been authorised yet");
        await Assertions.Expect(worker.GetByRole(AriaRole.Link, new() { Name = "Write a child in need plan" })).ToHaveCountAsync(0);
        await BrowserApp.CheckAsync(worker, "plan-00-not-yet");
        await AuthoriseAsync(app, assessment);

        await worker.GotoAsync($"/people/{child}/case");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Write a child in need plan" }).First.ClickAsync();   // the panel's button (also in "On this case")
        await worker.FillDateAsync("StartDate", start);
        await worker.GetByLabel("The plan's aims").FillAsync("Theo is at school on time every day, fed, and his mother has help with her tenancy.");
        await BrowserApp.CheckAsync(worker, "plan-01-new");
        await worker.ClickButtonAsync("Start the plan");
        await Assertions.Expect(worker.Locator("h1")).ToContainTextAsync("Child in need plan");

        // An action "ongoing": refused beside its date, with everything typed still there.
        await worker.GetByLabel("What will be done").FillAsync("Walk Theo to school on the days mother works early");
        await worker.GetByLabel("Who will do it: a member of the team").SelectOptionAsync(app.Borough.Users[Roles.SocialWorker].Id);
        await worker.FillDateAsync("Actions[0].Due", "ongoing", "", "");
        await worker.ClickButtonAsync("Save the actions");
        var dueBox = worker.Locator("fieldset:has(input[name='Actions[0].Due.Day']) .govuk-error-message").First;
        await Assertions.Expect(dueBox).ToContainTextAsync("ongoing");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("ongoing");
        await Assertions.Expect(worker.GetByLabel("What will be done")).ToHaveValueAsync("Walk Theo to school on the days mother works early");
        await BrowserApp.CheckAsync(worker, "plan-02-ongoing-refused");

        // Put right with a real date; another action for his mother; both saved at once.
        await worker.FillDateAsync("Actions[0].Due", Today.AddDays(30));
        await worker.ClickButtonAsync("Add another action");
        await Assertions.Expect(worker.Locator("input[name='Actions[0].Due.Day']")).ToHaveValueAsync(Today.AddDays(30).Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await worker.Locator("textarea[name='Actions[1].Text']").FillAsync("Ask the housing officer about the rent arrears");
        await worker.Locator("input[name='Actions[1].OwnerName']").FillAsync("Mother");
        await worker.FillDateAsync("Actions[1].Due", Today.AddDays(14));
        await BrowserApp.CheckAsync(worker, "plan-03-two-actions");
        await worker.ClickButtonAsync("Save the actions");
        var actions = worker.Locator("#Actions + table");
        await Assertions.Expect(actions).ToContainTextAsync("Walk Theo to school");
        await Assertions.Expect(actions).ToContainTextAsync(Shown(Today.AddDays(30)));
        await Assertions.Expect(actions).ToContainTextAsync("Mother");
        await worker.ClickButtonAsync("Send the plan to your manager");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("The plan is with a manager for authorisation");
        await BrowserApp.CheckAsync(worker, "plan-04-sent");

        // The manager authorises it from My work.
        var manager = await app.PageAsAsync(Roles.TeamManager);
        await manager.GotoAsync("/");
        await manager.ClickLinkAsync("Authorise Theo Marchetti's child in need plan");
        await BrowserApp.CheckAsync(manager, "plan-05-authorise");
        await manager.ChooseAsync("Decision", "approve");
        await manager.GetByLabel("Your reasons").FillAsync("Clear actions with real dates; mother agreed them at the meeting.");
        await manager.ClickButtonAsync("Save the decision");
        await Assertions.Expect(manager.Locator("h1")).ToContainTextAsync("Active");

        // The case page: the plan is active and its first review is due three months from its start.
        await manager.GotoAsync($"/people/{child}/case");
        var review = start.AddMonths(3);
        await Assertions.Expect(manager.Locator("#plan + dl")).ToContainTextAsync($"Due by {Shown(review)}");
        await BrowserApp.CheckAsync(manager, "plan-06-case-after");
    }
}
