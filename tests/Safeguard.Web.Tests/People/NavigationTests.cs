using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

/// <summary>
/// The header menu's highlight: "Find a person" on the search only; a child's record and case (reached as often from
/// My work as from a search) highlight nothing; a page below another item (a contact under Contacts) highlights it.
/// </summary>
public class NavigationTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static List<(string Text, string? Current)> Highlighted(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-service-navigation__item--active, .govuk-service-navigation__link[aria-current]")
            .Select(e => e.ClassList.Contains("govuk-service-navigation__link") ? e : e.QuerySelector(".govuk-service-navigation__link")!)
            .Distinct().Select(a => (a.TextContent.Trim(), a.GetAttribute("aria-current"))).ToList();

    [Fact]
    public async Task FindAPerson_IsHighlightedOnTheSearch_NotOnAChildsRecordOrCase()
    {
        var worker = await app.As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Nkem");

        Assert.Equal([("Find a person", "page")], Highlighted(await Forms.GetDocumentAsync(worker, "/people?q=Nkem")));
        Assert.Equal([("My work", "page")], Highlighted(await Forms.GetDocumentAsync(worker, "/")));
        var contacts = await app.As(Roles.ContactServiceWorker);
        Assert.Equal([("Contacts", "true")], Highlighted(await Forms.GetDocumentAsync(contacts, "/contacts/new")));
        foreach (var url in new[] { $"/people/{child}", $"/people/{child}/case", $"/people/{child}/visits/new", $"/people/{child}/notes/new",
                     $"/people/{child}/chronology", $"/people/{child}/close" })
        {
            var page = await Forms.GetDocumentAsync(worker, url);
            Assert.NotNull(page.QuerySelector(".govuk-service-navigation__link[href='/people']"));   // the menu is there
            Assert.True(Highlighted(page).Count == 0, $"{url} highlights {string.Join(", ", Highlighted(page))}");
        }
    }

    [Theory]
    [InlineData("/people", "/people", Navigation.Place.Page)]
    [InlineData("/people/", "/people", Navigation.Place.Page)]
    [InlineData("/people/3f2504e0-4f89-11d3-9a0c-0305e82c3301/case", "/people", Navigation.Place.Outside)]
    [InlineData("/people/add", "/people", Navigation.Place.Outside)]
    [InlineData("/contacts/12", "/contacts", Navigation.Place.Section)]
    [InlineData("/contacts", "/contacts", Navigation.Place.Page)]
    [InlineData("/contactsheet", "/contacts", Navigation.Place.Outside)]
    [InlineData("/", "/", Navigation.Place.Page)]
    [InlineData("/mash", "/", Navigation.Place.Outside)]
    public void ThePlaceOfAnAddress_InTheMenu(string path, string href, Navigation.Place expected) =>
        Assert.Equal(expected, Navigation.Of(new PathString(path), href));
}
