using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

public enum AssessmentStage { InProgress, AwaitingAuthorisation, Authorised }

/// <summary>What the assessment concluded should happen next.</summary>
public enum AssessmentOutcome { NoFurtherAction, EarlyHelp, ChildInNeedPlan, StrategyDiscussion, BecomesLookedAfter }

/// <summary>
/// A child and family assessment (section 17) of one child, within their social care episode (the referral). The
/// worker saves it part-way as often as they like; submitting asks the manager, whose authorisation completes it
/// (the census's authorisation date). Its due dates are derived from the referral date when it starts.
/// </summary>
public class Assessment : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int ReferralId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The worker assessing: whoever holds the case when it starts.</summary>
    public required string WorkerId { get; set; }
    public required string WorkerName { get; set; }
    /// <summary>The census's actual start date.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Completed (authorised) by the end of this day: the referral date plus the council's assessment timescale.</summary>
    public DateOnly DueDate { get; set; }
    /// <summary>The child seen by the end of this day.</summary>
    public DateOnly ChildSeenDueDate { get; set; }
    public DateOnly? ChildSeenOn { get; set; }
    public DateOnly? ChildSeenAloneOn { get; set; }
    /// <summary>Why the child was not seen alone, when they were seen but not alone (too young, would not separate...).</summary>
    public string? NotSeenAloneReason { get; set; }
    public List<AssessmentFactor> Factors { get; set; } = [];
    public string? Analysis { get; set; }
    public string? ChildViews { get; set; }
    public string? FamilyViews { get; set; }
    public AssessmentOutcome? Outcome { get; set; }
    /// <summary>The census primary need, reviewed at assessment (N1-N9, N0).</summary>
    public string? PrimaryNeedCode { get; set; }
    /// <summary>Required when it is submitted after its due date.</summary>
    public string? LateReason { get; set; }
    public AssessmentStage Stage { get; set; }
    /// <summary>When the worker last sent it to the manager: the census's internal review date is its UK date.</summary>
    public DateTime? SubmittedAtUtc { get; set; }
    public DateOnly? AuthorisedOn { get; set; }
    public DateTime? AuthorisedAtUtc { get; set; }
    public string? AuthorisedById { get; set; }
    public string? AuthorisedByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A DfE factor identified at the end of the assessment (1A... 24A).</summary>
public class AssessmentFactor
{
    public int Id { get; set; }
    public int AssessmentId { get; set; }
    public required string Code { get; set; }
}
