using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

public class PartnerTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    [Fact]
    public async Task ThePolicePartner_SeesAndAnswersThePoliceRequest_WithADocument_ButNotTheHealthOne()
    {
        var mash = await MashCases.CreateAsync(app, children: [app.Borough.Aisha, app.Borough.Yusuf]);
        await MashCases.RateAsync(app, mash.CaseId, Rag.Red);
        var police = await MashCases.AskAsync(app, mash.CaseId, app.Borough.PoliceId, "Any domestic abuse call-outs?");
        var health = await MashCases.AskAsync(app, mash.CaseId, app.Borough.HealthId, "Is the family registered with a GP?");
        var partner = await app.As(Roles.PartnerAgencyUser);

        var list = await Forms.GetDocumentAsync(partner, "/partner");
        var request = await Forms.GetDocumentAsync(partner, $"/partner/requests/{police.Id}");
        var other = await partner.GetAsync($"/partner/requests/{health.Id}");

        Assert.Equal("Requests for information for Test Police", list.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(list.QuerySelector($"a[href='/partner/requests/{police.Id}']"));
        Assert.Null(list.QuerySelector($"a[href='/partner/requests/{health.Id}']"));
        var children = request.QuerySelector("table")!.TextContent;
        Assert.Contains("Aisha Khan", children, StringComparison.Ordinal);
        Assert.Contains("14 February 2016", children, StringComparison.Ordinal);
        Assert.Contains("943 476 5919", children, StringComparison.Ordinal);
        Assert.Contains("14 Larkspur Road", children, StringComparison.Ordinal);
        Assert.Contains("Any domestic abuse call-outs?", request.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var answer = await MashCases.PostWithFilesAsync(partner, $"/partner/requests/{police.Id}",
            new() { ["Answer"] = "Two call-outs this year, both verbal arguments.", ["Version"] = police.Version.ToString() },
            ("call-outs.pdf", MashCases.Pdf));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var worker = await app.As(Roles.MashWorker);
        var casePage = await Forms.GetDocumentAsync(worker, $"/mash/{mash.CaseId}");
        var rows = casePage.QuerySelectorAll("table").Single(t => t.TextContent.Contains("Rating when sent", StringComparison.Ordinal)).QuerySelectorAll("tbody tr");
        Assert.Contains("Answered on time", rows.Single(r => r.TextContent.Contains("Test Police", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Contains("Two call-outs this year", casePage.Body!.TextContent, StringComparison.Ordinal);
        var link = casePage.QuerySelectorAll("a").Single(a => a.TextContent == "call-outs.pdf").GetAttribute("href")!;
        var download = await worker.GetAsync(link);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(MashCases.Pdf, await download.Content.ReadAsByteArrayAsync());
        var ownCopy = await partner.GetAsync(link.Replace("/mash/", "/partner/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, ownCopy.StatusCode);
    }

    [Fact]
    public async Task AnAnswerWithAProgramDisguisedAsAPdf_IsRefusedBesideTheFiles_AndKeepsTheText()
    {
        var mash = await MashCases.CreateAsync(app);
        var request = await MashCases.AskAsync(app, mash.CaseId, app.Borough.PoliceId);
        var partner = await app.As(Roles.PartnerAgencyUser);

        var response = await MashCases.PostWithFilesAsync(partner, $"/partner/requests/{request.Id}",
            new() { ["Answer"] = "See the attached.", ["Version"] = request.Version.ToString() }, ("report.pdf", "MZ not a pdf"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("report.pdf is not really PDF", page.QuerySelector("#Files-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("See the attached.", page.QuerySelector("#Answer")!.TextContent.Trim());
    }

    [Fact]
    public async Task ALateAnswer_ShowsAsLate_ToThePartnerAndTheMash()
    {
        var mash = await MashCases.CreateAsync(app);
        var request = await MashCases.AskAsync(app, mash.CaseId, app.Borough.PoliceId);
        await using (var db = app.OpenDb())
        {
            // As if it had been sent long enough ago for its time to have run out.
            await db.InformationRequests.Where(r => r.Id == request.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DueAtUtc, DateTime.UtcNow.AddHours(-3)));
        }
        var partner = await app.As(Roles.PartnerAgencyUser);

        var waiting = await Forms.GetDocumentAsync(partner, "/partner");
        var answer = await MashCases.PostWithFilesAsync(partner, $"/partner/requests/{request.Id}",
            new() { ["Answer"] = "Nothing known.", ["Version"] = request.Version.ToString() });

        var row = waiting.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector($"a[href='/partner/requests/{request.Id}']") is not null);
        Assert.Contains("Late", row.QuerySelector(".govuk-tag--red")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var answered = await Forms.GetDocumentAsync(partner, $"/partner/requests/{request.Id}");
        Assert.Contains("Late", answered.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var casePage = await Forms.GetDocumentAsync(await app.As(Roles.MashManager), $"/mash/{mash.CaseId}");
        Assert.Contains("Answered late", casePage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/people/{child}")]
    [InlineData("/people/{child}/edit")]
    [InlineData("/api/people/{child}")]
    [InlineData("/api/people/{child}/chronology")]
    public async Task AChildsRecord_IsNotFoundForAPartner_AndTheAttemptIsLoggedAgainstTheChild(string route)
    {
        var partner = await app.As(Roles.PartnerAgencyUser);

        var response = await partner.GetAsync(route.Replace("{child}", app.Borough.Aisha.ToString(), StringComparison.Ordinal));
        await app.FlushAccessLogAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (route.StartsWith("/api", StringComparison.Ordinal))
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        else
            Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var partnerId = app.Borough.Users[Roles.PartnerAgencyUser].Id;
        Assert.Contains(await db.AccessLog.Where(e => e.UserId == partnerId && e.PersonId == app.Borough.Aisha).ToListAsync(),
            e => e.Action == AccessAction.Refused && e.What.EndsWith(route.Replace("{child}", app.Borough.Aisha.ToString(), StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheNavigation_PutsRequestsFirst_ForAPartner_AndMashForTheMash()
    {
        var partner = await Forms.GetDocumentAsync(await app.As(Roles.PartnerAgencyUser), "/partner");
        var worker = await Forms.GetDocumentAsync(await app.As(Roles.MashWorker), "/mash");

        var partnerNav = partner.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ToList();
        var workerNav = worker.QuerySelectorAll(".govuk-service-navigation__link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("Requests", partnerNav[0]);
        Assert.DoesNotContain("MASH", partnerNav);
        Assert.Contains("MASH", workerNav);
        Assert.DoesNotContain("Requests", workerNav);
    }
}
