using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>Record a move. The earlier address is kept in the history, ending the day before.</summary>
[Authorize(Policy = Capabilities.AddPerson)]
public class AddAddressModel(PeopleService people, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public AddressForm Address { get; set; } = new();
    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Addresses", ct);
        if (person is null) return NotFound();
        Person = person;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Addresses", ct);
        if (person is null) return NotFound();
        Person = person;
        var address = Address.ToNewAddress(ModelState, Display.TodayInUk(clock), required: true);
        if (address is null || !ModelState.IsValid) return Page();
        try
        {
            await people.AddAddressAsync(me.Actor, id, address, ct);
            TempData["Success"] = "Address recorded";
            return Redirect($"/people/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "Address.");
            return Page();
        }
    }
}
