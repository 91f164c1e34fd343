using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Access;

namespace Safeguard.Web.Security;

/// <summary>
/// One authorization policy per capability in the access matrix (Core/Access/Capabilities.cs). Deny by
/// default: anything that does not name a policy needs at least a signed-in user, and a test checks that
/// every page and endpoint names one.
/// </summary>
public static class Policies
{
    public static IServiceCollection AddSafeguardPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.Configure<AuthorizationOptions>(o =>
        {
            foreach (var capability in Capabilities.All)
            {
                o.AddPolicy(capability.Name, p => p
                    .AddAuthenticationSchemes(Authentication.CookieAndToken)
                    .RequireAuthenticatedUser().RequireRole(capability.Roles));
            }
        });
        return services;
    }
}
