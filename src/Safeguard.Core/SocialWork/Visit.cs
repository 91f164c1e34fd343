using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

public enum VisitLocation { Home, School, Office, FamilyOrFriends, Placement, Other }

/// <summary>
/// A visit to a child: when, who visited, whether the child was seen and seen alone, where, and what was observed.
/// The next visit due is derived from the last visit at which the child was seen and their current status.
/// </summary>
public class Visit : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly VisitedOn { get; set; }
    public required string VisitedById { get; set; }
    public required string VisitedByName { get; set; }
    public bool ChildSeen { get; set; }
    public bool ChildSeenAlone { get; set; }
    /// <summary>Why the child was not seen, or not seen alone.</summary>
    public string? NotSeenReason { get; set; }
    public VisitLocation Location { get; set; }
    public string? LocationDetail { get; set; }
    public required string Observations { get; set; }
    /// <summary>Announced or not: unannounced visits matter to inspectors.</summary>
    public bool Unannounced { get; set; }
    public required string RecordedById { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public Guid Version { get; set; }
}
