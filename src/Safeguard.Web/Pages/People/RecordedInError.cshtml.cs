using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>Nothing is deleted: a person added by mistake is marked recorded in error, with the reason, and leaves search.</summary>
[Authorize(Policy = Capabilities.MarkRecordedInError)]
public class RecordedInErrorModel(PeopleService people, CurrentActor me) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Person record (recorded in error)", ct);
        if (person is null) return NotFound();
        Person = person;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Person record (recorded in error)", ct);
        if (person is null) return NotFound();
        Person = person;
        if ((Reason ?? "").Length > 1000) ModelState.AddModelError(nameof(Reason), "The reason must be 1,000 characters or fewer");
        if (!ModelState.IsValid) return Page();
        try
        {
            await people.MarkRecordedInErrorAsync(me.Actor, id, Reason ?? "", ct);
            TempData["Success"] = "Marked as recorded in error";
            return Redirect($"/people/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
            return Page();
        }
    }
}
