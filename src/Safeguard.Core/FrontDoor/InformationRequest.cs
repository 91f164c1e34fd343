using Safeguard.Core.Access;
using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The MASH asking a partner agency what it knows about the children of a MASH case. Due by a time set by
/// the case's RAG rating when it was sent; the partner answers in their own view.
/// </summary>
public class InformationRequest : IVersioned
{
    public int Id { get; set; }
    public int MashCaseId { get; set; }
    public MashCase MashCase { get; set; } = null!;
    public int AgencyId { get; set; }
    public Agency Agency { get; set; } = null!;
    public required string Question { get; set; }
    public DateTime SentAtUtc { get; set; }
    public required string SentById { get; set; }
    public required string SentByName { get; set; }
    /// <summary>The rating the due time was set from.</summary>
    public Rag RatingWhenSent { get; set; }
    public DateTime DueAtUtc { get; set; }

    public string? Answer { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public string? AnsweredById { get; set; }
    public string? AnsweredByName { get; set; }
    /// <summary>Withdrawn by the MASH (no longer needed); kept, never deleted.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }
    public Guid Version { get; set; }

    public bool IsOutstanding => AnsweredAtUtc is null && WithdrawnAtUtc is null;
    public bool WasLate => AnsweredAtUtc is { } at ? at > DueAtUtc : false;
}
