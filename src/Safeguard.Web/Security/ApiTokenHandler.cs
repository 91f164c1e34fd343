using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Access;
using Safeguard.Core.Data;

namespace Safeguard.Web.Security;

/// <summary>Authenticates "Authorization: Bearer sgt_..." with a personal API token; the token acts with its owner's current roles.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SafeguardDbContext db, IUserClaimsPrincipalFactory<StaffUser> claims, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Marker, StringComparison.Ordinal)) return AuthenticateResult.Fail("Not a Safeguard API token.");
        var hash = ApiToken.HashOf(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash);
        if (token is null || token.RevokedAtUtc is not null || token.ExpiresAtUtc <= now)
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId);
        if (user is null || !user.IsActive) return AuthenticateResult.Fail("The token's owner no longer has an active account.");
        if (token.LastUsedAtUtc is null || now - token.LastUsedAtUtc > TimeSpan.FromMinutes(5))
        {
            token.LastUsedAtUtc = now;
            await db.SaveChangesAsync();
        }
        var principal = await claims.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "token"));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
