using System.Net;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

public class EditPersonTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static Dictionary<string, string> Fields(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("form[method=post] input, form[method=post] select")
            .Where(e => e.GetAttribute("name") is { } n && n != "__RequestVerificationToken"
                && (e.GetAttribute("type") is not ("radio" or "checkbox") || e.HasAttribute("checked")))
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value")
                ?? g.First().QuerySelector("option[selected]")?.GetAttribute("value") ?? "");

    [Fact]
    public async Task Post_AfterSomeoneElseSaved_IsRefusedAndKeepsWhatWasTyped()
    {
        var worker = await app.As(Roles.SocialWorker);
        var manager = await app.As(Roles.TeamManager);
        var url = $"/people/{app.Borough.Mother}/edit";
        var workersCopy = Fields(await Forms.GetDocumentAsync(worker, url));
        var managersCopy = Fields(await Forms.GetDocumentAsync(manager, url));

        managersCopy["Input.Gender"] = "Woman";
        var managerSaves = await Forms.PostAsync(manager, url, managersCopy);
        Assert.Equal(HttpStatusCode.Redirect, managerSaves.StatusCode);

        workersCopy["Input.MiddleNames"] = "Noor";
        var workerSaves = await Forms.PostAsync(worker, url, workersCopy);

        Assert.Equal(HttpStatusCode.OK, workerSaves.StatusCode);
        var page = await Forms.ParseAsync(workerSaves);
        Assert.Contains(Forms.Errors(page), e => e.Contains("changed by someone else", StringComparison.Ordinal));
        Assert.Equal("Noor", page.QuerySelector("#Input_MiddleNames")!.GetAttribute("value"));
        var record = await Forms.GetDocumentAsync(worker, $"/people/{app.Borough.Mother}");
        Assert.Contains("gender: Woman", record.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Samina Noor Khan", record.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ANameChange_KeepsThePreviousNameAndFindsThemByIt()
    {
        var client = await app.As(Roles.SocialWorker);
        var url = $"/people/{app.Borough.Yusuf}/edit";
        var fields = Fields(await Forms.GetDocumentAsync(client, url));
        fields["Input.LastName"] = "Begum-Khan";

        var saved = await Forms.PostAsync(client, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await Forms.GetDocumentAsync(client, $"/people/{app.Borough.Yusuf}");
        Assert.Contains("Yusuf Khan", record.Body!.TextContent, StringComparison.Ordinal);   // previous names row
        Assert.Contains("Changed: last name", record.QuerySelector(".app-timeline")!.TextContent, StringComparison.Ordinal);
        var search = await Forms.GetDocumentAsync(client, "/people?q=yusuf+begum");
        Assert.Contains("Yusuf Begum-Khan", search.Body!.TextContent, StringComparison.Ordinal);
    }
}
