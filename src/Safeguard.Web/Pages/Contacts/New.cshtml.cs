using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>
/// Record a contact. Opened from a child's record it offers that child and the other children of their family and
/// household; otherwise the worker types in the children as the referrer named them, to be matched at screening.
/// </summary>
[Authorize(Policy = Capabilities.RecordContact)]
public class NewModel(ContactService contacts, PeopleService people, PersonRecord record, SafeguardDbContext db, CurrentActor me, TimeProvider clock)
    : PageModel
{
    [BindProperty] public ContactForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Child { get; set; }

    /// <summary>The children to choose from when opened from a record; empty otherwise.</summary>
    public List<GovukOption> ChildOptions { get; private set; } = [];
    public string? ChildName { get; private set; }
    public List<GovukOption> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.Received = WhenForm.Of(clock.GetUtcNow());
        if (Child is { } child) Input.ChildIds = [child];
        Input.PadRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.PadRows();
        var now = clock.GetUtcNow().UtcDateTime;
        var input = Input.ToNewContact(ModelState, now);
        try
        {
            if (!ModelState.IsValid)
            {
                // Core's rules too, so every mistake is shown in one go rather than one round after the form's own.
                new NewContactValidator(now).ValidateAndThrow(input.Tidy());
                return Page();
            }
            var contact = await contacts.RecordAsync(me.Actor, input, ct);
            TempData["Success"] = $"Contact {contact.Reference} recorded";
            return Redirect($"/contacts/{contact.Id}");
        }
        catch (ValidationException ex)
        {
            var fromRecords = ChildOptions.Count > 0;
            foreach (var e in ex.Errors)
            {
                var key = Input.FieldFor(e.PropertyName, fromRecords);
                if (ModelState[key]?.Errors.Count > 0) continue;
                var message = e.PropertyName == "Children" && !fromRecords && e.ErrorMessage.StartsWith("Choose", StringComparison.Ordinal)
                    ? "Enter the name of at least one child the contact is about" : e.ErrorMessage;
                ModelState.AddModelError(key, message);
            }
            return Page();
        }
    }

    /// <summary>The starting child (null if they cannot be found), the children around them, and the agencies.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Agencies = await FrontDoorChoices.AgenciesAsync(db, "Choose their agency", ct);
        if (Child is not { } id) return true;
        var person = await people.OpenAsync(me.Actor, id, "Person record (recording a contact)", ct);
        if (person is null) return false;
        ChildName = person.FullName;
        var today = Display.TodayInUk(clock);
        ChildOptions = [new GovukOption(id.ToString(), person.FullName, $"{person.SafeguardId}, born {Display.Born(person, today)}")];
        var family = (await record.FamilyAsync(me.Actor, id, ct)).Where(f => f.To is null)
            .Select(f => (f.PersonId, f.Name, f.SafeguardId, f.DateOfBirth, Why: f.Relationship));
        var household = (await record.HouseholdAsync(me.Actor, id, ct))
            .Select(h => (h.PersonId, h.Name, h.SafeguardId, h.DateOfBirth, Why: "lives at the same address"));
        foreach (var other in family.Concat(household).Where(o => IsChild(o.DateOfBirth, today)).DistinctBy(o => o.PersonId))
        {
            var born = other.DateOfBirth is null ? "date of birth not known" : "born " + Display.BornText(other.DateOfBirth, null, today);
            ChildOptions.Add(new GovukOption(other.PersonId.ToString(), other.Name, $"{other.SafeguardId}, {born} ({other.Why})"));
        }
        return true;
    }

    // Adults are not the subject of a contact; someone with no date of birth may be a child, so they are offered.
    private static bool IsChild(DateOnly? dateOfBirth, DateOnly today) => dateOfBirth is not { } dob || dob > today.AddYears(-18);
}
