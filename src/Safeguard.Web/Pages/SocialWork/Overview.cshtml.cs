using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.SocialWork;

/// <summary>The service manager's view of every social work team: how much is late, by kind, with a link to each team's list.</summary>
[Authorize(Policy = Capabilities.OverseeTeams)]
public class OverviewModel(TeamOverdue overdue, SocialWorkRules rules, CurrentActor me, TimeProvider clock) : PageModel
{
    public List<TeamOverdue.Counts> Teams { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string OversightInterval => rules.Oversight.ToString();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.TodayInUk(clock);
        Teams = await overdue.TeamsAsync(me.Actor, Today, ct);
    }
}
