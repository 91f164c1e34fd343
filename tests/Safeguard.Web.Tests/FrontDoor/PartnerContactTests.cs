using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class PartnerContactTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private const string Url = "/partner/contacts/new";

    [Fact]
    public async Task APartner_MakesAContact_ThatReachesTheContactServicesQueue_AsFromTheirAgency()
    {
        var partner = await app.As(Roles.PartnerAgencyUser);
        var form = await Forms.GetDocumentAsync(partner, Url);
        Assert.Equal("6", form.QuerySelector("#SourceCode option[selected]")!.GetAttribute("value"));   // police
        Assert.NotNull(form.QuerySelector("select#PoliceRag"));   // the police give their own rating

        var fields = MashCases.Fields(form);
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["Children[0].Name"] = "Jade Quinlan", ["Children[0].DateOfBirth.Day"] = "4", ["Children[0].DateOfBirth.Month"] = "9",
            ["Children[0].DateOfBirth.Year"] = "2017", ["Children[0].Address"] = "22 Canal Street, Northmoor",
            ["Children[2].Name"] = "Tyler Quinlan",
            ["Concerns"] = "Officers attended a domestic incident; the children were in the house.", ["FactorCodes"] = "3B",
            ["ReferrerRequest"] = "A welfare check", ["Consent"] = nameof(Consent.NotSoughtSafeguarding),
            ["ConsentReason"] = "Telling the father would put the mother and children at risk.", ["SourceCode"] = "6",
            ["ReferrerRole"] = "PC, public protection unit", ["ReferrerContactDetails"] = "01234 567890",
            ["PoliceRag"] = nameof(Rag.Amber),
        }) fields[name] = value;

        var sent = await Forms.PostAsync(partner, Url, fields);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/partner", sent.Headers.Location!.OriginalString);
        var confirmation = await Forms.GetDocumentAsync(partner, "/partner");
        var reference = confirmation.QuerySelector(".govuk-panel__body strong")!.TextContent;
        var number = int.Parse(reference[2..], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.OpenDb();
        var contact = await db.Contacts.Include(c => c.Children).Include(c => c.Factors).SingleAsync(c => c.Number == number);
        Assert.Equal(ContactMethod.PartnerPortal, contact.Method);
        Assert.Equal(app.Borough.PoliceId, contact.ReferrerAgencyId);
        Assert.Equal("Test Partner agency user", contact.ReferrerName);
        Assert.Equal(ContactStage.AwaitingScreening, contact.Stage);
        Assert.Equal(["Jade Quinlan", "Tyler Quinlan"], contact.Children.OrderBy(c => c.Id).Select(c => c.ReportedName));
        Assert.Equal(new DateOnly(2017, 9, 4), contact.Children.OrderBy(c => c.Id).First().ReportedDateOfBirth);
        Assert.Equal(["3B"], contact.Factors.Select(f => f.Code));
        Assert.Equal(Rag.Amber, contact.PoliceRag);
        using var scope = app.Factory.Services.CreateScope();
        var queue = await scope.ServiceProvider.GetRequiredService<FrontDoorQueries>()
            .ContactQueueAsync(app.Borough.Users[Roles.ContactServiceWorker].Actor, 1, 100);
        var row = Assert.Single(queue.Rows, r => r.Reference == reference);
        Assert.True(row.NeedsMatching);
        Assert.Equal(ContactMethod.PartnerPortal, row.Method);
    }

    [Fact]
    public async Task AContact_WithoutAChildOrConsent_SaysWhatIsMissing_BesideTheFields()
    {
        var partner = await app.As(Roles.PartnerAgencyUser);

        var fields = MashCases.Fields(await Forms.GetDocumentAsync(partner, Url));
        (fields["Children[1].DateOfBirth.Day"], fields["Children[1].DateOfBirth.Month"], fields["Children[1].DateOfBirth.Year"]) = ("31", "2", "2018");

        var response = await Forms.PostAsync(partner, Url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Enter the child's name, or clear their other details", page.QuerySelector("#Children_1__Name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Date of birth must be a real date", page.QuerySelector("#Children_1__DateOfBirth-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Consent-error"));
        Assert.Equal("31", page.QuerySelector("#Children_1__DateOfBirth_Day")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CouncilStaff_AreSentToTheContactServicesOwnForm()
    {
        var worker = await app.As(Roles.ContactServiceWorker);

        var page = await Forms.GetDocumentAsync(worker, Url);

        Assert.Null(page.QuerySelector("form[method=post] textarea"));
        Assert.NotNull(page.QuerySelector("a[href='/contacts/new']"));
    }
}
