using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>
/// The contact service's screening decision. Early help and referral reveal the team (and for a referral the primary
/// need); the decision can be dated earlier for one made by phone. Saved against the version shown, so two workers
/// cannot both decide.
/// </summary>
[Authorize(Policy = Capabilities.ScreenContact)]
public class ScreenModel(FrontDoorQueries queries, ContactService contacts, SafeguardDbContext db, CurrentActor me) : PageModel
{
    private static readonly TeamKind[] SocialWorkTeams = [TeamKind.Assessment, TeamKind.ChildInNeed, TeamKind.ChildProtection];

    [BindProperty] public ScreeningOutcome? Outcome { get; set; }
    // Each reveal has its own team box: two selects with one name would both be posted.
    [BindProperty] public int? EarlyHelpTeamId { get; set; }
    [BindProperty] public int? SocialWorkTeamId { get; set; }
    [BindProperty] public string? PrimaryNeedCode { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public WhenForm DecidedAt { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }

    public FrontDoorQueries.ContactView View { get; private set; } = null!;
    public List<GovukOption> EarlyHelpTeams { get; private set; } = [];
    public List<GovukOption> SocialWorkTeamOptions { get; private set; } = [];
    public bool Conflict { get; private set; }
    public bool CanScreen => View.Contact.Stage == ContactStage.AwaitingScreening && View.Children.All(c => c.PersonId is not null);
    /// <summary>After a conflict the form stays, with what was typed, even if the other change was a decision.</summary>
    public bool ShowForm => CanScreen || Conflict;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = View.Contact.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var decidedAt = DecidedAt.ToUtc(ModelState, nameof(DecidedAt), "The date of the decision", "the time of the decision", required: false);
        // Core checks these one at a time; checking them here too shows every gap at once.
        if (Outcome is null) ModelState.AddModelError(nameof(Outcome), "Choose the decision");
        if (Outcome == ScreeningOutcome.Referral && SocialWorkTeamId is null)
            ModelState.AddModelError(nameof(SocialWorkTeamId), "Choose the team that will take it on");
        if (Outcome == ScreeningOutcome.Referral && string.IsNullOrEmpty(PrimaryNeedCode))
            ModelState.AddModelError(nameof(PrimaryNeedCode), "Choose the child's primary need");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter the reason for the decision");
        if (!ModelState.IsValid) return Page();
        var team = Outcome switch { ScreeningOutcome.EarlyHelp => EarlyHelpTeamId, ScreeningOutcome.Referral => SocialWorkTeamId, _ => null };
        var decision = new ContactService.Screening(Outcome!.Value, Reason ?? "", team,
            Outcome == ScreeningOutcome.Referral ? PrimaryNeedCode : null, decidedAt);
        try
        {
            if (await contacts.ScreenAsync(me.Actor, id, Version, decision, ct) is null) return NotFound();
            TempData["Success"] = $"Decision saved: {Contact.Label(Outcome.Value)}";
            return Redirect($"/contacts/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, field => field switch
            {
                "ToTeamId" => Outcome == ScreeningOutcome.EarlyHelp ? nameof(EarlyHelpTeamId) : nameof(SocialWorkTeamId),
                "DecidedAtUtc" => nameof(DecidedAt) + ".Date",
                "Children" => "",
                _ => field,
            });
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError(nameof(Outcome), ex.Message);
            // Saving again after reading the other change is a deliberate choice: take the version now stored.
            Version = View.Contact.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.ContactAsync(me.Actor, id, ct);
        if (view is null) return false;
        View = view;
        EarlyHelpTeams = await FrontDoorChoices.TeamsAsync(db, [TeamKind.EarlyHelp], "The early help team", ct);
        SocialWorkTeamOptions = await FrontDoorChoices.TeamsAsync(db, SocialWorkTeams, "Choose the team", ct);
        return true;
    }
}
