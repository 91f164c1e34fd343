using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Mash;

/// <summary>RAG-rate a MASH case, or re-rate it with a reason: the initial rating stays on the record beside the new one.</summary>
[Authorize(Policy = Capabilities.WorkMashCase)]
public class RateModel(FrontDoorQueries queries, MashService mash, CurrentActor me) : PageModel
{
    /// <summary>Most urgent first, each with what it means, so the choice is made against the definitions.</summary>
    public static readonly GovukOption[] Ratings =
        [.. new[] { Rag.RedImminentDanger, Rag.Red, Rag.Amber, Rag.Green, Rag.Blue }.Select(r => new GovukOption(r.ToString(), Rags.Label(r), Rags.Meaning(r)))];

    [BindProperty] public Rag? Rating { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }
    public FrontDoorQueries.MashCaseView View { get; private set; } = null!;
    public bool Conflict { get; private set; }
    public bool IsReRating => View.Case.InitialRag is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = View.Case.Version;
        return View.Case.IsOpen ? Page() : Redirect($"/mash/{id}");
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Rating is null) ModelState.AddModelError(nameof(Rating), "Choose a RAG rating");
        if (!ModelState.IsValid) return Page();
        try
        {
            var rated = await mash.RateAsync(me.Actor, id, Version, Rating!.Value, Reason, ct);
            if (rated is null) return NotFound();
            TempData["Success"] = $"Rated {Rags.Label(Rating.Value).ToLowerInvariant()}: the decision is due by {MashDisplay.Due(rated.DueAtUtc)}";
            return Redirect($"/mash/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        catch (ConcurrencyConflictException ex)
        {
            // What was chosen and typed stays; saving again after reading the other change is a deliberate choice.
            Conflict = true;
            ModelState.AddModelError(nameof(Rating), ex.Message);
            Version = View.Case.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.MashCaseAsync(me.Actor, id, ct);
        if (view is null) return false;
        View = view;
        return true;
    }
}
