using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>Police protection or an emergency protection order, as typed.</summary>
public sealed class EmergencyProtectionForm
{
    public EmergencyProtectionKind? Kind { get; set; }
    public DateParts Start { get; set; } = new();
    public DateParts End { get; set; } = new();
    public string? Details { get; set; }
}

/// <summary>
/// Record police protection (at most 72 hours) or an emergency protection order (8 days, extended once by 7) with its
/// dates, for the census and Annex A. For the social workers and managers of the child's team.
/// </summary>
[Authorize(Policy = Capabilities.RecordSection47)]
public class NewEmergencyProtectionModel(Section47Service enquiries, CaseAccess cases, PeopleService people, CurrentActor me) : PageModel
{
    [BindProperty] public EmergencyProtectionForm Input { get; set; } = new();
    public Person Person { get; private set; } = null!;
    public CaseAccess.Closed? Closed { get; private set; }

    public static IEnumerable<GovukOption> Kinds =>
    [
        new(nameof(EmergencyProtectionKind.PolicePowers), "Police protection", "Children Act 1989, section 46: up to 72 hours"),
        new(nameof(EmergencyProtectionKind.EmergencyProtectionOrder), "Emergency protection order", "Section 44: granted by the court for up to 8 days, extended once by 7"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var startError = Input.Start.Validate("The date it started");
        if (startError is not null) ModelState.AddDateError("Input.Start", startError);
        var endError = Input.End.Validate("The date it ended", required: false);
        if (endError is not null) ModelState.AddDateError("Input.End", endError);
        // A date the page could not read goes to the service as missing (a start) or impossible (an end a year before the start),
        // so nothing is saved; the message shown is the page's own.
        var input = new Section47Service.NewEmergencyProtection(Input.Kind, Input.Start.ToDate(), endError is null ? Input.End.ToDate() : Input.Start.ToDate()?.AddYears(-1), Input.Details);
        try
        {
            if (await enquiries.RecordEmergencyProtectionAsync(me.Actor, id, input, ct) is null) return NotFound();
            if (!ModelState.IsValid) return Page();   // cannot happen: the service refuses what the page could not read
            TempData["Success"] = Input.Kind == EmergencyProtectionKind.PolicePowers ? "Police protection recorded" : "Emergency protection order recorded";
            return Redirect($"/people/{id}/case#child-protection");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.PropertyName switch { "StartDate" => "Input.Start", "EndDate" => "Input.End", "PersonId" => "", var k => "Input." + k };
                if (!ModelState.HasErrorAt(key)) ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return false;
        if (await people.OpenAsync(me.Actor, id, "Case (recording emergency protection)", ct) is not { } person) return false;
        Person = person;
        Closed = await cases.ClosedAsync(id, ct);
        return true;
    }
}
