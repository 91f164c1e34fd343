using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>The contact service's queue: contacts awaiting screening, soonest due first.</summary>
[Authorize(Policy = Capabilities.ViewFrontDoor)]
public class IndexModel(FrontDoorQueries queries, CurrentActor me, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    // "page" is Razor Pages' own route value, so the page number is "p".
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<FrontDoorQueries.QueueRow> Rows { get; private set; } = [];
    public int Waiting { get; private set; }
    public int Overdue { get; private set; }
    public int PageCount => Math.Max(1, (Waiting + PageSize - 1) / PageSize);
    public DateTime NowUtc { get; private set; }
    public Actor Actor => me.Actor;

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        (var rows, Waiting, Overdue) = await queries.ContactQueueAsync(me.Actor, PageNumber, PageSize, ct);
        Rows = rows;
    }
}
