using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Mash;

/// <summary>
/// One MASH case: its clock, ratings, partner requests and decision, and the contact it came from. Taking the case,
/// giving it to someone and withdrawing a request are small forms here; rating, asking and deciding have their own pages.
/// </summary>
[Authorize(Policy = Capabilities.ViewFrontDoor)]
public class CaseModel(FrontDoorQueries queries, MashService mash, SafeguardDbContext db, CurrentActor me, TimeProvider clock) : PageModel
{
    public FrontDoorQueries.MashCaseView View { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public List<GovukOption> Workers { get; private set; } = [];

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? WorkerId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTakeAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, "The case is yours", () => mash.AssignAsync(me.Actor, id, Version, me.Actor.UserId, ct), ct);

    public Task<IActionResult> OnPostGiveAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, "The case has been given to its worker", () => mash.AssignAsync(me.Actor, id, Version, WorkerId ?? "", ct), ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int requestId, Guid requestVersion, CancellationToken ct)
    {
        // Only a request on this case, so a changed form cannot reach another case's request from here.
        if (!await LoadAsync(id, ct) || View.Requests.All(r => r.Request.Id != requestId)) return NotFound();
        var agency = View.Requests.Single(r => r.Request.Id == requestId).AgencyName;
        return await ChangeAsync(id, $"The request to {agency} was withdrawn", () => mash.WithdrawRequestAsync(me.Actor, requestId, requestVersion, ct), ct);
    }

    private async Task<IActionResult> ChangeAsync<T>(int id, string done, Func<Task<T?>> change, CancellationToken ct) where T : class
    {
        try
        {
            if (await change() is null) return NotFound();
            TempData["Success"] = done;
            return Redirect($"/mash/{id}");
        }
        catch (ValidationException ex)
        {
            // The give-to select is the only field here; anything else is about the case as a whole.
            foreach (var e in ex.Errors) ModelState.AddModelError(e.PropertyName == nameof(WorkerId) ? nameof(WorkerId) : "", e.ErrorMessage);
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.MashCaseAsync(me.Actor, id, ct);
        if (view is null) return false;
        (View, Actor, Now) = (view, me.Actor, clock.GetUtcNow().UtcDateTime);
        if (Actor.Can(Capabilities.DecideMashCase) && view.Case.IsOpen) Workers = await WorkersAsync(ct);
        return true;
    }

    /// <summary>Everyone who can work a MASH case, for the manager's "give to".</summary>
    private async Task<List<GovukOption>> WorkersAsync(CancellationToken ct)
    {
        var roles = Capabilities.Get(Capabilities.WorkMashCase).Roles.ToList();
        var ids = db.UserRoles.Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return [new GovukOption("", "Choose a member of the MASH"), .. users.Select(u => new GovukOption(u.Id, u.DisplayName))];
    }
}
