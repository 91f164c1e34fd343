using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;
using Safeguard.Web.Govuk;
using Safeguard.Web.Pages.Contacts;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Consultations;

/// <summary>The consultation as the form holds it: the child is named by Safeguard ID, revealed for a named consultation.</summary>
public sealed class ConsultationForm
{
    public ConsultationKind? Kind { get; set; }
    public string? ChildSafeguardId { get; set; }
    public WhenForm Received { get; set; } = new();
    public string? SourceCode { get; set; }
    public int? AgencyId { get; set; }
    public string? ProfessionalName { get; set; }
    public string? ProfessionalRole { get; set; }
    public string? Question { get; set; }
    public string? Advice { get; set; }
}

/// <summary>
/// Record a professional's consultation. Only professionals consult: the public, family, the child and anonymous
/// callers make contacts, and the service says so.
/// </summary>
[Authorize(Policy = Capabilities.RecordConsultation)]
public class NewModel(ConsultationService consultations, PersonSearch search, PeopleService people, SafeguardDbContext db, CurrentActor me,
    TimeProvider clock) : PageModel
{
    [BindProperty] public ConsultationForm Input { get; set; } = new();
    /// <summary>Opened from a child's record: the consultation is about them.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Child { get; set; }
    public List<GovukOption> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Agencies = await FrontDoorChoices.AgenciesAsync(db, "Choose their agency", ct);
        Input.Received = WhenForm.Of(clock.GetUtcNow());
        if (Child is { } id)
        {
            var person = await people.OpenAsync(me.Actor, id, "Person record (recording a consultation)", ct);
            if (person is null) return NotFound();
            (Input.Kind, Input.ChildSafeguardId) = (ConsultationKind.Named, person.SafeguardId);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Agencies = await FrontDoorChoices.AgenciesAsync(db, "Choose their agency", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var received = Input.Received.ToUtc(ModelState, "Input.Received", "The date of the consultation", "the time of the consultation");
        if (Input.Kind is null) ModelState.AddModelError("Input.Kind", "Choose whether the consultation names a child");
        Guid? child = null;
        if (Input.Kind == ConsultationKind.Named && !string.IsNullOrWhiteSpace(Input.ChildSafeguardId))
        {
            child = await FindChildAsync(Input.ChildSafeguardId, ct);
            if (child is null) ModelState.AddModelError("Input.ChildSafeguardId", "No child has that Safeguard ID: check it, for example SG-0001234");
        }
        // Stand-ins where the form found a mistake, so Core's rules can still be checked and every error shown at once.
        var input = new NewConsultation
        {
            Kind = Input.Kind ?? ConsultationKind.NoName, ReceivedAtUtc = received ?? now, SourceCode = Input.SourceCode ?? "", AgencyId = Input.AgencyId,
            ProfessionalName = Input.ProfessionalName ?? "", ProfessionalRole = Input.ProfessionalRole,
            PersonId = child,
            Question = Input.Question ?? "", Advice = Input.Advice ?? "",
        };
        try
        {
            if (!ModelState.IsValid)
            {
                new NewConsultationValidator(now).ValidateAndThrow(input.Tidy());
                return Page();
            }
            await consultations.RecordAsync(me.Actor, input, ct);
            TempData["Success"] = "Consultation recorded";
            return Redirect("/consultations");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.PropertyName switch
                {
                    "PersonId" => "Input.ChildSafeguardId",
                    "ReceivedAtUtc" => "Input.Received.Date",
                    _ => "Input." + e.PropertyName,
                };
                if (ModelState[key]?.Errors.Count is null or 0) ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
    }

    /// <summary>The child with this Safeguard ID, if the worker may see them (search applies the same visibility as the records).</summary>
    private async Task<Guid?> FindChildAsync(string safeguardId, CancellationToken ct)
    {
        if (Person.ParseNumber(safeguardId.Trim()) is not { } number) return null;
        var found = await search.SearchAsync(me.Actor, new PersonQuery(Person.FormatNumber(number), PageSize: 1), ct);
        return found.Items.FirstOrDefault(p => p.Number == number)?.Id;
    }
}
