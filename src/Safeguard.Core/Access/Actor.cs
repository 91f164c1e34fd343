namespace Safeguard.Core.Access;

/// <summary>Who is doing something, and from where: passed to every service that reads or changes a record.</summary>
public sealed record Actor(string UserId, string DisplayName, IReadOnlyCollection<string> Roles, string? From = null)
{
    /// <summary>The command line and the demo generator act as the system.</summary>
    public static Actor System(string what) => new("system", what, [], "cli");

    public bool Can(string capability) => Capabilities.Allows(capability, Roles);
}
