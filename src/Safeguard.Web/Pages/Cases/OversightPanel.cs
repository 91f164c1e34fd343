using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// The case page's management oversight: the last oversight date (tagged when there has been none within the
/// council's oversight timescale), the latest records with their open and late actions, and the link to record more
/// while the case is open.
/// The case page has already checked the reader can open the case.
/// </summary>
public class OversightPanel(OversightService oversight, SocialWorkRules rules, WorkingDayCalendar calendar, CurrentActor me, TimeProvider clock) : ViewComponent
{
    public sealed record Model(Guid PersonId, string FirstName, DateOnly Today, DateOnly? Last, bool Overdue, Timescale Rule,
        List<ManagementOversight> Recent, bool CanRecord);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, string firstName, bool open)
    {
        var ct = HttpContext.RequestAborted;
        var today = Display.TodayInUk(clock);
        var last = await oversight.LastOversightOnAsync(personId, ct);
        var overdue = OversightService.NeedsOversight(last, await oversight.OpenSinceAsync(personId, ct), today, rules.Oversight, calendar);
        var recent = await oversight.ForChildAsync(personId, 3, ct);
        return View(new Model(personId, firstName, today, last, overdue, rules.Oversight, recent, open && me.Actor.Can(Capabilities.RecordOversight)));
    }
}
