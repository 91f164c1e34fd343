using System.Net;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// A closed case on both databases: a visit and management oversight are refused, saying the case closed and when; a
/// case note (a late entry, or contact since) is still taken.
/// </summary>
public abstract class ClosedCaseServiceTests<TApp>(TApp app) : ServiceTests<TApp>(app) where TApp : SafeguardApp
{
    [Fact]
    public async Task AClosedCase_RefusesAVisitAndOversight_ButTakesALateCaseNote()
    {
        await App.As(Roles.SocialWorker);
        var child = await SocialWorkData.ClosedAsync(App, "Lola");
        var (open, _) = await SocialWorkData.ReferredAsync(App, "Lanre");

        var visit = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.GetRequiredService<VisitService>().RecordAsync(As(Roles.SocialWorker), child,
            new(Today, null, true, true, null, VisitLocation.Home, null, "Seen at home", false))));
        var oversight = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.GetRequiredService<OversightService>().RecordAsync(As(Roles.TeamManager), child,
            new(Today, "Keep the case open", "The school is worried", []))));
        var note = await With(s => s.GetRequiredService<CaseNoteService>().WriteAsync(As(Roles.SocialWorker), child,
            new(CaseNoteType.Telephone, DateTime.UtcNow.AddMinutes(-10), false, null, "The school rang: Lola is settled.")));

        Assert.Equal(("PersonId", $"The child's case closed on {Today:d MMMM yyyy}: a visit is recorded while a case is open"),
            (Assert.Single(visit.Errors).PropertyName, visit.Errors.Single().ErrorMessage));
        Assert.Equal(("PersonId", $"The child's case closed on {Today:d MMMM yyyy}: management oversight is recorded while a case is open"),
            (Assert.Single(oversight.Errors).PropertyName, oversight.Errors.Single().ErrorMessage));
        Assert.NotNull(note);
        await using var db = App.OpenDb();
        Assert.False(await db.Visits.AnyAsync(v => v.PersonId == child));
        Assert.False(await db.Oversights.AnyAsync(o => o.PersonId == child));
        Assert.Equal(new CaseAccess.Closed(Today, "RC7 " + ClosureCodes.ReasonForClosure.Label("RC7")), await With(s => s.GetRequiredService<CaseAccess>().ClosedAsync(child)));
        Assert.Null(await With(s => s.GetRequiredService<CaseAccess>().ClosedAsync(open)));
        Assert.NotNull(await With(s => s.GetRequiredService<OversightService>().RecordAsync(As(Roles.TeamManager), open, new(Today, "Keep visiting", "Progress", []))));
    }
}

public class ClosedCaseServiceOnSqliteTests(SafeguardApp app) : ClosedCaseServiceTests<SafeguardApp>(app);

public class ClosedCaseServiceOnPostgresTests(SafeguardAppOnPostgres app) : ClosedCaseServiceTests<SafeguardAppOnPostgres>(app);

/// <summary>The case page and the forms of a closed case: when and why it closed, no visit or oversight offered, a case note explained.</summary>
public class ClosedCasePageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    [Fact]
    public async Task TheCasePage_SaysWhenAndWhyTheCaseClosed_AndOffersOnlyACaseNote()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var child = await SocialWorkData.ClosedAsync(app, "Tobi");
        var (open, _) = await SocialWorkData.ReferredAsync(app, "Tolu");

        var workerPage = await Forms.GetDocumentAsync(worker, $"/people/{child}/case");
        var managerPage = await Forms.GetDocumentAsync(manager, $"/people/{child}/case");
        var openPage = await Forms.GetDocumentAsync(manager, $"/people/{open}/case");

        Assert.Equal($"Tobi's case closed on {Display.Date(Today)}: RC7 {ClosureCodes.ReasonForClosure.Label("RC7")}. Visits and management oversight are recorded only while a case is open.",
            workerPage.QuerySelector("#case-closed")!.TextContent.Trim());
        Assert.Null(workerPage.QuerySelector($"a[href='/people/{child}/visits/new']"));
        Assert.Null(managerPage.QuerySelector($"a[href='/people/{child}/oversight/new']"));
        Assert.Null(managerPage.QuerySelector($"a[href='/people/{child}/visits/new']"));
        Assert.NotNull(workerPage.QuerySelector($"a[href='/people/{child}/notes/new']"));
        Assert.Contains("late entry", workerPage.QuerySelector("#notes-closed")!.TextContent, StringComparison.Ordinal);
        // The same manager on an open case is offered all of it.
        Assert.Null(openPage.QuerySelector("#case-closed"));
        Assert.Null(openPage.QuerySelector("#notes-closed"));
        Assert.Equal(2, openPage.QuerySelectorAll($"a[href='/people/{open}/oversight/new']").Length);
        Assert.NotNull(openPage.QuerySelector($"a[href='/people/{open}/visits/new']"));
    }

    [Fact]
    public async Task TheVisitAndOversightForms_SayTheCaseIsClosed_AndAVisitFromAPageOpenedBeforeKeepsWhatWasTyped()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var closed = await SocialWorkData.ClosedAsync(app, "Dayo");

        var visitForm = await Forms.GetDocumentAsync(worker, $"/people/{closed}/visits/new");
        var oversightForm = await Forms.GetDocumentAsync(manager, $"/people/{closed}/oversight/new");
        Assert.StartsWith($"Dayo's case closed on {Display.Date(Today)}", visitForm.QuerySelector("#case-closed")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(visitForm.QuerySelector("textarea[name='Input.Observations']"));
        Assert.StartsWith($"Dayo's case closed on {Display.Date(Today)}", oversightForm.QuerySelector("#case-closed")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(oversightForm.QuerySelector("textarea[name=Decision]"));

        // The worker opened the form while the case was open; it closed before they saved.
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ada", daysAgo: 20);
        var before = await Forms.GetDocumentAsync(worker, $"/people/{child}/visits/new");
        var token = before.QuerySelector("form:not([action]) input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var closures = scope.ServiceProvider.GetRequiredService<ClosureService>();
            var proposed = await closures.ProposeAsync(app.Borough.Users[Roles.SocialWorker].Actor, child, new(ClosureKind.Close, "RC7", "Needs met", null));
            await closures.AuthoriseAsync(app.Borough.Users[Roles.TeamManager].Actor, proposed!.Id, proposed.Version, true, "Agreed");
        }
        var posted = await worker.PostAsync($"/people/{child}/visits/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.VisitedOn.Day"] = Today.Day.ToString(), ["Input.VisitedOn.Month"] = Today.Month.ToString(),
            ["Input.VisitedOn.Year"] = Today.Year.ToString(), ["Input.ChildSeen"] = "yes", ["Input.ChildSeenAlone"] = "yes", ["Input.Location"] = "Home",
            ["Input.Observations"] = "A long account of the visit", ["Input.Announced"] = "announced",
        }));
        var page = await Forms.ParseAsync(posted);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal([$"The child's case closed on {Today:d MMMM yyyy}: a visit is recorded while a case is open"], Forms.Errors(page));
        Assert.Null(page.QuerySelector(".govuk-error-summary__list a"));   // about the whole visit, not a field
        Assert.Equal("A long account of the visit", page.QuerySelector("textarea[name='Input.Observations']")!.TextContent.Trim());
        await using var db = app.OpenDb();
        Assert.False(await db.Visits.AnyAsync(v => v.PersonId == child));
    }
}
