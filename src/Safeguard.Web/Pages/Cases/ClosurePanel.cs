using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>The case page's closure panel: the open episode, a proposal waiting or sent back, past closures, and what the viewer can do.</summary>
public sealed class ClosurePanelViewComponent(ClosureService closures, CurrentActor me) : ViewComponent
{
    public sealed record Panel(Guid PersonId, string FirstName, ClosureService.Summary Summary, bool CanPropose, bool CanStepUp);

    public async Task<IViewComponentResult> InvokeAsync(Guid personId, string firstName, bool recordedInError)
    {
        var summary = await closures.SummaryAsync(me.Actor, personId, logView: false, HttpContext.RequestAborted);
        if (summary is null) return Content("");
        var canPropose = !recordedInError && me.Actor.Can(Capabilities.ProposeClosure) && summary.Open is not null && summary.Waiting is null;
        var canStepUp = !recordedInError && me.Actor.Can(Capabilities.StepUp) && summary.OpenToEarlyHelp && !summary.OpenToSocialCare;
        return View(new Panel(personId, firstName, summary, canPropose, canStepUp));
    }
}
