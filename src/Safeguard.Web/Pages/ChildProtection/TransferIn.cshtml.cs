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

/// <summary>
/// A child on a plan in another council has moved here: the worker asks for a transfer-in conference, which goes on the
/// chairs' list due 15 working days after this council was told. For the social workers and managers of the child's team.
/// </summary>
[Authorize(Policy = Capabilities.RecordSection47)]
public class TransferInModel(ConferenceService conferences, CaseAccess cases, PeopleService people, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public DateParts NotifiedOn { get; set; } = new();
    [BindProperty] public string? FromCouncil { get; set; }
    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        NotifiedOn = DateParts.From(Display.TodayInUk(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var dateError = NotifiedOn.Validate("The date we were told");
        if (dateError is not null) ModelState.AddDateError(nameof(NotifiedOn), dateError);
        try
        {
            var conference = await conferences.RequestTransferInAsync(me.Actor, id, NotifiedOn.ToDate(), FromCouncil, ct);
            if (conference is null) return NotFound();
            TempData["Success"] = $"Transfer-in conference asked for: due by {Display.Date(conference.DueDate)}";
            return Redirect($"/people/{id}/case#child-protection");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.PropertyName == "PersonId" ? "" : e.PropertyName;
                if (!ModelState.HasErrorAt(key)) ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return false;
        if (await people.OpenAsync(me.Actor, id, "Case (asking for a transfer-in conference)", ct) is not { } person) return false;
        Person = person;
        return true;
    }
}
