using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Access;
using Safeguard.Core.People;

namespace Safeguard.Browser.Tests;

/// <summary>A team manager allocates a referral from My work in a real Chromium, each page checked by axe-core.</summary>
public class AllocationJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task TeamManager_AllocatesAReferralFromMyWork_SeeingCaseloads()
    {
        int caseId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var child = await scope.ServiceProvider.GetRequiredService<PeopleService>().AddAsync(app.Borough.Users[Roles.SocialWorker].Actor,
                new PersonDetails { FirstName = "Kemi", LastName = "Adeyemi", DateOfBirth = new DateOnly(2016, 3, 9), Sex = "F", Ethnicity = "BAFR" });
            var db = scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDbContext>();
            var involvement = new Involvement { PersonId = child.Id, Kind = InvolvementKind.Assessment, StartDate = new DateOnly(2026, 11, 20), TeamId = app.Borough.TeamId };
            db.Involvements.Add(involvement);
            await db.SaveChangesAsync();
            caseId = involvement.Id;
        }
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, Roles.TeamManager);

        await page.Locator($"a[href='/cases/{caseId}/allocate']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Allocate Kemi Adeyemi's case");
        await page.GetByLabel("Test Social worker").CheckAsync();
        await page.GetByLabel("Why this worker").FillAsync("Lowest caseload; she knows the school");
        await BrowserApp.CheckAsync(page, "allocation-01-choose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allocate the case" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Kemi Adeyemi's case is allocated to Test Social worker");
        await BrowserApp.CheckAsync(page, "allocation-02-team");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reallocate Kemi Adeyemi's case" }).ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Lowest caseload; she knows the school");
        await Assertions.Expect(page.GetByLabel("Test Social worker")).ToHaveCountAsync(0);   // the holder is not offered the case again
        await BrowserApp.CheckAsync(page, "allocation-03-history");
    }
}
