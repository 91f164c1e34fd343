using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>Change a person's details. If someone else saved first, nothing is overwritten and what was typed stays on the page.</summary>
[Authorize(Policy = Capabilities.EditPerson)]
public class EditModel(PeopleService people, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public PersonForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Person details (editing)", ct);
        if (person is null) return NotFound();
        (Id, Name, Version, Input) = (id, person.FullName, person.Version, PersonForm.From(person));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var details = Input.ToDetails(ModelState, Display.TodayInUk(clock));
        Name = $"{Input.FirstName} {Input.LastName}";
        if (details is null) return Page();
        try
        {
            var person = await people.UpdateAsync(me.Actor, id, Version, details, ct);
            if (person is null) return NotFound();
            TempData["Success"] = "Details saved";
            return Redirect($"/people/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError("Input.FirstName", ex.Message);
            // Saving again after reading the other change is a deliberate choice: take the version now stored.
            Version = (await people.OpenAsync(me.Actor, id, "Person details (editing, after a conflict)", ct))?.Version ?? Version;
        }
        return Page();
    }
}
