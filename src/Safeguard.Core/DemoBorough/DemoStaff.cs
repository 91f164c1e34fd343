using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Access;

namespace Safeguard.Core.DemoBorough;

/// <summary>Northmoor's staff and partner agencies, as the later sections need them: who works where, and who manages whom.</summary>
internal sealed class DemoStaff
{
    public List<Team> Teams { get; } = [];
    public List<Agency> Agencies { get; } = [];
    public List<StaffUser> Users { get; } = [];
    /// <summary>Each user's roles, by role name (the role rows' ids are known only when writing).</summary>
    public List<(StaffUser User, string Role)> UserRoles { get; } = [];

    /// <summary>Active workers of each team who hold cases (not the manager).</summary>
    public Dictionary<Team, List<StaffUser>> Workers { get; } = [];
    /// <summary>Workers who have left (deactivated): they still appear on closed cases.</summary>
    public Dictionary<Team, List<StaffUser>> Leavers { get; } = [];
    public Dictionary<Team, StaffUser> Managers { get; } = [];
    public List<StaffUser> ServiceManagers { get; } = [];
    /// <summary>The contact service and MASH workers who add people to the system.</summary>
    public List<StaffUser> FrontDoor { get; } = [];
    /// <summary>The well-known demo sign-in for each role.</summary>
    public Dictionary<string, StaffUser> WellKnown { get; } = [];
    /// <summary>The well-known partner sign-ins (police, health, a school), each in their own agency.</summary>
    public List<StaffUser> KnownPartners { get; } = [];

    public IEnumerable<Team> TeamsOf(TeamKind kind) => Teams.Where(t => t.Kind == kind);

    public Team TeamOf(StaffUser user) => Teams.First(t => t.Id == user.TeamId);

    public void AddRole(StaffUser user, string role) => UserRoles.Add((user, role));
}

/// <summary>The rows Identity keeps besides the users: roles, who holds them, and authenticator keys.</summary>
internal static class DemoIdentity
{
    public static IdentityRole Role(string name, Random rng) => new()
    {
        Id = rng.NextGuid().ToString(), Name = name, NormalizedName = name.ToUpperInvariant(), ConcurrencyStamp = rng.NextGuid().ToString(),
    };

    /// <summary>The authenticator key stored the way Identity's user store keeps it.</summary>
    public static IdentityUserToken<string> AuthenticatorKey(StaffUser user) => new()
    {
        UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = DemoBoroughGenerator.DemoAuthenticatorKey,
    };
}
