using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// The worker proposes closing the child's episode (with the census reason) or stepping it down to an early help team,
/// with the reasons, for a manager's sign-off. Another team's child is 404; a child with nothing to close is told so.
/// </summary>
[Authorize(Policy = Capabilities.ProposeClosure)]
public class CloseModel(ClosureService closures, PeopleService people, CurrentActor me) : PageModel
{
    [BindProperty] public ClosureKind? Kind { get; set; }
    [BindProperty] public string? ReasonCode { get; set; }
    [BindProperty] public int? EarlyHelpTeamId { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public Person Person { get; private set; } = null!;
    public ClosureService.Summary Summary { get; private set; } = null!;
    public List<GovukOption> EarlyHelpTeams { get; private set; } = [];

    public static IEnumerable<GovukOption> ReasonCodes =>
        ClosureCodes.ReasonForClosure.Items.Where(i => i.Code != "RC9").Select(i => new GovukOption(i.Code, $"{i.Code}: {i.Label}",
            ClosureCodes.EndsRegardless(i.Code) ? "Closes the case even while an assessment is open"
            : ClosureCodes.NeedsAssessment(i.Code) ? "Needs an authorised assessment on the referral" : null));

    /// <summary>Whether a proposal can be made now: an open referral and nothing waiting.</summary>
    public bool CanPropose => Summary.Open is not null && Summary.Waiting is null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        // A proposal sent back comes back onto the page as it was, to be changed and sent again.
        if (Summary.Returned is { } r)
        {
            Kind = r.Kind;
            ReasonCode = r.Kind == ClosureKind.Close ? r.ReasonCode : null;
            EarlyHelpTeamId = r.EarlyHelpTeamId;
            Reasons = r.Reasons;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Kind is null) ModelState.AddModelError(nameof(Kind), "Choose whether to close the case or step it down to early help");
        if (!ModelState.IsValid) return Page();
        try
        {
            var proposal = new ClosureService.Proposal(Kind!.Value, Kind == ClosureKind.Close ? ReasonCode : null, Reasons,
                Kind == ClosureKind.StepDownToEarlyHelp ? EarlyHelpTeamId : null);
            var closure = await closures.ProposeAsync(me.Actor, id, proposal, ct);
            if (closure is null) return NotFound();
            TempData["Success"] = closure.Kind == ClosureKind.StepDownToEarlyHelp
                ? "Your proposal to step the case down to early help is with your manager to sign off"
                : "Your proposal to close the case is with your manager to sign off";
            return Redirect($"/people/{id}/case#closure");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await closures.SummaryAsync(me.Actor, id, logView: false, ct) is not { } summary) return false;
        if (await people.OpenAsync(me.Actor, id, "Closure proposal", ct) is not { } person) return false;
        (Summary, Person) = (summary, person);
        EarlyHelpTeams = (await closures.EarlyHelpTeamsAsync(ct)).Select(t => new GovukOption(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name)).ToList();
        return true;
    }
}
