using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>Child protection in a real Chromium with axe-core (growing with issue 6): the conference chairs' list.</summary>
public class ConferenceJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task AChair_SeesTheInitialConferenceDueAfterAnEnquiry()
    {
        // A strategy discussion 25 days ago started an enquiry that concluded today: an initial conference is due (and late).
        var child = await ReferredAsync(app, "Esi", "Mensah", daysAgo: 30);
        var worker = app.Borough.Users[Roles.SocialWorker].Actor;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            await s.GetRequiredService<StrategyDiscussionService>().RecordAsync(worker, child, new(DateTime.UtcNow.AddDays(-25), StrategyDiscussionForm.Call,
                [new(ProfessionalRole.Police, "DC Amir Khan", null, true), new(ProfessionalRole.HealthVisitor, "Jo Price", null, true)],
                "Bruising seen by the health visitor.", null, StrategyDecision.StartSection47, "Significant harm suspected."));
            var enquiry = (await s.GetRequiredService<StrategyDiscussionService>().OpenEnquiryAsync(child))!;
            enquiry = (await s.GetRequiredService<Section47Service>().RecordSeenAsync(worker, child, enquiry.Id, enquiry.Version, new(Today.AddDays(-24), Today.AddDays(-24), null)))!;
            await s.GetRequiredService<Section47Service>().ConcludeAsync(worker, child, enquiry.Id, enquiry.Version, Section47Outcome.InitialConference, Today,
                "Substantiated: the injury is not consistent with the account.");
        }
        var chair = await app.PageAsAsync(Roles.ConferenceChair);

        await chair.GotoAsync("/");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Conferences", Exact = true }).First.ClickAsync();
        await Assertions.Expect(chair.Locator("h1")).ToHaveTextAsync("Conferences to hold");
        var row = chair.Locator("[data-testid=conferences] tbody tr").Filter(new() { HasText = "Esi Mensah" });
        await Assertions.Expect(row).ToContainTextAsync("Initial child protection conference");
        await Assertions.Expect(row).ToContainTextAsync("Late");
        await BrowserApp.CheckAsync(chair, "conference-01-chairs-list");
    }
}
