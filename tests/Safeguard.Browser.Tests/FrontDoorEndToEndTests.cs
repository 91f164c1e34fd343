using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Access;
using Safeguard.Core.People;

namespace Safeguard.Browser.Tests;

/// <summary>
/// The whole front-door journey, every page checked by axe-core: a contact about two siblings into the
/// MASH; rated and re-rated; two agencies asked; the police answer; the manager decides; the decision is on both
/// children's chronologies and the work has left everyone's "My work".
/// </summary>
public class FrontDoorEndToEndTests(BrowserApp app)
{
    [Fact]
    public async Task AContactAboutTwoSiblings_ThroughTheMash_ToAStrategyDiscussion()
    {
        // Two siblings of their own, so no other test's children are referred.
        Guid lily, noah;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
            var socialWorker = app.Borough.Users[Roles.SocialWorker].Actor;
            var home = new NewAddress("3 Tanner's Row", null, "Northmoor", "ZZ4 2QP", new DateOnly(2021, 9, 1));
            lily = (await people.AddAsync(socialWorker, new PersonDetails { FirstName = "Lily", LastName = "Ashworth", DateOfBirth = new DateOnly(2015, 6, 11), Sex = "F", Ethnicity = "WBRI" }, home)).Id;
            noah = (await people.AddAsync(socialWorker, new PersonDetails { FirstName = "Noah", LastName = "Ashworth", DateOfBirth = new DateOnly(2019, 2, 27), Sex = "M", Ethnicity = "WBRI" }, home)).Id;
            await people.AddRelationshipAsync(socialWorker, lily, noah, RelationshipType.SiblingOf, false, null);
        }

        // The contact service records one contact about both, from Lily's record, and sends it to the MASH.
        var screener = await app.NewPageAsync();
        await app.SignInAsync(screener, Roles.ContactServiceWorker);
        await screener.GotoAsync($"/people/{lily}");
        await screener.GetByRole(AriaRole.Link, new() { Name = "Record a contact about this child" }).ClickAsync();
        await screener.GetByLabel("Noah Ashworth").CheckAsync();
        await screener.GetByLabel("Who made the contact", new() { Exact = true }).SelectOptionAsync("6");
        await screener.GetByLabel("Their agency (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Test Police" });
        await screener.GetByLabel("Police notification").CheckAsync();
        await screener.GetByLabel("Their name").FillAsync("PC Daley");
        await screener.GetByLabel("The concerns").FillAsync("Domestic abuse call-out overnight; both children were in the house.");
        await screener.GetByLabel("Not sought: seeking it would put the child at risk").CheckAsync();
        await screener.GetByLabel("Why seeking consent would put the child at risk").FillAsync("Telling the father could put the mother and children at risk.");
        await screener.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();
        await Assertions.Expect(screener.Locator(".govuk-summary-card__title")).ToHaveTextAsync(["Lily Ashworth", "Noah Ashworth"]);
        var reference = (await screener.Locator("h1").InnerTextAsync()).Split(' ').First(w => w.StartsWith("C-", StringComparison.Ordinal));
        await screener.GetByRole(AriaRole.Button, new() { Name = "Screen this contact" }).ClickAsync();
        await screener.GetByLabel("Into the MASH for multi-agency checks").CheckAsync();
        await screener.GetByLabel("Reason for the decision").FillAsync("Domestic abuse with children present: police, health and school checks needed.");
        await screener.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await BrowserApp.CheckAsync(screener, "fd-01-screened-into-the-mash");

        // A MASH worker takes it, rates it amber, then re-rates it red with the reason, and asks two agencies.
        var worker = await app.NewPageAsync();
        await app.SignInAsync(worker, Roles.MashWorker);
        await worker.GotoAsync("/mash");
        await worker.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Take this case" }).ClickAsync();
        await worker.GetByRole(AriaRole.Link, new() { Name = "RAG-rate this case" }).ClickAsync();
        await worker.GetByLabel("Amber").CheckAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Rate the case" }).ClickAsync();
        await worker.GetByRole(AriaRole.Link, new() { Name = "Re-rate this case" }).ClickAsync();
        await worker.GetByLabel("Red", new() { Exact = true }).CheckAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Re-rate the case" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("reason");   // a re-rating needs its reason
        await worker.GetByLabel("Reason for re-rating").FillAsync("The school says Noah has a bruise on his cheek.");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Re-rate the case" }).ClickAsync();
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Initial — never changed");
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("The school says Noah has a bruise on his cheek.");
        foreach (var agency in new[] { "Police: Test Police", "Health: Test Health Trust" })
        {
            await worker.GetByRole(AriaRole.Link, new() { Name = "Ask an agency for information" }).ClickAsync();
            await worker.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Label = agency });
            await worker.GetByLabel("What do you want to know?").FillAsync("What do you know about this family?");
            await worker.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        }
        await BrowserApp.CheckAsync(worker, "fd-02-mash-case-rated-and-asked");

        // The police answer their request.
        var police = await app.NewPageAsync();
        await app.SignInAsync(police, Roles.PartnerAgencyUser);
        await police.GotoAsync("/partner");
        await police.GetByRole(AriaRole.Link, new() { Name = $"Contact {reference}" }).ClickAsync();
        await police.GetByLabel("What your agency knows about the children").FillAsync("Three call-outs this year; father on bail for assault.");
        await police.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("has been sent to the MASH");

        // The manager decides: a strategy discussion.
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, Roles.MashManager);
        await manager.GotoAsync("/mash");
        await manager.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(manager.Locator("main")).ToContainTextAsync("Three call-outs this year");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Decide this case" }).ClickAsync();
        await manager.GetByLabel("Strategy discussion (the child may be suffering significant harm)").CheckAsync();
        await manager.Locator("#StrategyTeamId").SelectOptionAsync(new SelectOptionValue { Label = "Assessment team 1" });
        await manager.Locator("#StrategyNeed").SelectOptionAsync("N1");
        await manager.GetByLabel("Rationale").FillAsync("Injury to a young child with domestic abuse and police history: significant harm is likely.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await BrowserApp.CheckAsync(manager, "fd-03-decided");

        // On both children's chronologies...
        foreach (var child in new[] { lily, noah })
        {
            await manager.GotoAsync($"/people/{child}");
            await Assertions.Expect(manager.Locator(".app-timeline")).ToContainTextAsync($"MASH decision on contact {reference}: Strategy discussion");
        }
        await BrowserApp.CheckAsync(manager, "fd-04-chronology");

        // ...and out of everyone's "My work".
        foreach (var page in new[] { worker, manager, police })
        {
            await page.GotoAsync("/");
            var work = page.Locator("main");
            await Assertions.Expect(work).Not.ToContainTextAsync($"MASH case for contact {reference}");
            await Assertions.Expect(work).Not.ToContainTextAsync($"MASH decision on contact {reference}");
            await Assertions.Expect(work).Not.ToContainTextAsync($"request {reference}");
        }
        await BrowserApp.CheckAsync(manager, "fd-05-my-work-after");
    }
}
