using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Oversight;

/// <summary>One oversight record in full: the decision, why, and its actions with where each stands. 404 for anyone who cannot open the case.</summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class ShowModel(OversightService oversight, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    public ManagementOversight Record { get; private set; } = null!;
    public CaseAccess.Child Person { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int oversightId, CancellationToken ct)
    {
        if (await oversight.OpenAsync(me.Actor, id, oversightId, ct) is not { } record) return NotFound();
        if (await cases.ChildAsync(id, ct) is not { } person) return NotFound();
        Record = record;
        Person = person;
        Today = Display.TodayInUk(clock);
        return Page();
    }

    /// <summary>Where an action stands, and the tag's colour.</summary>
    public static (string Text, string Colour) Status(OversightAction a, DateOnly today) =>
        a.CompletedOn is { } done ? ($"Done {Display.Date(done)}", "govuk-tag--green")
        : a.DueDate < today ? ($"Late: due {Display.Date(a.DueDate)}", "govuk-tag--red")
        : ($"Due {Display.Date(a.DueDate)}", "govuk-tag--blue");
}
