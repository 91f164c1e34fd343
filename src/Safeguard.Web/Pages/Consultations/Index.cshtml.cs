using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Consultations;

/// <summary>Consultations, newest first, with named and no-name counted separately, filtered by kind and period.</summary>
[Authorize(Policy = Capabilities.ViewFrontDoor)]
public class IndexModel(ConsultationService consultations, CurrentActor me, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    /// <summary>How many days back to look; 0 for all time.</summary>
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 30;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ConsultationService.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Named { get; private set; }
    public int NoName { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public Actor Actor => me.Actor;

    public static readonly GovukOption[] KindOptions =
        [new("", "Named and no-name"), new(nameof(ConsultationKind.Named), "Named only"), new(nameof(ConsultationKind.NoName), "No-name only")];

    public static readonly GovukOption[] DayOptions =
        [new("7", "The last 7 days"), new("30", "The last 30 days"), new("365", "The last 12 months"), new("0", "All time")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var kind = Enum.TryParse<ConsultationKind>(Kind, out var k) ? k : (ConsultationKind?)null;
        DateTime? from = Days > 0 ? clock.GetUtcNow().UtcDateTime.AddDays(-Days) : null;
        (var rows, Total, Named, NoName) = await consultations.ListAsync(me.Actor, new ConsultationService.Filter(kind, from), PageNumber, PageSize, ct);
        Rows = rows;
    }

    public string PageHref => $"/consultations?kind={Uri.EscapeDataString(Kind ?? "")}&days={Days}&p={{0}}";
}
