using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Web.Api;

namespace Safeguard.Web.Security;

/// <summary>
/// Writes every refusal of a signed-in person (a page or endpoint their role does not allow) to the access
/// log, then answers as usual (403). Someone probing for what they may not see leaves a trace.
/// A partner agency user asking for a child's record gets 404 instead: they may not even learn that the child
/// is known to children's social care, so a record that exists must look exactly like one that does not.
/// </summary>
public sealed class RefusalLogging(AccessLogQueue log, TimeProvider clock) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var actor = new CurrentActor(new HttpContextAccessor { HttpContext = context }).Actor;
            var child = ChildRecordIn(context.Request.Path);
            // The child's id goes on the entry, so the child's access history shows the attempt.
            await log.EnqueueAsync(AccessRecord.By(actor, clock.GetUtcNow().UtcDateTime, AccessAction.Refused, child,
                $"Refused: {context.Request.Method} {context.Request.Path}"));
            if (child is not null && IsPartner(actor))
            {
                if (context.Request.Path.StartsWithSegments("/api")) await ApiResults.NotFound("person").ExecuteAsync(context);
                else context.Response.StatusCode = StatusCodes.Status404NotFound; // the status code page explains it
                return;
            }
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>As ContactService judges it: a partner agency user, without any case-work role beside it.</summary>
    private static bool IsPartner(Actor actor) =>
        actor.Roles.Contains(Roles.PartnerAgencyUser) && !actor.Can(Capabilities.ViewChildRecord);

    /// <summary>The person's id when the path is a person's record or anything below it (/people/{id}/..., /api/people/{id}/...).</summary>
    internal static Guid? ChildRecordIn(PathString path)
    {
        if (!path.StartsWithSegments("/api/people", StringComparison.OrdinalIgnoreCase, out var rest)
            && !path.StartsWithSegments("/people", StringComparison.OrdinalIgnoreCase, out rest)) return null;
        var first = rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return Guid.TryParse(first, out var id) ? id : null;
    }
}
