using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// A manager steps a child up from early help to a social care assessment, choosing the team and giving the reasons:
/// a new referral, made as the front door makes one. Another team's child is 404.
/// </summary>
[Authorize(Policy = Capabilities.StepUp)]
public class StepUpModel(ClosureService closures, PeopleService people, CurrentActor me) : PageModel
{
    [BindProperty] public int? TeamId { get; set; }
    [BindProperty] public string? Reasons { get; set; }

    public Person Person { get; private set; } = null!;
    public ClosureService.Summary Summary { get; private set; } = null!;
    public List<GovukOption> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var done = await closures.StepUpAsync(me.Actor, id, TeamId, Reasons, ct);
            if (done is null) return NotFound();
            TempData["Success"] = $"{Person.FullName} is referred to {done.TeamName} for an assessment (contact {done.ContactReference})"
                + (done.EarlierReferralId is null ? "" : ": a possible repeat referral");
            return Redirect($"/people/{id}/case");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await closures.SummaryAsync(me.Actor, id, logView: false, ct) is not { } summary) return false;
        if (await people.OpenAsync(me.Actor, id, "Step up", ct) is not { } person) return false;
        (Summary, Person) = (summary, person);
        Teams = (await closures.StepUpTeamsAsync(ct)).Select(t => new GovukOption(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Name)).ToList();
        return true;
    }
}
