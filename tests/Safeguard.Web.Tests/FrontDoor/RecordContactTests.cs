using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class RecordContactTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static Dictionary<string, string> Typed(DateTime receivedUk) => new()
    {
        ["Input.Received.Date.Day"] = receivedUk.Day.ToString(), ["Input.Received.Date.Month"] = receivedUk.Month.ToString(),
        ["Input.Received.Date.Year"] = receivedUk.Year.ToString(), ["Input.Received.Time"] = receivedUk.ToString("HH:mm"),
        ["Input.Method"] = "Phone", ["Input.SourceCode"] = "2A", ["Input.ReferrerAgencyId"] = "",
        ["Input.ReferrerName"] = "Ms Teacher", ["Input.ReferrerRole"] = "Class teacher",
        ["Input.Concerns"] = "Aisha said her mum's new partner shouts at them.\nYusuf has been coming to nursery hungry.",
        ["Input.FactorCodes"] = "16A", ["Input.Consent"] = "Given",
    };

    private static DateTime UkNow() => Safeguard.Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow);

    [Fact]
    public async Task New_FromAChildsRecord_OffersTheirSiblingButNotTheirMother()
    {
        var client = await app.As(Roles.ContactServiceWorker);

        var page = await Forms.GetDocumentAsync(client, $"/contacts/new?child={app.Borough.Aisha}");

        var offered = page.QuerySelectorAll("input[name='Input.ChildIds']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([app.Borough.Aisha.ToString(), app.Borough.Yusuf.ToString()], offered);
        Assert.NotNull(page.QuerySelector($"input[value='{app.Borough.Aisha}'][checked]"));
    }

    [Fact]
    public async Task Post_AboutTwoSiblings_ShowsTheContactWithBothAndWritesBothChronologies()
    {
        var client = await app.As(Roles.ContactServiceWorker);
        var fields = Typed(UkNow().AddMinutes(-30));
        fields["Input.ChildIds[0]"] = app.Borough.Aisha.ToString();
        fields["Input.ChildIds[1]"] = app.Borough.Yusuf.ToString();

        var response = await Forms.PostAsync(client, $"/contacts/new?child={app.Borough.Aisha}", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/contacts/\d+$", location);
        var page = await Forms.GetDocumentAsync(client, location);
        Assert.Contains("recorded", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var children = page.QuerySelectorAll(".govuk-summary-card__title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Aisha Khan", "Yusuf Khan"], children);
        await using var db = app.OpenDb();
        var contactId = int.Parse(location.Split('/')[^1]);
        var reference = Contact.Format(await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Number).SingleAsync(TestContext.Current.CancellationToken));
        foreach (var child in new[] { app.Borough.Aisha, app.Borough.Yusuf })
            Assert.True(await db.Chronology.AnyAsync(e => e.PersonId == child && e.Kind == FrontDoorChronology.ContactReceived && e.Summary.Contains(reference),
                TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_WithMistakes_ShowsEachBesideItsFieldAndKeepsWhatWasTyped()
    {
        var client = await app.As(Roles.ContactServiceWorker);
        var fields = Typed(UkNow().AddDays(2));
        fields["Input.SourceCode"] = "9";
        fields["Input.ReferrerName"] = "A neighbour";
        fields["Input.Consent"] = "NotSoughtSafeguarding";
        fields["Input.NotSoughtReason"] = "";

        var response = await Forms.PostAsync(client, $"/contacts/new?child={app.Borough.Aisha}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var errors = Forms.Errors(page);
        Assert.Contains("Choose at least one child the contact is about", errors);
        Assert.Contains("Choose at least one child", page.QuerySelector("#Input_ChildIds-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter the safeguarding reason for going ahead without consent", page.QuerySelector("#Input_NotSoughtReason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("anonymous contact has no referrer's name", page.QuerySelector("#Input_ReferrerName-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("must be now or in the past", page.QuerySelector("#Input_Received_Date-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, errors.Count);
        // Each summary link lands on its field.
        foreach (var link in page.QuerySelectorAll(".govuk-error-summary__list a"))
            Assert.NotNull(page.QuerySelector(link.GetAttribute("href")!));
        Assert.Equal("A neighbour", page.QuerySelector("#Input_ReferrerName")!.GetAttribute("value"));
        Assert.Contains("coming to nursery hungry", page.QuerySelector("#Input_Concerns")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Input.FactorCodes'][value='16A'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Consent'][value='NotSoughtSafeguarding'][checked]"));
    }

    [Fact]
    public async Task Post_WithoutAChildRecord_KeepsTheReportedChildrenToMatchLater()
    {
        var client = await app.As(Roles.ContactServiceWorker);
        var fields = Typed(UkNow().AddMinutes(-5));
        // A browser posts every row, blank ones included.
        fields["Input.Reported[0].Name"] = "";
        fields["Input.Reported[1].Name"] = "Maya Unrecorded";
        fields["Input.Reported[1].DateOfBirth.Day"] = "31";
        fields["Input.Reported[1].DateOfBirth.Month"] = "2";
        fields["Input.Reported[1].DateOfBirth.Year"] = "2018";

        var bad = await Forms.ParseAsync(await Forms.PostAsync(client, "/contacts/new", fields));
        Assert.Equal(["Date of birth must be a real date"], Forms.Errors(bad));
        Assert.Contains("Date of birth must be a real date", bad.QuerySelector("#Input_Reported_1__DateOfBirth-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Maya Unrecorded", bad.QuerySelector("#Input_Reported_1__Name")!.GetAttribute("value"));

        fields["Input.Reported[1].DateOfBirth.Day"] = "28";
        var response = await Forms.PostAsync(client, "/contacts/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await Forms.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        var card = page.QuerySelector(".govuk-summary-card")!.TextContent;
        Assert.Contains("Maya Unrecorded", card, StringComparison.Ordinal);
        Assert.Contains("Not matched", card, StringComparison.Ordinal);
        Assert.Contains("28 February 2018", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithNoChildAtAll_AsksForOneBesideTheFirstName()
    {
        var client = await app.As(Roles.ContactServiceWorker);

        var page = await Forms.ParseAsync(await Forms.PostAsync(client, "/contacts/new", Typed(UkNow().AddMinutes(-5))));

        Assert.Contains("Enter the name of at least one child", page.QuerySelector("#Input_Reported_0__Name-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordPage_OffersToRecordAContact_OnlyToThoseWhoMay()
    {
        var worker = await Forms.GetDocumentAsync(await app.As(Roles.ContactServiceWorker), $"/people/{app.Borough.Aisha}");
        var socialWorker = await Forms.GetDocumentAsync(await app.As(Roles.SocialWorker), $"/people/{app.Borough.Aisha}");

        Assert.NotNull(worker.QuerySelector($"a[href='/contacts/new?child={app.Borough.Aisha}']"));
        Assert.Null(socialWorker.QuerySelector("a[href^='/contacts/new']"));
    }

    [Fact]
    public async Task Queue_ListsWaitingContactsSoonestDueFirst_WithUnmatchedChildrenMarked()
    {
        var child = await FrontDoorData.NewChildAsync(app, "Queue");
        var older = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([child], receivedAtUtc: DateTime.UtcNow.AddDays(-3)));
        var newer = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([], [new ReportedChild("Noor Unmatched", null, null)]));
        var client = await app.As(Roles.ContactServiceWorker);

        var page = await Forms.GetDocumentAsync(client, "/contacts");

        var references = page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.True(references.IndexOf(older.Reference) < references.IndexOf(newer.Reference));
        Assert.Contains("overdue", page.QuerySelector("#queue-counts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Noor Unmatched (not matched)", page.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/contacts/new']"));
        Assert.NotNull(page.QuerySelector("a[href='/consultations/new']"));
    }

    [Fact]
    public async Task Contact_AboutARestrictedChild_IsNotFoundForAnyoneElse()
    {
        // The team manager who owns the restriction, working a contact-service shift: only they may see the child.
        var owner = app.Borough.Users[Roles.TeamManager];
        var actor = new Actor(owner.Id, owner.Name, [Roles.TeamManager, Roles.ContactServiceWorker], "test");
        var contact = await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([app.Borough.Restricted]), actor);

        foreach (var role in new[] { Roles.ContactServiceWorker, Roles.MashManager, Roles.ServiceManager })
        {
            var client = await app.As(role);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/contacts/{contact.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/contacts/{contact.Id + 100000}")).StatusCode);
        }
        var queue = await Forms.GetDocumentAsync(await app.As(Roles.ContactServiceWorker), "/contacts?p=1");
        Assert.DoesNotContain("Rowan", queue.Body!.TextContent, StringComparison.Ordinal);
    }
}
