using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// A proposal to close or step down a child's case, with every decision on it; the manager (not the proposer) signs it
/// off or sends it back with the reason. Another team's child is 404.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class ClosureModel(ClosureService closures, CurrentActor me) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public ClosureService.View View { get; private set; } = null!;
    public bool Conflict { get; private set; }

    /// <summary>A manager who did not propose it may decide while it waits.</summary>
    public bool CanDecide => View.Closure.Stage == ClosureStage.AwaitingAuthorisation && me.Actor.Can(Capabilities.AuthoriseWork)
        && View.Closure.ProposedById != me.Actor.UserId;

    public bool IsProposer => View.Closure.ProposedById == me.Actor.UserId;

    public bool CanProposeAgain => View.Closure.Stage == ClosureStage.Returned && me.Actor.Can(Capabilities.ProposeClosure);

    public async Task<IActionResult> OnGetAsync(Guid id, int closureId, CancellationToken ct)
    {
        if (await closures.OpenAsync(me.Actor, id, closureId, ct) is not { } view) return NotFound();
        View = view;
        Version = view.Closure.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int closureId, CancellationToken ct)
    {
        if (await closures.OpenAsync(me.Actor, id, closureId, ct) is not { } view) return NotFound();
        View = view;
        if (Decision is not ("approve" or "return")) ModelState.AddModelError(nameof(Decision), "Choose whether to sign it off or send it back");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), Decision == "return"
            ? "Enter why you are sending it back, and what needs to happen first" : "Enter your reasons for signing it off: the record shows why");
        if (!ModelState.IsValid) return Page();
        try
        {
            var decided = await closures.AuthoriseAsync(me.Actor, closureId, Version, Decision == "approve", Reason, ct);
            if (decided is null) return NotFound();
            TempData["Success"] = decided.Stage == ClosureStage.Authorised
                ? decided.Kind == ClosureKind.StepDownToEarlyHelp ? $"{view.ChildName}'s case is stepped down to early help" : $"{view.ChildName}'s case is closed"
                : $"The proposal is sent back to {decided.ProposedByName}";
            return Redirect($"/people/{id}/case#closure");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        catch (ConcurrencyConflictException ex)
        {
            // What the manager typed stays; the page now shows what the other decision was.
            Conflict = true;
            ModelState.AddModelError(nameof(Reason), ex.Message);
            View = (await closures.OpenAsync(me.Actor, id, closureId, ct))!;
            Version = View.Closure.Version;
        }
        return Page();
    }
}
