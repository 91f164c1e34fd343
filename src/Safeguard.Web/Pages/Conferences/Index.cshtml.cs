using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Conferences;

/// <summary>The conference chairs' list: every conference still to hold, soonest due first, or only the chair's own.</summary>
[Authorize(Policy = Capabilities.ChairConference)]
public class IndexModel(ConferenceService conferences, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    public List<ConferenceService.Listed> Conferences { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.TodayInUk(clock);
        Conferences = await conferences.ToHoldAsync(me.Actor, Mine ? me.Actor.UserId : null, ct: ct);
    }
}
