using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>Link someone already recorded as a family or household member: find them, say how they are related.</summary>
[Authorize(Policy = Capabilities.AddPerson)]
public class AddRelationshipModel(PeopleService people, PersonSearch search, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Guid? RelatedPersonId { get; set; }
    [BindProperty] public RelationshipType? Type { get; set; }
    [BindProperty] public bool ParentalResponsibility { get; set; }

    public Person Person { get; private set; } = null!;
    public SearchResults? Results { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!string.IsNullOrWhiteSpace(Q)) Results = await search.SearchAsync(me.Actor, new PersonQuery(Q, PageSize: 10), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (RelatedPersonId is null) ModelState.AddModelError(nameof(RelatedPersonId), "Select the person to link");
        if (Type is null) ModelState.AddModelError(nameof(Type), "Select how they are related");
        if (!ModelState.IsValid)
        {
            if (!string.IsNullOrWhiteSpace(Q)) Results = await search.SearchAsync(me.Actor, new PersonQuery(Q, PageSize: 10), ct);
            return Page();
        }
        try
        {
            // Read as "the chosen person is TYPE of the person whose record this is".
            var r = await people.AddRelationshipAsync(me.Actor, RelatedPersonId!.Value, id, Type!.Value, ParentalResponsibility, null, ct);
            if (r is null) return NotFound();
            TempData["Success"] = "Relationship recorded";
            return Redirect($"/people/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Person record (linking family)", ct);
        if (person is null) return false;
        Person = person;
        Today = Display.TodayInUk(clock);
        return true;
    }
}
