using System.Net;
using System.Text;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class ImportPageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private const string Header = "received,source_code,referrer_name,child_names,concerns,consent";

    /// <summary>Uploads a file as the browser does: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var page = await Forms.GetDocumentAsync(client, "/contacts/import");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "File", "contacts.csv" },
        };
        return await client.PostAsync("/contacts/import", form);
    }

    [Fact]
    public async Task AGoodFile_IsImportedAndTheCountShown_OnceEvenIfThePageIsRefreshed()
    {
        var client = await app.As(Roles.ContactServiceWorker);

        var posted = await UploadAsync(client, $"{Header}\n2026-11-20 14:05,1B,Neighbour,Eve Reed,\"Shouting, crying\",Given\n2026-11-20 15:00,9,,Max Reed,Left alone,NotNeeded\n");
        var shown = await Forms.GetDocumentAsync(client, posted.Headers.Location!.OriginalString);
        var again = await Forms.GetDocumentAsync(client, "/contacts/import");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("Imported 2 contacts", shown.QuerySelector(".govuk-panel__title")!.TextContent.Trim());
        Assert.NotNull(shown.QuerySelector("a[href='/contacts']"));
        Assert.Null(again.QuerySelector(".govuk-panel__title"));
    }

    [Fact]
    public async Task ABadFile_ListsEveryProblemByLineAndImportsNothing()
    {
        var client = await app.As(Roles.MashManager);
        int before;
        await using (var db = app.OpenDb()) before = db.Contacts.Count();

        var response = await UploadAsync(client, $"{Header}\n2026-11-20 14:05,1B,Neighbour,Eve Reed,Shouting,Given\n2026-11-20,1B,Neighbour,,Shouting,Given\n");
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The file has 2 problems, so nothing was imported. Fix them all and upload it again."], Forms.Errors(page));
        var rows = page.QuerySelectorAll("#import-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal([["3", "received"], ["3", "child_ids"]], rows.Select(r => r[..2]));
        await using var after = app.OpenDb();
        Assert.Equal(before, after.Contacts.Count());
    }
}
