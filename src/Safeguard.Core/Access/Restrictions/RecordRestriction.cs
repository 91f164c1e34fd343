namespace Safeguard.Core.Access.Restrictions;

/// <summary>
/// Hides a person's record from everyone not named on it: a member of staff's own family, a high-profile
/// case, a sealed adoption. Its owner is told whenever someone breaks the glass.
/// </summary>
public class RecordRestriction
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Reason { get; set; }
    public required string OwnerUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LiftedAtUtc { get; set; }
    public string? LiftedBy { get; set; }
    public List<RestrictionMember> Members { get; set; } = [];
    public bool IsActive => LiftedAtUtc is null;
}

/// <summary>A user who may see a restricted record.</summary>
public class RestrictionMember
{
    public int Id { get; set; }
    public int RestrictionId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>
/// Someone with the break-glass role opening a restricted record they are not named on, with a reason.
/// Access lasts a working shift; the restriction's owner sees it until they acknowledge it.
/// </summary>
public class BreakGlassAccess
{
    public static readonly TimeSpan Lasts = TimeSpan.FromHours(8);

    public int Id { get; set; }
    public int RestrictionId { get; set; }
    public RecordRestriction? Restriction { get; set; }
    public Guid PersonId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Reason { get; set; }
    public DateTime AtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AcknowledgedAtUtc { get; set; }
}
