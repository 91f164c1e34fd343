using Microsoft.Extensions.Options;
using Safeguard.Core.Access;

namespace Safeguard.Web.Security;

/// <summary>
/// Administrators always, and everyone when the council requires it, must have signed in with an
/// authenticator app. Someone signed in with a password alone is sent to set one up before anything else.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetUpPath = "/account/set-up-two-factor";

    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true && !user.HasClaim("amr", "mfa") && !user.HasClaim("amr", "token"))
        {
            var options = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
            var required = options.RequireTwoFactorForEveryone || user.IsInRole(Roles.Administrator);
            var path = ctx.Request.Path;
            var exempt = path.StartsWithSegments(SetUpPath) || path.StartsWithSegments("/account/sign-out")
                || path.StartsWithSegments("/govuk") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
                || path.StartsWithSegments("/Status");
            if (required && !exempt)
            {
                if (path.StartsWithSegments("/api")) { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return; }
                ctx.Response.Redirect(SetUpPath);
                return;
            }
        }
        await next();
    });
}
