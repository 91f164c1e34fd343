using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

public enum ClosureKind { Close, StepDownToEarlyHelp }

public enum ClosureStage { AwaitingAuthorisation, Authorised, Returned }

/// <summary>
/// Ending a child's social care episode: a closure with the DfE reason (RC1-RC9), or a step down to early help
/// (RC9 after an assessment, or RC7). The worker proposes it with the reasons; a manager's sign-off closes the
/// referral, ends the plan and the social care involvements, and (for a step down) opens early help.
/// </summary>
public class CaseClosure : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int ReferralId { get; set; }
    public ClosureKind Kind { get; set; }
    /// <summary>The census reason for closure, RC1-RC9.</summary>
    public required string ReasonCode { get; set; }
    public required string Reasons { get; set; }
    /// <summary>The census closure date: the day the manager signs it off.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The early help team taking the child on a step down.</summary>
    public int? EarlyHelpTeamId { get; set; }
    public ClosureStage Stage { get; set; }
    public required string ProposedById { get; set; }
    public required string ProposedByName { get; set; }
    public DateTime ProposedAtUtc { get; set; }
    public Guid Version { get; set; }
}
