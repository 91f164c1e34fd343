using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class DocumentTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private async Task<Contact> ContactAsync(string name) =>
        await FrontDoorData.RecordAsync(app, FrontDoorData.Contact([await FrontDoorData.NewChildAsync(app, name)]));

    [Fact]
    public async Task Upload_APdf_IsListedAndDownloads_AndTheDownloadIsLogged()
    {
        var contact = await ContactAsync("Documented");
        var client = await app.As(Roles.ContactServiceWorker);
        var pdf = FrontDoorData.Pdf();

        var upload = await FrontDoorData.UploadAsync(client, contact.Id, ("referral form.pdf", pdf), ("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = await Forms.GetDocumentAsync(client, $"/contacts/{contact.Id}");
        var link = page.QuerySelectorAll("#documents ~ ul a").First(a => a.TextContent == "referral form.pdf");
        var download = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("referral form.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        await app.FlushAccessLogAsync();
        await using var db = app.OpenDb();
        var child = contact.Children.Single().PersonId;
        var userId = app.Borough.Users[Roles.ContactServiceWorker].Id;
        Assert.True(await db.AccessLog.AnyAsync(e => e.PersonId == child && e.UserId == userId && e.Action == AccessAction.Viewed
            && e.What.StartsWith("Document referral form.pdf"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Upload_AProgramRenamedPdf_IsRefusedWithTheReason()
    {
        var contact = await ContactAsync("Renamed");
        var client = await app.As(Roles.ContactServiceWorker);
        byte[] program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

        var response = await FrontDoorData.UploadAsync(client, contact.Id, ("invoice.pdf", program));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("invoice.pdf is not really PDF", page.QuerySelector("#Files-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Forms.Errors(page), e => e.StartsWith("invoice.pdf is not really PDF", StringComparison.Ordinal));
        Assert.Equal("#Files", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        await using var db = app.OpenDb();
        Assert.False(await db.Attachments.AnyAsync(a => a.ContactId == contact.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Upload_OverTenMegabytes_IsRefused()
    {
        var contact = await ContactAsync("Oversized");
        var client = await app.As(Roles.ContactServiceWorker);

        var response = await FrontDoorData.UploadAsync(client, contact.Id, ("scan.pdf", FrontDoorData.Pdf((int)AttachmentService.MaxBytes + 1)));

        var page = await Forms.ParseAsync(response);
        Assert.Contains("scan.pdf is larger than 10 MB", page.QuerySelector("#Files-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverFiftyMegabytesInAll_IsRefusedOnThePage()
    {
        var contact = await ContactAsync("Manyfiles");
        var client = await app.As(Roles.ContactServiceWorker);
        var files = Enumerable.Range(1, 6).Select(i => ($"scan {i}.pdf", FrontDoorData.Pdf(9 * 1024 * 1024))).ToArray();

        var response = await FrontDoorData.UploadAsync(client, contact.Id, files);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("larger than 50 MB", page.QuerySelector("#Files-error")!.TextContent, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.Attachments.AnyAsync(a => a.ContactId == contact.Id, TestContext.Current.CancellationToken));
    }
}
