using System.Net;
using Safeguard.Core.Access;
using Safeguard.Core.Chronology;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

/// <summary>The chronology page: filtered by significance, kind and period, a bad period refused, and the printable document.</summary>
public class ChronologyPageTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private async Task<Guid> ChildWithHistoryAsync()
    {
        var (child, _) = await SocialWork.SocialWorkData.OpenCaseAsync(app, "Efe", last: "History");
        await using var db = app.OpenDb();
        var start = new DateTime(2016, 1, 10, 10, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 120; i++)
        {
            var at = start.AddDays(30 * i);
            db.Chronology.Add(new ChronologyEntry
            {
                PersonId = child, OccurredAtUtc = at, RecordedAtUtc = at, RecordedBy = "Test Social worker", Area = "SocialWork",
                Kind = i % 3 == 0 ? "Visit" : "Case note", Summary = $"Event {i}", IsSignificant = i % 10 == 0,
            });
        }
        await db.SaveChangesAsync();
        return child;
    }

    [Fact]
    public async Task TheFilter_NarrowsTheEvents_AndThePrintedDocumentHoldsTheSame()
    {
        var worker = await app.As(Roles.SocialWorker);
        var child = await ChildWithHistoryAsync();

        var significantVisits = await Forms.GetDocumentAsync(worker, $"/people/{child}/chronology?Significant=true&Kind=Visit");
        // Significant: every tenth; visits: every third; both: every thirtieth of 120 = 4.
        Assert.StartsWith("Significant events only, \"Visit\" only: 4 events", significantVisits.QuerySelector("[data-testid=chronology-count]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(4, significantVisits.QuerySelectorAll(".app-chronology tbody tr").Length);

        var year2017 = await Forms.GetDocumentAsync(worker, $"/people/{child}/chronology?From.Day=1&From.Month=1&From.Year=2017&To.Day=31&To.Month=12&To.Year=2017");
        var rows = year2017.QuerySelectorAll(".app-chronology tbody tr");
        Assert.InRange(rows.Length, 12, 13);
        Assert.All(rows, r => Assert.Contains("2017", r.QuerySelector("td")!.TextContent, StringComparison.Ordinal));

        var print = await Forms.GetDocumentAsync(worker, $"/people/{child}/chronology/print?Significant=true&Kind=Visit");
        Assert.Null(print.QuerySelector("header.govuk-header"));
        Assert.Null(print.QuerySelector("nav"));
        Assert.Contains("OFFICIAL-SENSITIVE", print.QuerySelector(".app-protective-marking")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Chronology of Efe History", print.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(4, print.QuerySelectorAll(".app-chronology tbody tr").Length);
        Assert.Contains("Prepared", print.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APeriodBackToFront_SaysWhichDateIsWrong_AndShowsNoEvents()
    {
        var worker = await app.As(Roles.SocialWorker);
        var child = await ChildWithHistoryAsync();

        var page = await Forms.GetDocumentAsync(worker, $"/people/{child}/chronology?From.Day=1&From.Month=1&From.Year=2020&To.Day=1&To.Month=1&To.Year=2019");
        var nonsense = await Forms.GetDocumentAsync(worker, $"/people/{child}/chronology?From.Day=31&From.Month=2&From.Year=2020");

        Assert.Equal(["The 'to' date must be the same as or after the 'from' date"], Forms.Errors(page));
        Assert.Empty(page.QuerySelectorAll(".app-chronology tbody tr"));
        Assert.Equal(["The 'from' date must be a real date"], Forms.Errors(nonsense));
    }

    [Fact]
    public async Task APartnerAgency_CannotReadIt()
    {
        var partner = await app.As(Roles.PartnerAgencyUser);
        var child = await ChildWithHistoryAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/people/{child}/chronology")).StatusCode);
    }
}
