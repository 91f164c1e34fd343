using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;

namespace Safeguard.Browser.Tests;

/// <summary>
/// What the social work journeys share: children referred to the test team (made fresh for each journey, so journeys
/// do not see each other's), pages signed in as a role, and date boxes filled as a person types them.
/// </summary>
internal static class SocialWorkBrowser
{
    // Each role signs in once for all the social work journeys: a second sign-in in the same 30-second window is
    // refused its code and would wait for the next one. Later pages reuse the first sign-in's cookies.
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> SignedIn = new();

    public static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    /// <summary>The date as the pages show it, "3 December 2026".</summary>
    public static string Shown(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A new page in its own browser context, signed in as the role.</summary>
    public static async Task<IPage> PageAsAsync(this BrowserApp app, string role)
    {
        var state = await SignedIn.GetOrAdd(role, r => new Lazy<Task<string>>(async () =>
        {
            var first = await app.NewPageAsync();
            await app.SignInAsync(first, r);
            var saved = await first.Context.StorageStateAsync();
            await first.Context.CloseAsync();
            return saved;
        })).Value;
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 900 }, StorageState = state,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A new child referred <paramref name="daysAgo"/> days ago to the test (child in need) team, with a case of the kind
    /// allocated to the test social worker, as the front door and the team manager would have left it.
    /// </summary>
    public static async Task<Guid> ReferredAsync(BrowserApp app, string first, string last, int daysAgo, InvolvementKind kind = InvolvementKind.Assessment)
    {
        using var scope = app.Factory.Services.CreateScope();
        var worker = app.Borough.Users[Roles.SocialWorker];
        var child = await scope.ServiceProvider.GetRequiredService<PeopleService>().AddAsync(worker.Actor, new PersonDetails
        {
            FirstName = first, LastName = last, DateOfBirth = new DateOnly(2017, 4, 12), Sex = "F", Ethnicity = "WBRI",
        });
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var referralDate = Today.AddDays(-daysAgo);
        var contact = new Core.FrontDoor.Contact
        {
            Number = await db.NextNumberAsync("Contact"), ReceivedAtUtc = DateTime.UtcNow.AddDays(-daysAgo), SourceCode = "2A",
            Concerns = "Often hungry and tired at school", Consent = Core.FrontDoor.Consent.Given, ScreeningDueAtUtc = DateTime.UtcNow,
            RecordedById = app.Borough.Users[Roles.ContactServiceWorker].Id, RecordedByName = "Test Contact service worker",
            Stage = Core.FrontDoor.ContactStage.Closed,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        db.Referrals.Add(new Core.FrontDoor.Referral
        {
            PersonId = child.Id, ContactId = contact.Id, ReferralDate = referralDate, SourceCode = "2A", PrimaryNeedCode = "N1", TeamId = app.Borough.TeamId,
        });
        db.Involvements.Add(new Involvement { PersonId = child.Id, Kind = kind, StartDate = referralDate, TeamId = app.Borough.TeamId, WorkerId = worker.Id });
        await db.SaveChangesAsync();
        return child.Id;
    }

    /// <summary>
    /// The child's assessment, started on the referral date and sent by the test social worker, and (unless
    /// <paramref name="authorise"/> is false) authorised by the test team manager with the outcome given: a child in
    /// need plan can be written once it is authorised with the outcome "a child in need plan".
    /// </summary>
    public static async Task<Assessment> AssessAsync(BrowserApp app, Guid child, AssessmentOutcome outcome = AssessmentOutcome.ChildInNeedPlan, bool authorise = true)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var referralDate = db.Referrals.Where(r => r.PersonId == child && r.ClosedOn == null).Select(r => r.ReferralDate).Single();
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var worker = app.Borough.Users[Roles.SocialWorker].Actor;
        var started = await assessments.StartAsync(worker, child, referralDate);
        var sent = await assessments.SubmitAsync(worker, started!.Id, started.Version, new AssessmentService.Draft(referralDate, referralDate, null, ["2B"],
            "Mother's low mood leaves the children hungry at times.", "Hungry and tired at school.", "Mother wants help with food and money.", outcome, "N1", null));
        return authorise ? await AuthoriseAsync(app, sent!) : sent!;
    }

    /// <summary>The test team manager authorises the assessment the worker sent.</summary>
    public static async Task<Assessment> AuthoriseAsync(BrowserApp app, Assessment sent)
    {
        using var scope = app.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AssessmentService>()
            .AuthoriseAsync(app.Borough.Users[Roles.TeamManager].Actor, sent.Id, sent.Version, true, "A sound analysis"))!;
    }

    /// <summary>Types a date into the day, month and year boxes named <paramref name="name"/>.Day and so on.</summary>
    public static Task FillDateAsync(this IPage page, string name, DateOnly date) =>
        page.FillDateAsync(name, date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));

    public static async Task FillDateAsync(this IPage page, string name, string day, string month, string year)
    {
        await page.Locator($"input[name='{name}.Day']").FillAsync(day);
        await page.Locator($"input[name='{name}.Month']").FillAsync(month);
        await page.Locator($"input[name='{name}.Year']").FillAsync(year);
    }

    /// <summary>Chooses the radio or checkbox with the value among those named <paramref name="name"/>.</summary>
    public static Task ChooseAsync(this IPage page, string name, string value) => page.Locator($"input[name='{name}'][value='{value}']").CheckAsync();

    public static Task ClickButtonAsync(this IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    public static Task ClickLinkAsync(this IPage page, string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}
