using Safeguard.Core.People;

namespace Safeguard.Core.ChildProtection;

/// <summary>How a section 47 enquiry ended, as the DfE records it.</summary>
public enum Section47Outcome
{
    /// <summary>Concerns not substantiated.</summary>
    NotSubstantiated,
    /// <summary>Concerns substantiated, but the child is not judged to be at continuing risk of significant harm.</summary>
    SubstantiatedNoContinuingRisk,
    /// <summary>Concerns substantiated and the child judged at continuing risk: an initial child protection conference.</summary>
    InitialConference,
}

/// <summary>
/// A section 47 enquiry (Children Act 1989): started by a strategy discussion, it finds out whether the child is
/// suffering or likely to suffer significant harm. The initial conference is due 15 working days after the last
/// strategy discussion (Working Together); the DfE counts the same 15 working days from the enquiry's start
/// (the census's InitialCPCtarget). Both are kept.
/// </summary>
public class Section47Enquiry : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int? ReferralId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The census's S47ActualStartDate: the day of the strategy discussion that started it.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Working Together: 15 working days from the last strategy discussion; moves when another is held.</summary>
    public DateOnly ConferenceDueDate { get; set; }
    /// <summary>The DfE's target (InitialCPCtarget): 15 working days from the start.</summary>
    public DateOnly ConferenceTargetDate { get; set; }
    public DateOnly? ChildSeenOn { get; set; }
    public DateOnly? ChildSeenAloneOn { get; set; }
    public string? NotSeenAloneReason { get; set; }
    public Section47Outcome? Outcome { get; set; }
    public DateOnly? OutcomeOn { get; set; }
    public string? OutcomeReason { get; set; }
    /// <summary>The census's ICPCnotRequired: the enquiry ended without needing an initial conference.</summary>
    public bool ConferenceNotRequired => Outcome is Section47Outcome.NotSubstantiated or Section47Outcome.SubstantiatedNoContinuingRisk;
    public required string WorkerId { get; set; }
    public required string WorkerName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid Version { get; set; }
}

public enum EmergencyProtectionKind
{
    /// <summary>Police protection (Children Act 1989 s46): up to 72 hours.</summary>
    PolicePowers,
    /// <summary>An emergency protection order (s44): granted by the court, up to 8 days, extendable once by 7.</summary>
    EmergencyProtectionOrder,
}

/// <summary>Police protection or an emergency protection order, with its dates (Annex A asks about the last six months).</summary>
public class EmergencyProtection
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public EmergencyProtectionKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Details { get; set; }
    public required string RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
