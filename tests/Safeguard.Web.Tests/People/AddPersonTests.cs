using System.Net;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

public class AddPersonTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static Dictionary<string, string> Person(string first, string last, string day = "", string month = "", string year = "", string nhs = "") => new()
    {
        ["Input.FirstName"] = first, ["Input.LastName"] = last,
        ["Input.DateOfBirth.Day"] = day, ["Input.DateOfBirth.Month"] = month, ["Input.DateOfBirth.Year"] = year,
        ["Input.Sex"] = "F", ["Input.Ethnicity"] = "WBRI", ["Input.NhsNumber"] = nhs,
    };

    [Fact]
    public async Task Post_WithABadNhsNumber_ShowsTheErrorBesideTheFieldAndKeepsWhatWasTyped()
    {
        var client = await app.As(Roles.SocialWorker);

        var response = await Forms.PostAsync(client, "/people/add", Person("Maisie", "Oduya", "3", "4", "2018", nhs: "943 476 5918"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Enter a valid NHS number, like 943 476 5919", Forms.Errors(page));
        Assert.Contains("Enter a valid NHS number", page.QuerySelector("#Input_NhsNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Maisie", page.QuerySelector("#Input_FirstName")!.GetAttribute("value"));
        Assert.Equal("943 476 5918", page.QuerySelector("#Input_NhsNumber")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("31", "2", "2019", "Date of birth must be a real date")]
    [InlineData("1", "1", "2099", "Date of birth must be today or in the past")]
    [InlineData("12", "", "2019", "Date of birth must include a month")]
    public async Task Post_WithAnImpossibleDate_SaysWhatToFix(string day, string month, string year, string message)
    {
        var client = await app.As(Roles.SocialWorker);

        var response = await Forms.PostAsync(client, "/people/add", Person("Maisie", "Oduya", day, month, year));

        var page = await Forms.ParseAsync(response);
        Assert.Contains(message, Forms.Errors(page));
    }

    [Fact]
    public async Task Post_WithNoNames_AsksForThem()
    {
        var client = await app.As(Roles.SocialWorker);

        var page = await Forms.ParseAsync(await Forms.PostAsync(client, "/people/add", Person("", "")));

        Assert.Contains("Enter a first name", Forms.Errors(page));
        Assert.Contains("Enter a last name", Forms.Errors(page));
    }

    [Fact]
    public async Task Post_WithAnOverLongName_IsRefused()
    {
        var client = await app.As(Roles.SocialWorker);

        var page = await Forms.ParseAsync(await Forms.PostAsync(client, "/people/add", Person(new string('a', 101), "Oduya")));

        Assert.Contains("First name must be 100 characters or fewer", Forms.Errors(page));
    }

    [Fact]
    public async Task Post_SomeoneLikeAnExistingChild_ShowsThePossibleDuplicateAndAddsOnlyWhenConfirmed()
    {
        var client = await app.As(Roles.ContactServiceWorker);
        var typed = Person("Ayesha", "Khan", "14", "2", "2016");

        var first = await Forms.ParseAsync(await Forms.PostAsync(client, "/people/add", typed));

        var duplicates = first.QuerySelector("#possible-duplicates");
        Assert.NotNull(duplicates);
        Assert.Contains("Aisha Khan", duplicates.TextContent, StringComparison.Ordinal);
        Assert.Contains("same date of birth", duplicates.TextContent, StringComparison.Ordinal);
        Assert.Contains("Check the people who may already be recorded, then confirm this is a new person", Forms.Errors(first));

        typed["ConfirmedNew"] = "true";
        var confirmed = await Forms.PostAsync(client, "/people/add", typed);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var record = await Forms.GetDocumentAsync(client, confirmed.Headers.Location!.OriginalString);
        Assert.Equal("Ayesha Khan", record.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Person added", record.QuerySelector(".app-timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AFamilyMemberFromAChildsRecord_LinksThemAndShowsThemInTheFamily()
    {
        var client = await app.As(Roles.SocialWorker);
        var url = $"/people/add?relatedTo={app.Borough.Yusuf}";
        var fields = Person("Imran", "Khan", "2", "11", "1988");
        fields["Input.Sex"] = "M";
        fields["As"] = "ParentOf";
        fields["ConfirmedNew"] = "true";

        var response = await Forms.PostAsync(client, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/people/{app.Borough.Yusuf}", response.Headers.Location!.OriginalString);
        var record = await Forms.GetDocumentAsync(client, $"/people/{app.Borough.Yusuf}");
        var family = record.QuerySelectorAll("table").First(t => t.TextContent.Contains("Relationship to", StringComparison.Ordinal)).TextContent;
        Assert.Contains("Imran Khan", family, StringComparison.Ordinal);
        Assert.Contains("parent (parental responsibility)", family, StringComparison.Ordinal);
    }
}
