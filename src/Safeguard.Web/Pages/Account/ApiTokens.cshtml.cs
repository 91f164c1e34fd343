using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Account;

/// <summary>Personal tokens for the JSON API. The secret is shown once; only its hash is kept.</summary>
[Authorize(Policy = Capabilities.SignedIn)]
public class ApiTokensModel(SafeguardDbContext db, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter a name for the token, like 'weekly export'");
        else if (Name.Length > 100) ModelState.AddModelError(nameof(Name), "The name must be 100 characters or fewer");
        if (ModelState.IsValid)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            NewSecret = ApiToken.NewSecret();
            db.ApiTokens.Add(new ApiToken
            {
                UserId = me.Actor.UserId, Name = Name!.Trim(), Hash = ApiToken.HashOf(NewSecret), Prefix = NewSecret[..10],
                CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(90),
            });
            await db.SaveChangesAsync(ct);
            Name = null;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == me.Actor.UserId, ct);
        if (token is null) return NotFound();
        token.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == me.Actor.UserId).OrderByDescending(t => t.CreatedAtUtc).ToListAsync(ct);
}
