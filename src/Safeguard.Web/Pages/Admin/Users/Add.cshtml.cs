using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Admin.Users;

[Authorize(Policy = Capabilities.ManageUsers)]
public class AddModel(StaffAdministration admin, SafeguardDbContext db, CurrentActor me) : PageModel
{
    [BindProperty] public UserForm Input { get; set; } = new();
    [BindProperty] public string? Password { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ChoicesAsync(ct);
        try
        {
            var user = await admin.CreateAsync(me.Actor, Input.ToInput(), Password ?? "", ct);
            TempData["Success"] = $"{user.DisplayName} added. Give them their first password in person; they set up two-factor sign-in when they first sign in.";
            return Redirect("/admin/users");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(e.PropertyName == "Password" ? "Password" : "Input." + e.PropertyName, e.ErrorMessage);
            return Page();
        }
    }

    private async Task ChoicesAsync(CancellationToken ct)
    {
        (ViewData["Teams"], ViewData["Agencies"]) = await UserForm.ChoicesAsync(db, ct);
    }
}
