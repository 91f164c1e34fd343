using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Oversight;

/// <summary>
/// A supervision session: who, when, the notes (for its supervisor, supervisee and managers), and each child
/// discussed with the decision and actions, shown only to those who can open that child's case.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class SupervisionModel(SupervisionService supervision, CurrentActor me, TimeProvider clock) : PageModel
{
    public SupervisionService.View View { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await supervision.OpenAsync(me.Actor, id, ct) is not { } view) return NotFound();
        View = view;
        Today = Display.TodayInUk(clock);
        return Page();
    }
}
