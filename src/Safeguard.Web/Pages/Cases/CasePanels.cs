using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// The case page's visits: the next visit due (tagged late when it has passed), when the child was last seen and last
/// seen alone, the recent visits, and a link to record one. The case page has checked and logged access.
/// </summary>
public class VisitsPanel(VisitService visits, CurrentActor me, TimeProvider clock) : ViewComponent
{
    public sealed record Model(Guid PersonId, string FirstName, VisitService.Summary Summary, DateOnly Today, bool CanRecord);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, string firstName, bool open)
    {
        var summary = await visits.SummaryAsync(personId, 5, HttpContext.RequestAborted);
        return View(new Model(personId, firstName, summary, Display.TodayInUk(clock), open && me.Actor.Can(Capabilities.RecordVisit)));
    }
}

/// <summary>
/// The case page's recent case notes (type, when, significant, first line) and a link to write one. A closed case keeps
/// the link: a late entry, or contact after closure (a call from the school), still belongs on the child's record.
/// </summary>
public class CaseNotesPanel(CaseNoteService notes, CurrentActor me) : ViewComponent
{
    public sealed record Model(Guid PersonId, string FirstName, List<CaseNote> Notes, bool CanWrite, bool Closed);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, string firstName, bool open, bool closed = false)
    {
        var recent = await notes.RecentAsync(personId, 5, HttpContext.RequestAborted);
        return View(new Model(personId, firstName, recent, open && me.Actor.Can(Capabilities.RecordCaseNote), closed));
    }
}

/// <summary>
/// The case page's child protection: the plan now (category, next core group and review, tagged late, and its flags),
/// an enquiry under way, conferences to hold, and everything earlier with its link; and, for the child's social workers
/// and managers, links to record a strategy discussion or emergency protection. The case page has checked and logged access.
/// </summary>
public class ChildProtectionPanel(Safeguard.Core.ChildProtection.ChildProtectionCase record, CurrentActor me, TimeProvider clock) : ViewComponent
{
    public sealed record Model(Guid PersonId, string FirstName, Safeguard.Core.ChildProtection.ChildProtectionCase.Summary Summary, DateOnly Today,
        bool CanRecordDiscussion, bool CanRecordProtection);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, string firstName, bool open)
    {
        var today = Display.TodayInUk(clock);
        var summary = await record.ForChildAsync(personId, today, HttpContext.RequestAborted);
        return View(new Model(personId, firstName, summary, today,
            open && me.Actor.Can(Capabilities.RecordStrategyDiscussion), open && me.Actor.Can(Capabilities.RecordSection47)));
    }
}
