using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Mash;

/// <summary>
/// The MASH dashboard: how many open cases there are at each rating and how many have run out of time, then every
/// open case, soonest due first, so the next one to pick up is always at the top.
/// </summary>
[Authorize(Policy = Capabilities.ViewFrontDoor)]
public class IndexModel(FrontDoorQueries queries, CurrentActor me, TimeProvider clock) : PageModel
{
    public static readonly (string Value, string Text)[] Filters =
        [("all", "All open cases"), ("mine", "Mine"), ("waiting", "Waiting for a worker"), ("breached", "Past their due time")];

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public List<FrontDoorQueries.MashRow> Rows { get; private set; } = [];
    public List<FrontDoorQueries.RagCount> Counts { get; private set; } = [];
    public DateTime Now { get; private set; }
    public bool CanWork { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = me.Actor;
        Show = Filters.Any(f => f.Value == Show) ? Show : "all";
        CanWork = actor.Can(Capabilities.WorkMashCase);
        Now = clock.GetUtcNow().UtcDateTime;
        var (rows, counts) = await queries.MashDashboardAsync(actor, workerId: Show == "mine" ? actor.UserId : null, ct: ct);
        Counts = counts;
        Rows = Show switch
        {
            "waiting" => rows.Where(r => r.WorkerName is null).ToList(),
            "breached" => rows.Where(r => r.DueAtUtc < Now).ToList(),
            _ => rows,
        };
    }
}
