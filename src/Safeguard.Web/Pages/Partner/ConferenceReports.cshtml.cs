using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Partner;

/// <summary>The conference reports a partner (a GP, a school) has been asked for and not yet sent, soonest conference first.</summary>
[Authorize(Policy = Capabilities.SubmitConferenceReport)]
public class ConferenceReportsModel(ConferenceService conferences, CurrentActor me, TimeProvider clock) : PageModel
{
    public List<ConferenceService.ReportToWrite> Reports { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.TodayInUk(clock);
        Reports = await conferences.ReportsToWriteAsync(me.Actor, ct);
    }
}
