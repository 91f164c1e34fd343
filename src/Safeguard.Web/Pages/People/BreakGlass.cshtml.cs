using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// Open a restricted record in an emergency: the Safeguard ID and a reason. Access lasts a shift; the
/// restriction's owner is told. Gives the same answer for a record that does not exist or is not restricted.
/// </summary>
[Authorize(Policy = Capabilities.BreakGlass)]
public class BreakGlassModel(RestrictionService restrictions, SafeguardDbContext db, CurrentActor me) : PageModel
{
    [BindProperty] public string? SafeguardId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var number = Person.ParseNumber(SafeguardId ?? "");
        if (number is null) ModelState.AddModelError(nameof(SafeguardId), "Enter a Safeguard ID, like SG-0001234");
        if (!ModelState.IsValid) return Page();
        var id = await db.People.Where(p => p.Number == number && p.IsRestricted).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        try
        {
            if (id is null || !await restrictions.BreakGlassAsync(me.Actor, id.Value, Reason ?? "", ct))
            {
                ModelState.AddModelError(nameof(SafeguardId), "There is no restricted record with that Safeguard ID: use Find a person for other records");
                return Page();
            }
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
            return Page();
        }
        return Redirect($"/people/{id}");
    }
}
