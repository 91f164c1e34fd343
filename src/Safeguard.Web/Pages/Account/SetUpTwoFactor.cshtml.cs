using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;

namespace Safeguard.Web.Pages.Account;

/// <summary>
/// Set up an authenticator app: the person adds the key to their app and proves it with a code. Required
/// before anything else for administrators, and for everyone when the council requires it.
/// </summary>
[Authorize(Policy = Capabilities.SignedIn)]
public class SetUpTwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not right: check the key in your app and enter the code it shows now");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        // Sign in again, now recorded as two-factor, so the requirement is met for this session.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        TempData["Success"] = "Two-factor sign-in is set up";
        return LocalRedirect("/");
    }

    private async Task<StaffUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        AlreadyEnabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        Key = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        Uri = $"otpauth://totp/Safeguard:{System.Uri.EscapeDataString(user.Email ?? user.Id)}?secret={key}&issuer=Safeguard&digits=6";
        return user;
    }
}
