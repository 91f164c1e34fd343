using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Mash;

/// <summary>
/// Ask a partner agency what it knows about the case's children. The agency's users are emailed that something is
/// waiting (never what); the answer is due by a time set by the case's rating, shown before sending.
/// </summary>
[Authorize(Policy = Capabilities.WorkMashCase)]
public class AskModel(FrontDoorQueries queries, MashService mash, SafeguardDbContext db, FrontDoorRules rules, WorkingDayCalendar calendar,
    CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public int? AgencyId { get; set; }
    [BindProperty] public string? Question { get; set; }
    public FrontDoorQueries.MashCaseView View { get; private set; } = null!;
    public List<GovukOption> Agencies { get; private set; } = [];
    /// <summary>The rating the due time follows: as MashService sets it (the police's, else red, until the MASH rates).</summary>
    public Rag Rating { get; private set; }
    public DateTime DueIfSentNow { get; private set; }
    private Dictionary<int, string> _names = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return View.Case.IsOpen ? Page() : Redirect($"/mash/{id}");
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var request = await mash.RequestAsync(me.Actor, id, AgencyId ?? 0, Question ?? "", ct);
            if (request is null) return NotFound();
            TempData["Success"] = $"Request sent to {_names[request.AgencyId]}: the answer is due by {MashDisplay.Due(request.DueAtUtc)}";
            return Redirect($"/mash/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.MashCaseAsync(me.Actor, id, ct);
        if (view is null) return false;
        View = view;
        Rating = view.Case.CurrentRag ?? view.Contact.Contact.PoliceRag ?? Rag.Red;
        DueIfSentNow = rules.AnswerDue(clock.GetUtcNow().UtcDateTime, Rating, calendar);
        // Sorted by kind (police, health, education...) then name, so each kind's agencies sit together.
        // A select has no hints, so the kind leads the text: "Police: Test Police".
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name, a.Kind }).ToListAsync(ct);
        _names = agencies.ToDictionary(a => a.Id, a => a.Name);
        Agencies = [new GovukOption("", "Choose an agency"),
            .. agencies.OrderBy(a => a.Kind).ThenBy(a => a.Name).Select(a => new GovukOption(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{a.Kind}: {a.Name}"))];
        return true;
    }
}
