using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Browser.Tests;

/// <summary>The MASH's journey in a real Chromium, each page checked by axe-core: rate, ask the police, the police answer, decide.</summary>
public class MashJourneyTests(BrowserApp app)
{
    /// <summary>A contact about two children of their own (so no other test's children get a referral), screened into the MASH.</summary>
    private async Task<string> ContactInTheMashAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var people = sp.GetRequiredService<PeopleService>();
        var worker = app.Borough.Users[Roles.SocialWorker].Actor;
        var home = new NewAddress("7 Weir Street", null, "Northmoor", "ZZ2 5HB", new DateOnly(2022, 3, 1));
        var ella = await people.AddAsync(worker, new PersonDetails { FirstName = "Ella", LastName = "Brennan", DateOfBirth = new DateOnly(2014, 4, 2), Sex = "F", Ethnicity = "WIRI" }, home);
        var finn = await people.AddAsync(worker, new PersonDetails { FirstName = "Finn", LastName = "Brennan", DateOfBirth = new DateOnly(2017, 8, 19), Sex = "M", Ethnicity = "WIRI" }, home);
        var contacts = sp.GetRequiredService<ContactService>();
        var screener = app.Borough.Users[Roles.ContactServiceWorker].Actor;
        var contact = await contacts.RecordAsync(screener, new NewContact
        {
            ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-30), Method = ContactMethod.Email, SourceCode = "2A", ReferrerName = "Ms Patel",
            ReferrerRole = "Designated safeguarding lead", ChildIds = [ella.Id, finn.Id], Consent = Consent.Given,
            Concerns = "Ella came to school with a burn on her arm and would not say how it happened.",
        });
        await contacts.ScreenAsync(screener, contact.Id, contact.Version, new ContactService.Screening(ScreeningOutcome.Mash, "Needs police and health checks"));
        return contact.Reference;
    }

    [Fact]
    public async Task MashManager_RatesAsksThePolice_ThePoliceAnswer_AndTheManagerDecides()
    {
        var reference = await ContactInTheMashAsync();
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, Roles.MashManager);

        await manager.GetByRole(AriaRole.Link, new() { Name = "MASH", Exact = true }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Link, new() { Name = reference })).ToBeVisibleAsync();
        await BrowserApp.CheckAsync(manager, "mash-01-dashboard");

        await manager.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await BrowserApp.CheckAsync(manager, "mash-02-case");
        await manager.GetByRole(AriaRole.Link, new() { Name = "RAG-rate this case" }).ClickAsync();
        await manager.GetByLabel("Amber").CheckAsync();
        await BrowserApp.CheckAsync(manager, "mash-03-rate");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Rate the case" }).ClickAsync();
        await Assertions.Expect(manager.Locator("table").First).ToContainTextAsync("Initial — never changed");

        await manager.GetByRole(AriaRole.Link, new() { Name = "Ask an agency for information" }).ClickAsync();
        await manager.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Label = "Police: Test Police" });
        await manager.GetByLabel("What do you want to know?").FillAsync("Any incidents at 7 Weir Street?");
        await BrowserApp.CheckAsync(manager, "mash-04-ask");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("Request sent to Test Police");

        // The police partner finds it first in their navigation, and answers.
        var partner = await app.NewPageAsync();
        await app.SignInAsync(partner, Roles.PartnerAgencyUser);
        await partner.GetByRole(AriaRole.Link, new() { Name = "Requests", Exact = true }).ClickAsync();
        await BrowserApp.CheckAsync(partner, "mash-05-partner-requests");
        await partner.GetByRole(AriaRole.Link, new() { Name = $"Contact {reference}" }).ClickAsync();
        await Assertions.Expect(partner.Locator("table")).ToContainTextAsync("Ella Brennan");
        await partner.GetByLabel("What your agency knows about the children").FillAsync("One call-out in March: a neighbour reported shouting.");
        await BrowserApp.CheckAsync(partner, "mash-06-partner-answer");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(partner.Locator(".govuk-notification-banner")).ToContainTextAsync("has been sent to the MASH");
        await partner.GotoAsync("/partner/contacts/new");
        await BrowserApp.CheckAsync(partner, "mash-07-partner-contact");

        // The manager decides: choosing an assessment reveals the team and the primary need (GOV.UK Frontend's script).
        await manager.ReloadAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Answered on time");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Decide this case" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#AssessmentTeamId")).ToBeHiddenAsync();
        await manager.GetByLabel("Social care assessment").CheckAsync();
        await Assertions.Expect(manager.Locator("#AssessmentTeamId")).ToBeVisibleAsync();
        await manager.Locator("#AssessmentTeamId").SelectOptionAsync(new SelectOptionValue { Label = "Assessment team 1" });
        await manager.Locator("#AssessmentNeed").SelectOptionAsync("N1");
        await manager.GetByLabel("Rationale").FillAsync("An unexplained burn and a police call-out: the children need an assessment.");
        await BrowserApp.CheckAsync(manager, "mash-08-decide");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-summary-list").First).ToContainTextAsync("Assessment team 1");
        await BrowserApp.CheckAsync(manager, "mash-09-decided");
    }
}
