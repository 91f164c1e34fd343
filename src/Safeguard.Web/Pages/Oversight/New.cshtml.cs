using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Oversight;

/// <summary>
/// A manager records oversight of one child's case: the decision or direction, why, and the actions it sets. Another
/// team's child (or a record the manager may not see) is 404; a role without oversight is 403.
/// </summary>
[Authorize(Policy = Capabilities.RecordOversight)]
public class NewModel(OversightService oversight, CaseAccess cases, PeopleService people, CurrentActor me, TimeProvider clock) : PageModel
{
    public const int BlankActions = 3;

    [BindProperty] public DateParts RecordedOn { get; set; } = new();
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public List<ActionRow> Actions { get; set; } = [];

    public Person Person { get; private set; } = null!;
    public List<GovukOption> Owners { get; private set; } = [];
    /// <summary>
    /// Set when the case is closed: oversight is recorded only while it is open, so the page says so instead of offering
    /// the form (the service refuses one posted from a page opened before it closed, keeping what was typed).
    /// </summary>
    public CaseAccess.Closed? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        RecordedOn = DateParts.From(Display.TodayInUk(clock));
        Actions = OversightForms.Pad(Actions, BlankActions);
        return Page();
    }

    /// <summary>Another empty action row, keeping everything typed.</summary>
    public async Task<IActionResult> OnPostAddActionAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        Actions.Add(new ActionRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var today = Display.TodayInUk(clock);
        DateOnly? on = null;
        if (RecordedOn.ValidatePast("The date of the oversight", today) is { } dateError) ModelState.AddDateError(nameof(RecordedOn), dateError);
        else on = RecordedOn.ToDate();
        var actions = OversightForms.Read(Actions, nameof(Actions), ModelState);
        if (!ModelState.IsValid)
        {
            Actions = OversightForms.Pad(Actions, 1);
            return Page();
        }
        try
        {
            var saved = await oversight.RecordAsync(me.Actor, id, new OversightService.Input(on, Decision, Rationale, actions), ct);
            if (saved is null) return NotFound();
            TempData["Success"] = $"Management oversight of {Person.FullName} recorded";
            return Redirect($"/people/{id}/oversight/{saved.Id}");
        }
        catch (ValidationException ex)
        {
            // The refusal of a closed case is about the whole record, not one field.
            OversightForms.AddErrors(ModelState, ex, key => key == "PersonId" ? "" : key);
        }
        Actions = OversightForms.Pad(Actions, 1);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return false;
        if (await people.OpenAsync(me.Actor, id, "Management oversight", ct) is not { } person) return false;
        Person = person;
        Closed = await cases.ClosedAsync(id, ct);
        Owners = OversightForms.OwnerOptions(await oversight.OwnersAsync(me.Actor, id, ct), me.Actor.UserId);
        return true;
    }
}
