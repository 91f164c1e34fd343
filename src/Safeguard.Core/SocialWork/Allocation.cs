namespace Safeguard.Core.SocialWork;

/// <summary>
/// Who held a child's case (an involvement of a team) and when. A reallocation ends the current allocation and
/// starts another, so the history of workers survives: the returns count social worker episodes from it.
/// </summary>
public class Allocation
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int InvolvementId { get; set; }
    public int TeamId { get; set; }
    public required string WorkerId { get; set; }
    public required string WorkerName { get; set; }
    public DateTime FromUtc { get; set; }
    /// <summary>Null while the worker holds the case.</summary>
    public DateTime? ToUtc { get; set; }
    /// <summary>The manager's reason: why this worker (skills, caseload, a sibling they already hold).</summary>
    public required string Reason { get; set; }
    public required string AllocatedById { get; set; }
    public required string AllocatedByName { get; set; }
}
