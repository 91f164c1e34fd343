using Microsoft.AspNetCore.Identity;

namespace Safeguard.Core.Access;

/// <summary>A person who signs in: council staff or a partner agency's user.</summary>
public class StaffUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public string? JobTitle { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>Set for partner agency users: they see only what is addressed to their agency.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    /// <summary>Leavers are deactivated, never deleted, so the record of who did what stays readable.</summary>
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
}
