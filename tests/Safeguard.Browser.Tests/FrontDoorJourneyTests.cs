using Microsoft.Playwright;
using Safeguard.Core.Access;

namespace Safeguard.Browser.Tests;

/// <summary>The contact service's journey in a real Chromium: the reveals work and every page passes axe-core.</summary>
public class FrontDoorJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task ContactServiceWorker_RecordsAContactAboutTwoSiblings_AndScreensIt()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Roles.ContactServiceWorker);

        // From Aisha's record: she is ticked, and her brother is offered.
        await page.GotoAsync($"/people/{app.Borough.Aisha}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a contact about this child" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Aisha Khan")).ToBeCheckedAsync();
        await page.GetByLabel("Yusuf Khan").CheckAsync();

        // The agency is asked only of a professional, the police's rating only of the police.
        var agency = page.GetByLabel("Their agency (optional)");
        var policeRag = page.GetByLabel("The police's own RAG rating (optional)");
        await Assertions.Expect(agency).ToBeHiddenAsync();
        await page.GetByLabel("Who made the contact", new() { Exact = true }).SelectOptionAsync("6");
        await Assertions.Expect(agency).ToBeVisibleAsync();
        await Assertions.Expect(policeRag).ToBeVisibleAsync();
        await page.GetByLabel("Who made the contact", new() { Exact = true }).SelectOptionAsync("2A");
        await Assertions.Expect(policeRag).ToBeHiddenAsync();
        await agency.SelectOptionAsync(new SelectOptionValue { Label = "Test Primary School" });

        await page.GetByLabel("Phone").CheckAsync();
        await page.GetByLabel("Their name").FillAsync("Ms Teacher");
        await page.GetByLabel("The concerns").FillAsync("Both children have been arriving hungry and unwashed.");
        // Going ahead without consent asks why.
        var reason = page.GetByLabel("Why going ahead without consent safeguards the child");
        await Assertions.Expect(reason).ToBeHiddenAsync();
        await page.GetByLabel("Refused, but going ahead to safeguard the child").CheckAsync();
        await Assertions.Expect(reason).ToBeVisibleAsync();
        await reason.FillAsync("Mother refused; the neglect is getting worse.");
        await BrowserApp.CheckAsync(page, "20-record-a-contact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("recorded");
        await Assertions.Expect(page.Locator(".govuk-summary-card__title")).ToHaveTextAsync(["Aisha Khan", "Yusuf Khan"]);
        await BrowserApp.CheckAsync(page, "21-contact");

        // Screening: a referral reveals its team and need; this one is information and advice.
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen this contact" }).ClickAsync();
        var team = page.GetByLabel("Social work team");
        await Assertions.Expect(team).ToBeHiddenAsync();
        await page.GetByLabel("Referral to children's social care").CheckAsync();
        await Assertions.Expect(team).ToBeVisibleAsync();
        await BrowserApp.CheckAsync(page, "22-screening");
        await page.GetByLabel("Information and advice").CheckAsync();
        await page.GetByLabel("Reason for the decision").FillAsync("School to offer breakfast club; advice given to mother.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Information and advice");

        await page.GotoAsync("/contacts");
        await BrowserApp.CheckAsync(page, "23-contact-queue");
    }
}
