using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// Add a person. The likely duplicates are shown before anyone is added; the worker confirms it is a new
/// person. Opened from a record ("add a family member"), it also records how the two are related.
/// </summary>
[Authorize(Policy = Capabilities.AddPerson)]
public class AddModel(PeopleService people, DuplicateCheck duplicates, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public PersonForm Input { get; set; } = new();
    [BindProperty] public AddressForm Address { get; set; } = new();
    [BindProperty] public bool ConfirmedNew { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? RelatedTo { get; set; }
    [BindProperty(SupportsGet = true)] public RelationshipType? As { get; set; }

    public IReadOnlyList<PossibleDuplicate> Duplicates { get; private set; } = [];
    public string? RelatedName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadRelatedAsync(ct)) return NotFound();
        if (RelatedTo is not null && Address.Line1 is null)
        {
            // A family member usually lives at the same address: offer it, they can change it.
            var related = await people.OpenAsync(me.Actor, RelatedTo.Value, "Person record (adding a family member)", ct);
            var current = related?.Addresses.Where(a => a.To is null).OrderByDescending(a => a.From).FirstOrDefault();
            if (current is not null) Address = AddressForm.Of(current);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadRelatedAsync(ct)) return NotFound();
        var today = Display.TodayInUk(clock);
        var details = Input.ToDetails(ModelState, today);
        var address = Address.ToNewAddress(ModelState, today);
        if (details is null || !ModelState.IsValid) return Page();
        try
        {
            new PersonDetailsValidator(today).ValidateAndThrow(details.Tidy());
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex);
            return Page();
        }

        Duplicates = await duplicates.FindAsync(me.Actor, details, ct);
        if (Duplicates.Count > 0 && !ConfirmedNew)
        {
            ModelState.AddModelError(nameof(ConfirmedNew), "Check the people who may already be recorded, then confirm this is a new person");
            return Page();
        }

        try
        {
            var person = await people.AddAsync(me.Actor, details, address, ct);
            if (RelatedTo is { } relatedId && As is { } type)
                await people.AddRelationshipAsync(me.Actor, person.Id, relatedId, type, parentalResponsibility: type == RelationshipType.ParentOf, from: null, ct);
            TempData["Success"] = $"{person.FullName} added as {person.SafeguardId}";
            return Redirect($"/people/{(RelatedTo ?? person.Id)}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex);
            return Page();
        }
    }

    private async Task<bool> LoadRelatedAsync(CancellationToken ct)
    {
        if (RelatedTo is null) return true;
        var related = await people.OpenAsync(me.Actor, RelatedTo.Value, "Person record (adding a family member)", ct);
        RelatedName = related?.FullName;
        return related is not null;
    }

    public static IEnumerable<GovukOption> RelationshipOptions => FamilyOptions.All;
}
