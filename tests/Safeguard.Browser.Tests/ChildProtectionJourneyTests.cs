using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Access;
using Safeguard.TestCommon;
using static Safeguard.Browser.Tests.SocialWorkBrowser;

namespace Safeguard.Browser.Tests;

/// <summary>
/// The whole child protection journey in a real Chromium with axe-core on every page: a worker's strategy discussion,
/// the section 47 enquiry, a chair arranging the initial conference and asking the GP for a report, the GP (a health
/// partner) sending it, the conference starting a plan, the worker's action and core group, a visit, and the review
/// conference that ends the plan. Dates run in the past, as they would have happened.
/// </summary>
public class ChildProtectionJourneyTests(BrowserApp app)
{
    /// <summary>A GP at the test borough's health agency who signs in to send conference reports.</summary>
    private async Task<TestUser> HealthPartnerAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<StaffAdministration>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await admin.CreateAsync(Actor.System("test"), new StaffInput("gp@test.example", "Dr Asha Patel", "GP, Moorside Surgery", null,
            app.Borough.HealthId, [Roles.PartnerAgencyUser]), TestBorough.Password);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return new TestUser(user.Id, "gp@test.example", "Dr Asha Patel", Roles.PartnerAgencyUser, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    [Fact]
    public async Task FromStrategyDiscussionToTheEndOfThePlan_WithTheGpsReport()
    {
        var child = await ReferredAsync(app, "Adwoa", "Boateng", daysAgo: 60);
        var gp = await HealthPartnerAsync();

        // The worker records the strategy discussion from the case page: police and health rows come first.
        var worker = await app.PageAsAsync(Roles.SocialWorker);
        await worker.GotoAsync($"/people/{child}/case");
        await worker.ClickLinkAsync("Record a strategy discussion");
        await worker.FillDateAsync("Input.Held.Date", Today.AddDays(-50));
        await worker.Locator("input[name='Input.Held.Time']").FillAsync("10:30");
        await worker.ChooseAsync("Input.Form", "Call");
        await worker.Locator("input[name='Input.Participants[0].Name']").FillAsync("DC Sam Hughes, Northmoor Police");
        await worker.Locator("input[name='Input.Participants[1].Name']").FillAsync("Dr Asha Patel, Moorside Surgery");
        await worker.Locator("input[name='Input.Participants[3].Name']").FillAsync("Mrs Grey, Northmoor Primary");
        await worker.Locator("textarea[name='Input.InformationShared']").FillAsync("School saw bruising to Adwoa's arm; police attended a domestic incident at the home last week.");
        await worker.Locator("textarea[name='Input.SafetyActions']").FillAsync("Father to stay with his brother; mother agrees.");
        await worker.ChooseAsync("Input.Decision", "StartSection47");
        await worker.Locator("textarea[name='Input.DecisionReason']").FillAsync("Reasonable cause to suspect significant harm.");
        await BrowserApp.CheckAsync(worker, "cp-01-strategy-discussion");
        await worker.ClickButtonAsync("Save the strategy discussion");

        // The enquiry: the child seen and seen alone, then an initial conference.
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("a section 47 enquiry has started");
        await worker.FillDateAsync("Seen.SeenOn", Today.AddDays(-49));
        await worker.ChooseAsync("Seen.SeenAlone", "yes");
        await worker.FillDateAsync("Seen.SeenAloneOn", Today.AddDays(-49));
        await worker.ClickButtonAsync("Save when the child was seen");
        await worker.ChooseAsync("Conclude.Outcome", "InitialConference");
        await worker.FillDateAsync("Conclude.OutcomeOn", Today.AddDays(-45));
        await worker.Locator("textarea[name='Conclude.OutcomeReason']").FillAsync("The injury is not consistent with the account; the domestic abuse continues.");
        await BrowserApp.CheckAsync(worker, "cp-02-section-47");
        await worker.ClickButtonAsync("Conclude the enquiry");
        await Assertions.Expect(worker.Locator("#outcome")).ToContainTextAsync("Initial child protection conference");

        // The chair opens it from their list, arranges it and asks the GP for a report through Safeguard.
        var chair = await app.PageAsAsync(Roles.ConferenceChair);
        await chair.GotoAsync("/conferences");
        await chair.Locator("[data-testid=conferences] tbody tr").Filter(new() { HasText = "Adwoa Boateng" }).GetByRole(AriaRole.Link, new() { Name = "Initial child protection conference" }).ClickAsync();
        await chair.FillDateAsync("Arrange.When.Date", Today.AddDays(-40));
        await chair.Locator("input[name='Arrange.When.Time']").FillAsync("10:00");
        await chair.ClickButtonAsync("Save the arrangements");
        await chair.Locator("input[name='Invite[0].Name']").FillAsync("Dr Asha Patel, Moorside Surgery");
        await chair.Locator("select[name='Invite[0].UserId']").SelectOptionAsync(gp.Id);
        await chair.Locator("input[name='Invite[1].Name']").FillAsync("Mrs Grey, Northmoor Primary");
        await chair.Locator("input[name='Invite[2].Name']").FillAsync("");
        await chair.Locator("input[name='Invite[3].Name']").FillAsync("DC Sam Hughes, Northmoor Police");
        await chair.ClickButtonAsync("Invite them");
        await Assertions.Expect(chair.Locator(".govuk-notification-banner")).ToContainTextAsync("3 people invited");
        var conferenceUrl = chair.Url.Split('#')[0];

        // The GP sends the report from their own view.
        var gpPage = await app.NewPageAsync();
        await app.SignInAsync(gpPage, gp);
        await gpPage.ClickLinkAsync("Conference reports");
        await gpPage.GetByRole(AriaRole.Link, new() { Name = "Adwoa Boateng" }).ClickAsync();
        await gpPage.Locator("textarea[name='Report']").FillAsync("Adwoa is registered with us; seen twice this year for minor injuries. Mother has missed two appointments of her own.");
        await BrowserApp.CheckAsync(gpPage, "cp-03-gp-report");
        await gpPage.ClickButtonAsync("Send the report");
        await Assertions.Expect(gpPage.Locator("#no-reports")).ToBeVisibleAsync();

        // The chair sees it in and holds the conference: a plan under neglect.
        await chair.GotoAsync(conferenceUrl);
        await Assertions.Expect(chair.Locator("main")).ToContainTextAsync("1 of 3 asked for are in");
        await BrowserApp.CheckAsync(chair, "cp-04-conference");
        await chair.ClickLinkAsync("Record the conference as held");
        await chair.FillDateAsync("Input.HeldOn", Today.AddDays(-38));
        await chair.GetByLabel("Dr Asha Patel, Moorside Surgery (GP)").CheckAsync();
        await chair.ChooseAsync("Input.ChildParticipation", "ViewsThroughSocialWorker");
        await chair.ChooseAsync("Input.ParentsParticipation", "Attended");
        await chair.ChooseAsync("Input.Decision", "Plan");
        await chair.ChooseAsync("Input.Category", "NEG");
        await chair.Locator("textarea[name='Input.DecisionReason']").FillAsync("Neglect and domestic abuse: Adwoa is at continuing risk of significant harm.");
        await BrowserApp.CheckAsync(chair, "cp-05-hold-conference");
        await chair.ClickButtonAsync("Save the conference");
        await Assertions.Expect(chair.Locator(".govuk-notification-banner")).ToContainTextAsync("the child protection plan starts");

        // The worker adds an action and records the first core group, then a visit.
        await worker.GotoAsync($"/people/{child}/case");
        await worker.ClickLinkAsync("Open the child protection plan");
        await worker.Locator("textarea[name='Actions[0].Text']").FillAsync("Mother to attend the Freedom Programme");
        await worker.Locator("input[name='Actions[0].OwnerName']").FillAsync("Mother");
        await worker.FillDateAsync("Actions[0].Due", Today.AddDays(30));
        await worker.ClickButtonAsync("Save the actions");
        await worker.Locator("#core-groups ~ ul a").First.ClickAsync();
        await worker.FillDateAsync("HeldOn", Today.AddDays(-30));
        await worker.Locator("textarea[name='Attendees']").FillAsync("Mother, Dr Patel, Mrs Grey, the social worker");
        await worker.Locator("textarea[name='Notes']").FillAsync("Home conditions improving; Adwoa attending school every day.");
        await worker.ChooseAsync("Progress[0].Status", "InProgress");
        await worker.Locator("textarea[name='Progress[0].Text']").FillAsync("Booked on the course starting next month.");
        await worker.ClickButtonAsync("Record the core group");
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("next one scheduled");
        await BrowserApp.CheckAsync(worker, "cp-06-plan");
        await worker.GotoAsync($"/people/{child}/visits/new");
        await worker.FillDateAsync("Input.VisitedOn", Today.AddDays(-28));
        await worker.ChooseAsync("Input.ChildSeen", "yes");
        await worker.ChooseAsync("Input.ChildSeenAlone", "yes");
        await worker.ChooseAsync("Input.Location", "Home");
        await worker.Locator("textarea[name='Input.Observations']").FillAsync("Adwoa showed me her room; food in the cupboards.");
        await worker.ClickButtonAsync("Save the visit");

        // The review tests the plan and ends it.
        await chair.GotoAsync($"/people/{child}/protection-plans/{await PlanIdAsync(child)}");
        await chair.GetByRole(AriaRole.Link, new() { Name = "Review conference" }).ClickAsync();
        await chair.ClickLinkAsync("Record the conference as held");
        await chair.FillDateAsync("Input.HeldOn", Today.AddDays(-2));
        await chair.ChooseAsync("Input.ChildParticipation", "ViewsThroughSocialWorker");
        await chair.ChooseAsync("Input.ParentsParticipation", "Attended");
        await chair.ChooseAsync("Input.PlanWorking", "yes");
        await chair.Locator("textarea[name='Input.PlanWorkingReason']").FillAsync("No incidents since the father left; school reports Adwoa settled.");
        await chair.Locator("textarea[name='Input.WorkNotDone']").FillAsync("None: the course is under way.");
        await chair.ChooseAsync("Input.Decision", "EndPlan");
        await chair.ChooseAsync("Input.PlanEndReason", "SteppedDownToChildInNeed");
        await chair.Locator("textarea[name='Input.DecisionReason']").FillAsync("Risk reduced; support continues as child in need.");
        await BrowserApp.CheckAsync(chair, "cp-07-review");
        await chair.ClickButtonAsync("Save the conference");
        await Assertions.Expect(chair.Locator(".govuk-notification-banner")).ToContainTextAsync("the child protection plan has ended");

        await worker.GotoAsync($"/people/{child}/case");
        await Assertions.Expect(worker.Locator("#child-protection-history")).ToContainTextAsync("to " + Shown(Today.AddDays(-2)));
        await BrowserApp.CheckAsync(worker, "cp-08-case-after-plan");
    }

    private async Task<int> PlanIdAsync(Guid child)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.SafeguardDbContext>();
        return await db.ChildProtectionPlans.Where(p => p.PersonId == child).Select(p => p.Id).SingleAsync();
    }
}
