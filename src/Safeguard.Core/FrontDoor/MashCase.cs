using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>The MASH manager's decision.</summary>
public enum MashOutcome { NoFurtherAction, EarlyHelp, Assessment, StrategyDiscussion }

/// <summary>
/// A contact in the MASH for multi-agency checks: rated, checked with partners, decided by a manager.
/// Its clock starts when the contact was received and follows the current rating (docs/timescales.md).
/// </summary>
public class MashCase : IVersioned
{
    public int Id { get; set; }
    public int ContactId { get; set; }
    public Contact Contact { get; set; } = null!;
    public DateTime StartedAtUtc { get; set; }
    /// <summary>The MASH worker working it (null while it waits in the MASH's queue).</summary>
    public string? WorkerId { get; set; }
    public string? WorkerName { get; set; }

    /// <summary>The first rating: never changed. Re-ratings are kept beside it in <see cref="Ratings"/>.</summary>
    public Rag? InitialRag { get; set; }
    /// <summary>The latest rating (the initial one until someone re-rates).</summary>
    public Rag? CurrentRag { get; set; }
    /// <summary>When the decision is due under the current rating.</summary>
    public DateTime DueAtUtc { get; set; }

    public MashOutcome? Outcome { get; set; }
    public string? Rationale { get; set; }
    public int? ToTeamId { get; set; }
    public Access.Team? ToTeam { get; set; }
    /// <summary>For a no further action decision: whether the DfE counts it as a referral (it met the threshold for a social care response).</summary>
    public bool CountsAsReferral { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }

    public Guid Version { get; set; }
    public List<RagRating> Ratings { get; set; } = [];
    public List<InformationRequest> Requests { get; set; } = [];

    public bool IsOpen => DecidedAtUtc is null;

    public static string Label(MashOutcome outcome) => outcome switch
    {
        MashOutcome.NoFurtherAction => "No further action",
        MashOutcome.EarlyHelp => "Early help",
        MashOutcome.Assessment => "Social care assessment",
        MashOutcome.StrategyDiscussion => "Strategy discussion (the child may be suffering significant harm)",
        _ => outcome.ToString(),
    };
}

/// <summary>One rating of a MASH case: the initial one, or a re-rating with its reason.</summary>
public class RagRating
{
    public int Id { get; set; }
    public int MashCaseId { get; set; }
    public Rag Rating { get; set; }
    public bool IsInitial { get; set; }
    /// <summary>Why: required for a re-rating.</summary>
    public string? Reason { get; set; }
    public DateTime RatedAtUtc { get; set; }
    public required string RatedById { get; set; }
    public required string RatedByName { get; set; }
}
