using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Oversight;

/// <summary>
/// One action set by oversight: its owner (or a manager) completes it with a note; once missed, the manager who
/// set it (or another manager of the team) follows it up with a note and a new date. 404 for anyone who cannot open
/// the child's case.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class ActionModel(OversightService oversight, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? FollowUpNote { get; set; }
    [BindProperty] public DateParts DueDate { get; set; } = new();

    public OversightService.ActionView View { get; private set; } = null!;
    public bool Conflict { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = View.Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var done = await oversight.CompleteAsync(me.Actor, id, Version, Note, ct);
            if (done is null) return NotFound();
            TempData["Success"] = "The action is marked as done";
            return Redirect($"/actions/{id}");
        }
        catch (ValidationException ex) { OversightForms.AddErrors(ModelState, ex); }
        catch (ConcurrencyConflictException ex) { Refresh(nameof(Note), ex); }
        return Page();
    }

    public async Task<IActionResult> OnPostFollowUpAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (DueDate.ValidateFuture("The new due date", Today) is { } dateError) ModelState.AddDateError(nameof(DueDate), dateError);
        if (string.IsNullOrWhiteSpace(FollowUpNote)) ModelState.AddModelError(nameof(FollowUpNote), "Enter your follow-up: what you asked of the owner, and why it was missed");
        if (!ModelState.IsValid) return Page();
        try
        {
            var moved = await oversight.FollowUpAsync(me.Actor, id, Version, FollowUpNote, DueDate.ToDate(), ct);
            if (moved is null) return NotFound();
            TempData["Success"] = $"Followed up: the action is now due by {Display.Date(moved.DueDate)}";
            return Redirect($"/actions/{id}");
        }
        catch (ValidationException ex) { OversightForms.AddErrors(ModelState, ex, k => k == "Note" ? nameof(FollowUpNote) : k); }
        catch (ConcurrencyConflictException ex) { Refresh(nameof(FollowUpNote), ex); }
        return Page();
    }

    // What was typed stays; the page now shows the action as it is, and saving again is deliberate.
    private void Refresh(string field, ConcurrencyConflictException ex)
    {
        Conflict = true;
        ModelState.AddModelError(field, ex.Message);
        ModelState.Remove(nameof(Version));
        Version = View.Action.Version;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await oversight.ActionAsync(me.Actor, id, ct) is not { } view) return false;
        View = view;
        Today = Display.TodayInUk(clock);
        return true;
    }
}
