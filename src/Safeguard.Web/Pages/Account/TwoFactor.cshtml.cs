using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;

namespace Safeguard.Web.Pages.Account;

/// <summary>The second step of sign-in: the 6-digit code from the person's authenticator app.</summary>
[AllowAnonymous]
public class TwoFactorModel(SignInManager<StaffUser> signIn, AccessLogQueue log, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("SignIn");
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (result.Succeeded)
        {
            await log.EnqueueAsync(new AccessRecord(now, user.Id, user.DisplayName, AccessAction.SignedIn, null, "Sign-in with password and authenticator", null, from));
            return LocalRedirect(SignInModel.SafeReturn(ReturnUrl));
        }
        await log.EnqueueAsync(new AccessRecord(now, user.Id, user.DisplayName, AccessAction.SignInFailed, null, result.IsLockedOut ? "Sign-in: locked out" : "Sign-in: wrong authenticator code", null, from));
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Your account is locked for 15 minutes after too many attempts"
            : "The code is not right or has expired: enter the code your app shows now");
        return Page();
    }
}
