using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Teams;

/// <summary>
/// One team's late work, child by child: assessments, visits, reviews, plan and oversight actions, and children
/// without recent oversight. A team manager sees their own team; service managers and QA officers, any team.
/// </summary>
[Authorize(Policy = Capabilities.ViewTeamOverdue)]
public class OverdueModel(TeamOverdue overdue, CurrentActor me, TimeProvider clock) : PageModel
{
    public const int Take = 50;
    public TeamOverdue.Detail Detail { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool SeesAllTeams => me.Actor.Can(Capabilities.OverseeTeams);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Today = Display.TodayInUk(clock);
        if (!await overdue.MayOverseeAsync(me.Actor, id, ct)) return Forbid();
        var detail = await overdue.TeamAsync(me.Actor, id, Today, Take, ct);
        if (detail is null) return NotFound();
        Detail = detail;
        return Page();
    }

    public string DaysLate(DateOnly due) => (Today.DayNumber - due.DayNumber) switch { 1 => "1 day", var n => $"{n} days" };
}
