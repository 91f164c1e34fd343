using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// A team manager allocates (or reallocates) a child's case to a worker of the team, seeing each worker's caseload
/// while choosing, and records why. Another team's case, or a record the manager cannot see, is 404.
/// </summary>
[Authorize(Policy = Capabilities.AllocateCase)]
public class AllocateModel(AllocationService allocations, CurrentActor me) : PageModel
{
    [BindProperty] public string? WorkerId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>Who held the case when the page was opened: a save over someone else's allocation is refused.</summary>
    [BindProperty] public string? ExpectedWorkerId { get; set; }
    public AllocationService.Case Case { get; private set; } = null!;
    public List<AllocationService.Candidate> Candidates { get; private set; } = [];
    public bool Conflict { get; private set; }
    public bool IsReallocation => Case.WorkerId is not null;

    /// <summary>Everyone who could take the case; on a reallocation, not the worker who holds it now.</summary>
    public IEnumerable<GovukOption> Workers =>
        Candidates.Where(c => c.Id != Case.WorkerId).Select(c => new GovukOption(c.Id, c.Name, Caseload(c)));

    private string Caseload(AllocationService.Candidate c)
    {
        var load = $"Holds {c.Children} {(c.Children == 1 ? "child" : "children")}";
        if (Case.TeamCapacity is { } capacity) load += $" (the team's limit is {capacity} each)";
        if (c.HoldsASibling) load += "; already holds a brother or sister";
        return (c.JobTitle is null ? "" : c.JobTitle + ". ") + load;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ExpectedWorkerId = Case.WorkerId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrEmpty(WorkerId)) ModelState.AddModelError(nameof(WorkerId), "Choose the worker who will hold the case");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why you are allocating the case to this worker");
        if (!ModelState.IsValid) return Page();
        try
        {
            var allocation = await allocations.AllocateAsync(me.Actor, id, string.IsNullOrEmpty(ExpectedWorkerId) ? null : ExpectedWorkerId, WorkerId!, Reason!, ct);
            if (allocation is null) return NotFound();
            TempData["Success"] = $"{Case.ChildName}'s case is allocated to {allocation.WorkerName}";
            return Redirect($"/teams/{Case.TeamId}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        catch (ConcurrencyConflictException ex)
        {
            // The choice and reason stay; the page now shows who holds it, and saving again is deliberate.
            Conflict = true;
            ModelState.AddModelError(nameof(WorkerId), ex.Message);
            ExpectedWorkerId = Case.WorkerId;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await allocations.CaseAsync(me.Actor, id, ct) is not { } found) return false;
        Case = found;
        Candidates = await allocations.CandidatesAsync(found.TeamId, found.PersonId, ct);
        return true;
    }
}
