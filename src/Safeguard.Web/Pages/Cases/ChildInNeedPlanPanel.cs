using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// The case page's child in need plan: the current plan in brief (stage, start, next review and whether it is late,
/// open and late actions) with its link, or a link to write one when one can be started, or, for those who write
/// plans, why one cannot be yet (the assessment is not authorised, or concluded something else). The case page has
/// already checked the case is the user's to open. With link: true, only the line for the page's "On this case" list.
/// </summary>
public sealed class ChildInNeedPlanPanel(ChildInNeedPlanService plans, CurrentActor me, TimeProvider clock) : ViewComponent
{
    public sealed record Model(Guid PersonId, ChildInNeedPlanService.Current? Plan, bool CanStart, string? WhyNot, DateOnly Today);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, bool canWrite = true, bool link = false)
    {
        var current = await plans.CurrentAsync(personId, HttpContext.RequestAborted);
        var mayWrite = current is null && canWrite && me.Actor.Can(Capabilities.PlanForChild);
        var whyNot = mayWrite ? await plans.WhyNotStartAsync(personId, HttpContext.RequestAborted) : null;
        var model = new Model(personId, current, mayWrite && whyNot is null, whyNot, Display.TodayInUk(clock));
        return View(link ? "Link" : "Default", model);
    }
}
