using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>Restrict a record to named people, or lift the restriction. Both are on the chronology and in the access log.</summary>
[Authorize(Policy = Capabilities.RestrictRecord)]
public class RestrictionModel(PeopleService people, RestrictionService restrictions, SafeguardDbContext db, CurrentActor me) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Members { get; set; }
    public Person Person { get; private set; } = null!;
    public RecordRestriction? Current { get; private set; }
    public List<string> MemberNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRestrictAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var emails = (Members ?? "").Split([',', ';', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var found = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!) && u.IsActive).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct);
        var missing = emails.Except(found.Select(f => f.NormalizedEmail!)).ToList();
        if (missing.Count > 0)
        {
            ModelState.AddModelError(nameof(Members), $"No active account has the email address {missing[0].ToLowerInvariant()}");
            return Page();
        }
        try
        {
            await restrictions.RestrictAsync(me.Actor, id, Reason ?? "", found.Select(f => f.Id).ToList(), ct);
            TempData["Success"] = "Record restricted";
            return Redirect($"/people/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
            return Page();
        }
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await restrictions.LiftAsync(me.Actor, id, Reason ?? "", ct);
            TempData["Success"] = "Restriction lifted";
            return Redirect($"/people/{id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Restriction", ct);
        if (person is null) return false;
        Person = person;
        Current = await restrictions.CurrentAsync(id, ct);
        if (Current is not null)
        {
            var ids = Current.Members.Select(m => m.UserId).ToList();
            MemberNames = await db.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName + " (" + u.Email + ")").ToListAsync(ct);
        }
        return true;
    }
}
