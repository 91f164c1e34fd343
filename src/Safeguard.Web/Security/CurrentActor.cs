using System.Security.Claims;
using Safeguard.Core.Access;

namespace Safeguard.Web.Security;

/// <summary>The signed-in person as the Core services see them: id, name, roles, and where they came from.</summary>
public sealed class CurrentActor(IHttpContextAccessor http)
{
    public const string DisplayNameClaim = "safeguard:name";

    public Actor Actor
    {
        get
        {
            var ctx = http.HttpContext ?? throw new InvalidOperationException("No request.");
            var user = ctx.User;
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
            var name = user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? id;
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
            return new Actor(id, name, roles, ctx.Connection.RemoteIpAddress?.ToString());
        }
    }
}
