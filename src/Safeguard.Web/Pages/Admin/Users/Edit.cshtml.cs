using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Admin.Users;

[Authorize(Policy = Capabilities.ManageUsers)]
public class EditModel(StaffAdministration admin, UserManager<StaffUser> users, SafeguardDbContext db, CurrentActor me) : PageModel
{
    [BindProperty] public UserForm Input { get; set; } = new();
    [BindProperty] public bool IsActive { get; set; }
    public string Id { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Id = id;
        TwoFactorEnabled = user.TwoFactorEnabled;
        IsActive = user.IsActive;
        Input = new UserForm
        {
            Email = user.Email, DisplayName = user.DisplayName, JobTitle = user.JobTitle, TeamId = user.TeamId, AgencyId = user.AgencyId,
            Roles = (await users.GetRolesAsync(user)).ToList(),
        };
        (ViewData["Teams"], ViewData["Agencies"]) = await UserForm.ChoicesAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Id = id;
        (ViewData["Teams"], ViewData["Agencies"]) = await UserForm.ChoicesAsync(db, ct);
        try
        {
            if (!await admin.UpdateAsync(me.Actor, id, Input.ToInput(), IsActive, ct)) return NotFound();
            TempData["Success"] = $"{Input.DisplayName}'s account saved";
            return Redirect("/admin/users");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError("Input." + e.PropertyName, e.ErrorMessage);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken ct)
    {
        if (!await admin.ResetTwoFactorAsync(me.Actor, id, ct)) return NotFound();
        TempData["Success"] = "Two-factor sign-in reset: they set up their app again at their next sign-in";
        return Redirect("/admin/users");
    }
}
