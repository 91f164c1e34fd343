using Microsoft.Playwright;
using Safeguard.Core.Access;

namespace Safeguard.Browser.Tests;

/// <summary>The platform's main journeys in a real Chromium, each page checked by axe-core.</summary>
public class JourneyTests(BrowserApp app)
{
    [Fact]
    public async Task SocialWorker_FindsAChild_MeetsAPossibleDuplicate_AddsAChildWithAFamily_AndManagerSeesWhoLooked()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await BrowserApp.CheckAsync(page, "01-sign-in");
        await app.SignInAsync(page, Roles.SocialWorker);
        await BrowserApp.CheckAsync(page, "02-my-work");

        // Search tolerates spelling and order.
        await page.GetByLabel("Find a person").FillAsync("Kahn Ayesha");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aisha Khan" })).ToBeVisibleAsync();
        await BrowserApp.CheckAsync(page, "03-search");

        // Adding someone very like Aisha shows her as a possible duplicate first.
        await page.GotoAsync("/people/add");
        await page.GetByLabel("First name").FillAsync("Aysha");
        await page.GetByLabel("Last name").FillAsync("Khan");
        await page.GetByLabel("Day").First.FillAsync("14");
        await page.GetByLabel("Month").First.FillAsync("2");
        await page.GetByLabel("Year").First.FillAsync("2016");
        await page.GetByLabel("Female").CheckAsync();
        await page.GetByLabel("Ethnicity").SelectOptionAsync("APKN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("#possible-duplicates")).ToContainTextAsync("Aisha Khan");
        await BrowserApp.CheckAsync(page, "04-possible-duplicate");

        // It is a different child (a cousin): confirm and add, with an address.
        await page.GetByLabel("Address line 1").FillAsync("22 Quarry Lane");
        await page.GetByLabel("Town or city").FillAsync("Northmoor");
        await page.GetByLabel("Postcode").FillAsync("ZZ3 9LT");
        await page.GetByLabel("I have checked the possible duplicates").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add as a new person" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aysha Khan", Level = 1 })).ToBeVisibleAsync();
        var childUrl = page.Url;

        // Add her mother as a new family member, living at the same address.
        await page.GetByRole(AriaRole.Link, new() { Name = "add a new family member" }).ClickAsync();
        await page.GetByLabel("Parent", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("First name").FillAsync("Nadia");
        await page.GetByLabel("Last name").FillAsync("Khan");
        await page.GetByLabel("Female").CheckAsync();
        await page.GetByLabel("Ethnicity").SelectOptionAsync("APKN");
        await BrowserApp.CheckAsync(page, "05-add-family-member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        if (await page.Locator("#possible-duplicates").CountAsync() > 0)
        {
            await page.GetByLabel("I have checked the possible duplicates").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add as a new person" }).ClickAsync();
        }
        await page.WaitForURLAsync(childUrl);
        await Assertions.Expect(page.Locator("table").GetByRole(AriaRole.Link, new() { Name = "Nadia Khan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".app-timeline")).ToContainTextAsync("Relationship added");
        await BrowserApp.CheckAsync(page, "06-child-record");

        // The team manager sees who has looked at the record.
        var manager = await app.NewPageAsync();
        await app.SignInAsync(manager, Roles.TeamManager);
        await Task.Delay(300);   // views are written in the background
        await manager.GotoAsync(childUrl + "/access-history");
        await Assertions.Expect(manager.Locator("tbody")).ToContainTextAsync("Test Social worker");
        await BrowserApp.CheckAsync(manager, "07-access-history");

        // And their team's caseloads, from My work.
        await manager.GotoAsync("/");
        await manager.GetByRole(AriaRole.Link, new() { Name = "See the team's children and who holds them" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Caseloads" })).ToBeVisibleAsync();
        await BrowserApp.CheckAsync(manager, "08-team-caseloads");
    }

    [Fact]
    public async Task SocialWorker_IsRefusedARestrictedRecord_AndAnAdministratorsPage()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Roles.SocialWorker);

        var restricted = await page.GotoAsync($"/people/{app.Borough.Restricted}");
        Assert.Equal(404, restricted!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await BrowserApp.CheckAsync(page, "09-restricted-not-found");

        var admin = await page.GotoAsync("/admin/users");
        Assert.Equal(403, admin!.Status);
        await BrowserApp.CheckAsync(page, "10-forbidden");
    }

    [Fact]
    public async Task Administrator_ManagesUsers()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Roles.Administrator);
        await page.GotoAsync("/admin/users");
        await BrowserApp.CheckAsync(page, "11-users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Priya Raman");
        await page.GetByLabel("Email address").FillAsync("priya.raman@test.example");
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Child in need team 1" });
        await page.GetByLabel("Social worker").CheckAsync();
        await page.GetByLabel("First password").FillAsync("a-long-first-password");
        await BrowserApp.CheckAsync(page, "12-add-user");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Priya Raman" })).ToBeVisibleAsync();
    }
}
