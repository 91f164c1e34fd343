using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

public enum PlanStage { Draft, AwaitingAuthorisation, Active, Ended }

/// <summary>
/// A child in need plan (section 17) for one child within their social care episode. The worker writes it with
/// its actions; a manager's authorisation makes it active. Its start and end dates are the census's CIN plan dates;
/// meetings and reviews are scheduled from the start, at the council's interval.
/// </summary>
public class ChildInNeedPlan : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int ReferralId { get; set; }
    public int TeamId { get; set; }
    /// <summary>The census's CIN plan start date.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>The census's CIN plan end date; set when the plan ends (stepped down, closed, or replaced by a child protection plan).</summary>
    public DateOnly? EndDate { get; set; }
    public string? EndReason { get; set; }
    /// <summary>What the plan is for: the needs it addresses and what should be different for the child.</summary>
    public string? Aims { get; set; }
    public PlanStage Stage { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public DateTime? AuthorisedAtUtc { get; set; }
    public string? AuthorisedByName { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid Version { get; set; }
    public List<PlanAction> Actions { get; set; } = [];
    public List<ChildInNeedMeeting> Meetings { get; set; } = [];
}

public enum PlanActionStatus { NotStarted, InProgress, Done, NoLongerNeeded }

/// <summary>
/// An action with an owner and a real date ("ongoing", "as needed" or no date is refused): the shape every plan's
/// actions share. The owner may be a worker (then it is on their My work) or someone outside the council, named.
/// </summary>
public abstract class DatedAction
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Text { get; set; }
    public required string OwnerName { get; set; }
    /// <summary>Set when the owner is a member of staff, so the action reaches their My work.</summary>
    public string? OwnerUserId { get; set; }
    public DateOnly DueDate { get; set; }
    public PlanActionStatus Status { get; set; }
    /// <summary>The latest progress recorded against it.</summary>
    public string? Progress { get; set; }
}

/// <summary>One action of a child in need plan (each progress entry is also kept in <see cref="PlanActionProgress"/>).</summary>
public class PlanAction : DatedAction;

/// <summary>Progress recorded against a plan action, at a meeting or between meetings.</summary>
public class PlanActionProgress
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public int? MeetingId { get; set; }
    public PlanActionStatus Status { get; set; }
    public required string Text { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedByName { get; set; }
}

public enum MeetingKind { ChildInNeedMeeting, PlanReview }

/// <summary>
/// A child in need meeting or review of the plan: due on a date derived from the plan's start (or the last one
/// held), and once held, its date, who came and the minutes. Holding one schedules the next.
/// </summary>
public class ChildInNeedMeeting : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Guid PersonId { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string? Attendees { get; set; }
    public string? Minutes { get; set; }
    /// <summary>Whether the plan continues, changes, steps down or ends, as the meeting decided.</summary>
    public string? Decision { get; set; }
    public string? RecordedByName { get; set; }
    public DateTime? RecordedAtUtc { get; set; }
    public Guid Version { get; set; }
}
