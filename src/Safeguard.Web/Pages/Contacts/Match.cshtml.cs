using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>
/// Match a child the referrer named to their record, or (without a child in the address) add another child of the
/// household to the contact. The children around those already on the contact are offered first; search finds anyone else.
/// </summary>
[Authorize(Policy = Capabilities.ScreenContact)]
public class MatchModel(FrontDoorQueries queries, ContactService contacts, PersonSearch search, PersonRecord record, CurrentActor me, TimeProvider clock)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public Guid? PersonId { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public FrontDoorQueries.ContactView View { get; private set; } = null!;
    /// <summary>The child being matched; null when adding a child.</summary>
    public FrontDoorQueries.ChildOnContact? Child { get; private set; }
    public List<GovukOption> Choices { get; private set; } = [];
    public SearchResults? Results { get; private set; }
    public bool CanChange => View.Contact.Stage == ContactStage.AwaitingScreening && Child?.PersonId is null;

    public async Task<IActionResult> OnGetAsync(int id, int? contactChildId, CancellationToken ct)
    {
        if (!await LoadAsync(id, contactChildId, ct)) return NotFound();
        if (Q is null && Child?.ReportedName is { } name)
            Q = Child.ReportedDateOfBirth is { } dob ? $"{name} {dob:dd/MM/yyyy}" : name;
        await SearchAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? contactChildId, CancellationToken ct)
    {
        var version = Version;
        if (!await LoadAsync(id, contactChildId, ct)) return NotFound();
        if (PersonId is not { } personId)
            ModelState.AddModelError(nameof(PersonId), Child is null ? "Choose the child to add" : "Choose the child's record");
        else
        {
            try
            {
                if (await contacts.MatchChildAsync(me.Actor, id, version, contactChildId, personId, ct) is null) return NotFound();
                TempData["Success"] = Child is null ? "Child added to the contact" : $"{Child.Name} matched to a record";
                return Redirect($"/contacts/{id}");
            }
            catch (ValidationException ex)
            {
                ModelState.AddErrors(ex, field => field is "PersonId" or "Children" ? nameof(PersonId) : field);
            }
            catch (ConcurrencyConflictException ex)
            {
                ModelState.AddModelError(nameof(PersonId), ex.Message);
            }
        }
        await SearchAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int? contactChildId, CancellationToken ct)
    {
        var view = await queries.ContactAsync(me.Actor, id, ct);
        if (view is null) return false;
        View = view;
        Version = view.Contact.Version;
        if (contactChildId is { } childId)
        {
            Child = view.Children.FirstOrDefault(c => c.ContactChildId == childId);
            if (Child is null) return false;
        }
        // The family and household of the children already on the contact are the likeliest matches.
        var onContact = view.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToHashSet();
        var today = Display.TodayInUk(clock);
        foreach (var onId in onContact)
        {
            var family = (await record.FamilyAsync(me.Actor, onId, ct)).Where(f => f.To is null).Select(f => (f.PersonId, f.Name, f.SafeguardId, f.DateOfBirth));
            var household = (await record.HouseholdAsync(me.Actor, onId, ct)).Select(h => (h.PersonId, h.Name, h.SafeguardId, h.DateOfBirth));
            foreach (var p in family.Concat(household).Where(p => !onContact.Contains(p.PersonId) && (p.DateOfBirth is null || p.DateOfBirth > today.AddYears(-18))))
                if (Choices.All(c => c.Value != p.PersonId.ToString()))
                    Choices.Add(new GovukOption(p.PersonId.ToString(), p.Name, $"{p.SafeguardId}, born {Display.Date(p.DateOfBirth)}: family or household of a child on this contact"));
        }
        return true;
    }

    private async Task SearchAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q)) return;
        if (Q.Length > 200)
        {
            ModelState.AddModelError(nameof(Q), "Search for 200 characters or fewer");
            return;
        }
        Results = await search.SearchAsync(me.Actor, new PersonQuery(Q, PageSize: 10), ct);
        var today = Display.TodayInUk(clock);
        foreach (var r in Results.Items.Where(r => Choices.All(c => c.Value != r.Id.ToString())))
            Choices.Add(new GovukOption(r.Id.ToString(), r.Name,
                $"{r.SafeguardId}, born {Display.BornText(r.DateOfBirth, r.ExpectedDateOfBirth, today)}, {r.CurrentAddress ?? "address not known"}"));
    }
}
