using Safeguard.Core.People;
using Safeguard.Core.SocialWork;

namespace Safeguard.Core.ChildProtection;

/// <summary>Why a child protection plan ended (the review conference's reason).</summary>
public enum PlanEndReason { NoLongerAtRisk, SteppedDownToChildInNeed, BecameLookedAfter, MovedToAnotherCouncil, ReachedEighteen, Died, Other }

/// <summary>
/// A child protection plan: from the initial (or transfer-in) conference that decided it to the review that ended
/// it. Its actions have owners and real dates; core groups meet first within 10 working days of the initial
/// conference and then at the council's interval; reviews come 3 months after the initial conference and then at
/// most every 6 months. The census wants its dates, its initial and latest category, and how many plans the child
/// had before.
/// </summary>
public class ChildProtectionPlan : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int? ReferralId { get; set; }
    public int TeamId { get; set; }
    public int InitialConferenceId { get; set; }
    /// <summary>The census's CPPstartDate: the day of the conference that decided it.</summary>
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public PlanEndReason? EndReason { get; set; }
    public required string InitialCategory { get; set; }
    public required string LatestCategory { get; set; }
    public string? LatestSubCategory { get; set; }
    /// <summary>The census's NumberOfPreviousCPP, counted when the plan starts.</summary>
    public int PreviousPlans { get; set; }
    /// <summary>When the previous plan ended, if there was one: a second plan within two years is flagged.</summary>
    public DateOnly? PreviousPlanEnded { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public Guid Version { get; set; }
    public List<ProtectionAction> Actions { get; set; } = [];
}

/// <summary>An action of a child protection plan, reviewed at core groups and conferences (each progress entry is kept in <see cref="ProtectionActionProgress"/>).</summary>
public class ProtectionAction : DatedAction;

/// <summary>Progress recorded against a child protection plan's action, at a core group or between them: the history the latest progress overwrites.</summary>
public class ProtectionActionProgress
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    /// <summary>The core group it was recorded at; null between meetings.</summary>
    public int? CoreGroupId { get; set; }
    public PlanActionStatus Status { get; set; }
    public required string Text { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>A core group meeting of a plan: due, then held with who came, the notes and progress against the actions.</summary>
public class CoreGroupMeeting : IVersioned
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Guid PersonId { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string? Attendees { get; set; }
    public string? Notes { get; set; }
    public string? RecordedByName { get; set; }
    public DateTime? RecordedAtUtc { get; set; }
    public Guid Version { get; set; }
}
