using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.Core.Access;
using Safeguard.Core.Data;

namespace Safeguard.Web.Security;

/// <summary>
/// Sign-in: ASP.NET Core Identity (hashed passwords, lockout, authenticator-app two-factor), a secure
/// cookie with an idle timeout, personal API tokens for scripts, and OpenID Connect (a council's Entra ID)
/// when it is configured.
/// </summary>
public static class Authentication
{
    public const string CookieAndToken = "CookieAndToken";
    public const string OpenIdConnect = "oidc";

    public static IServiceCollection AddSafeguardSignIn(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SecurityOptions>(config.GetSection("Security"));
        var security = config.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SafeguardDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "safeguard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/Status/403";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            // A refusal is a real 403 (the status code page explains it), never a redirect that hides it.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.ConfigureExternalCookie(o => o.Cookie.SameSite = SameSiteMode.Lax);
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = "safeguard-af";
            o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAndToken;
                o.DefaultChallengeScheme = CookieAndToken;
            })
            .AddPolicyScheme(CookieAndToken, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        var oidc = config.GetSection("Authentication:OpenIdConnect");
        if (!string.IsNullOrWhiteSpace(oidc["Authority"]))
        {
            auth.AddOpenIdConnect(OpenIdConnect, "Council account", o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.Scope.Add("email");
                o.CallbackPath = "/signin-oidc";
                o.MapInboundClaims = false;
            });
        }
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Council-wide sign-in settings (configuration section "Security").</summary>
public sealed class SecurityOptions
{
    /// <summary>When true everyone must sign in with an authenticator app; administrators always must.</summary>
    public bool RequireTwoFactorForEveryone { get; set; } = true;
    public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>Production runs behind HTTPS: cookies are then never sent over plain HTTP.</summary>
    public bool RequireHttps { get; set; }
}

/// <summary>Adds the display name to the sign-in cookie, so pages and the access log can name the person.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentActor.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
