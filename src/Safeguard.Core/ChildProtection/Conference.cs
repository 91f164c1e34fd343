using Safeguard.Core.People;

namespace Safeguard.Core.ChildProtection;

public enum ConferenceKind
{
    /// <summary>The initial child protection conference after a section 47 enquiry.</summary>
    Initial,
    /// <summary>A review of a child protection plan.</summary>
    Review,
    /// <summary>An initial conference for a child on a plan in another council who moved here; counted apart by the DfE.</summary>
    TransferIn,
}

public enum ConferenceDecision
{
    /// <summary>Initial or transfer-in: the child is to be the subject of a child protection plan.</summary>
    Plan,
    /// <summary>Initial: no plan (often a child in need plan instead).</summary>
    NoPlan,
    /// <summary>Review: the plan continues.</summary>
    ContinuePlan,
    /// <summary>Review: the plan ends.</summary>
    EndPlan,
}

/// <summary>How the child, or the parents, took part.</summary>
public enum Participation { Attended, AttendedPart, ViewsInWriting, ViewsThroughAdvocate, ViewsThroughSocialWorker, DidNotParticipate, NotAppropriate }

/// <summary>
/// A child protection conference, chaired independently: due on a date derived from what came before (the last
/// strategy discussion; the initial conference; the last review), then held with its invitations, attendance and
/// reports by agency, the child's and parents' participation and views, the chair's decision and the category of
/// abuse. At a review, whether the plan is working and what work was not done.
/// </summary>
public class ChildProtectionConference : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public ConferenceKind Kind { get; set; }
    public int? Section47EnquiryId { get; set; }
    /// <summary>The plan a review conference reviews.</summary>
    public int? PlanId { get; set; }
    public int TeamId { get; set; }
    /// <summary>Held by the end of this day (Working Together); derived, never typed.</summary>
    public DateOnly DueDate { get; set; }
    /// <summary>When the chair has arranged it for.</summary>
    public DateTime? ScheduledForUtc { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string? ChairId { get; set; }
    public string? ChairName { get; set; }
    public ConferenceDecision? Decision { get; set; }
    /// <summary>The category of abuse under which the child is on a plan (NEG, PHY, EMO, SAB, MUL).</summary>
    public string? Category { get; set; }
    /// <summary>The council's sub-category, if it uses them.</summary>
    public string? SubCategory { get; set; }
    public Participation? ChildParticipation { get; set; }
    public string? ChildViews { get; set; }
    public Participation? ParentsParticipation { get; set; }
    public string? ParentsViews { get; set; }
    /// <summary>At a review: is the plan working? The inspectors want reviews that test it.</summary>
    public bool? PlanWorking { get; set; }
    public string? PlanWorkingReason { get; set; }
    /// <summary>At a review: work agreed that was not done, and the challenge made.</summary>
    public string? WorkNotDone { get; set; }
    /// <summary>The chair's summary of the reasons for the decision.</summary>
    public string? DecisionReason { get; set; }
    /// <summary>Why the plan ends (review deciding EndPlan).</summary>
    public string? PlanEndReason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? RecordedAtUtc { get; set; }
    public Guid Version { get; set; }
    public List<ConferenceMember> Members { get; set; } = [];
}

/// <summary>
/// Someone invited to a conference, as which professional (or family member), whether they came, and the written
/// report asked of them: a partner can submit it through their own view before the conference.
/// </summary>
public class ConferenceMember
{
    public int Id { get; set; }
    public int ConferenceId { get; set; }
    public ProfessionalRole Role { get; set; }
    public int? AgencyId { get; set; }
    public required string Name { get; set; }
    /// <summary>The partner user who may submit the report, when they use Safeguard.</summary>
    public string? UserId { get; set; }
    public bool? Attended { get; set; }
    public bool ReportRequested { get; set; }
    public string? Report { get; set; }
    public DateTime? ReportSubmittedAtUtc { get; set; }
    public string? ReportSubmittedByName { get; set; }
}
