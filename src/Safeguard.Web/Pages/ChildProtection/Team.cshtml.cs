using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>
/// One team's child protection work out of time or due this coming week, child by child: conferences, core groups,
/// visits, and its flagged plans. Service managers and QA officers see any team; a team manager their own.
/// </summary>
[Authorize(Policy = Capabilities.ViewTeamOverdue)]
public class TeamModel(ChildProtectionOverview overview, FlaggedPlans flagged, CurrentActor me, TimeProvider clock) : PageModel
{
    public const int Take = 100;
    public ChildProtectionOverview.Team Team { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public bool SeesAllTeams => me.Actor.Can(Capabilities.OverseeTeams);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Today = Display.TodayInUk(clock);
        if (!await overview.MayOverseeAsync(me.Actor, id, ct)) return Forbid();
        var team = await overview.TeamAsync(me.Actor, id, Today, Take, ct);
        if (team is null) return NotFound();
        Team = team;
        return Page();
    }

    public IEnumerable<string> Flags(FlaggedPlans.Flagged plan) => flagged.Describe(plan);

    public string When(DateOnly due) => (due.DayNumber - Today.DayNumber) switch
    {
        < -1 and var n => $"{-n} days late",
        -1 => "1 day late",
        0 => "due today",
        1 => "due tomorrow",
        var n => $"due in {n} days",
    };
}
