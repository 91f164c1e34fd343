using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// Where the council's identity provider returns after OpenID Connect sign-in. The person must already have
/// an active Safeguard account with the same email: roles always come from Safeguard. The council's provider
/// enforces its own multi-factor sign-in (for Entra ID, a conditional access policy), so the session counts
/// as two-factor.
/// </summary>
[AllowAnonymous]
public class ExternalModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null) return RedirectToPage("SignIn");
        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue("preferred_username") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null || !user.IsActive)
        {
            Problem = "Your council account is not set up for Safeguard. Ask a Safeguard administrator to add you with this email address.";
            return Page();
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa"), new Claim("idp", info.LoginProvider)]);
        return LocalRedirect(SignInModel.SafeReturn(returnUrl));
    }
}
