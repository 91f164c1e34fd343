using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Account;

/// <summary>Sign in with email and password (then an authenticator code), or with the council's account when OpenID Connect is set up.</summary>
[AllowAnonymous]
public class SignInModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, AccessLogQueue log, TimeProvider clock,
    IAuthenticationSchemeProvider schemes) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool CouncilSignIn { get; private set; }

    public async Task OnGetAsync() => CouncilSignIn = await schemes.GetSchemeAsync(Authentication.OpenIdConnect) is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        CouncilSignIn = await schemes.GetSchemeAsync(Authentication.OpenIdConnect) is not null;
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Enter your email address");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null || !user.IsActive)
        {
            await LogAsync(user?.Id ?? "unknown", Email!, AccessAction.SignInFailed, user is null ? "Sign-in: unknown email" : "Sign-in: deactivated account");
            ModelState.AddModelError(nameof(Email), "Enter a correct email address and password");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("TwoFactor", new { ReturnUrl });
        if (result.Succeeded)
        {
            await LogAsync(user.Id, user.DisplayName, AccessAction.SignedIn, "Sign-in with password");
            return LocalRedirect(SafeReturn(ReturnUrl));
        }
        await LogAsync(user.Id, user.DisplayName, AccessAction.SignInFailed, result.IsLockedOut ? "Sign-in: locked out" : "Sign-in: wrong password");
        ModelState.AddModelError(nameof(Email), result.IsLockedOut
            ? "Your account is locked for 15 minutes after too many attempts. Try again later or ask an administrator"
            : "Enter a correct email address and password");
        return Page();
    }

    public IActionResult OnPostCouncil() =>
        Challenge(signIn.ConfigureExternalAuthenticationProperties(Authentication.OpenIdConnect, "/account/external?returnUrl=" + Uri.EscapeDataString(SafeReturn(ReturnUrl))),
            Authentication.OpenIdConnect);

    private ValueTask LogAsync(string userId, string name, string action, string what) =>
        log.EnqueueAsync(new AccessRecord(clock.GetUtcNow().UtcDateTime, userId, name, action, null, what, null, HttpContext.Connection.RemoteIpAddress?.ToString()));

    internal static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
