using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>
/// The service manager's child protection overview: by team, conferences, core groups and visits out of time and due
/// this coming week, children on plans; the plans running long and the repeat plans for the support and challenge panel.
/// </summary>
[Authorize(Policy = Capabilities.OverseeTeams)]
public class OverviewModel(ChildProtectionOverview overview, FlaggedPlans flagged, ChildProtectionRules rules, CurrentActor me, TimeProvider clock) : PageModel
{
    /// <summary>Each list shows at most this many; the counts above them are in full.</summary>
    public const int Take = 200;

    public ChildProtectionOverview.Borough Borough { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public ChildProtectionRules Rules => rules;
    public List<FlaggedPlans.Flagged> RunningLong => [.. Borough.Flagged.Where(p => p.Flags.LongRunning)];
    public List<FlaggedPlans.Flagged> Repeat => [.. Borough.Flagged.Where(p => p.Flags.Repeat).OrderByDescending(p => p.StartDate)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.TodayInUk(clock);
        Borough = await overview.BoroughAsync(me.Actor, Today, ct);
    }

    public string TeamName(int teamId) => Borough.TeamNames.GetValueOrDefault(teamId, "");
    public IEnumerable<string> Flags(FlaggedPlans.Flagged plan) => flagged.Describe(plan);
}
