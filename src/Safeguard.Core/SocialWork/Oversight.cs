using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

public enum SupervisionKind { Individual, Group }

/// <summary>
/// A supervision session: individual (a manager and one worker) or group (a team's case discussion). The children
/// discussed each get a <see cref="ManagementOversight"/> record, so supervision counts as oversight of their case.
/// </summary>
public class Supervision
{
    public int Id { get; set; }
    public SupervisionKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public int TeamId { get; set; }
    public required string SupervisorId { get; set; }
    public required string SupervisorName { get; set; }
    /// <summary>The worker supervised (individual supervision).</summary>
    public string? SuperviseeId { get; set; }
    public string? SuperviseeName { get; set; }
    /// <summary>Who took part (group supervision).</summary>
    public string? Attendees { get; set; }
    /// <summary>Anything not about one child: workload, wellbeing, learning.</summary>
    public string? Notes { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>
/// A manager's oversight of one child's case: the decision or direction, the rationale, and the actions it sets.
/// Recorded on its own or as a child's part of a supervision.
/// </summary>
public class ManagementOversight
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int? SupervisionId { get; set; }
    public DateOnly RecordedOn { get; set; }
    public required string Decision { get; set; }
    public required string Rationale { get; set; }
    public required string ById { get; set; }
    public required string ByName { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public List<OversightAction> Actions { get; set; } = [];
}

/// <summary>
/// An action set by oversight: what, who (a member of staff, so it is on their My work) and by when. When it is
/// missed it is listed for the manager who set it, who follows it up with a new date and a note.
/// </summary>
public class OversightAction : IVersioned
{
    public int Id { get; set; }
    public int OversightId { get; set; }
    public Guid PersonId { get; set; }
    public required string Text { get; set; }
    public required string OwnerId { get; set; }
    public required string OwnerName { get; set; }
    public required string SetById { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>The due date first set; a follow-up moves <see cref="DueDate"/> and keeps this.</summary>
    public DateOnly OriginalDueDate { get; set; }
    public int FollowUps { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CompletionNote { get; set; }
    public string? CompletedByName { get; set; }
    public Guid Version { get; set; }
}
