using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Safeguard.Core.Access.Log;

namespace Safeguard.Web.Security;

/// <summary>
/// Writes every refusal of a signed-in person (a page or endpoint their role does not allow) to the access
/// log, then answers as usual (403). Someone probing for what they may not see leaves a trace.
/// </summary>
public sealed class RefusalLogging(AccessLogQueue log, TimeProvider clock) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var actor = new CurrentActor(new HttpContextAccessor { HttpContext = context }).Actor;
            await log.EnqueueAsync(AccessRecord.By(actor, clock.GetUtcNow().UtcDateTime, AccessAction.Refused, null,
                $"Refused: {context.Request.Method} {context.Request.Path}"));
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
