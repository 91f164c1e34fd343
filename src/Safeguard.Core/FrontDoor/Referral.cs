namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A referral to children's social care for one child: the start of a social care episode as the children in
/// need census records it (referral date, source, primary need, whether no further action followed).
/// </summary>
public class Referral
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public int ContactId { get; set; }
    /// <summary>The census referral date: the day the contact was received (UK date).</summary>
    public DateOnly ReferralDate { get; set; }
    public required string SourceCode { get; set; }
    /// <summary>N0 (not stated) until the assessment sets it; the census needs it.</summary>
    public required string PrimaryNeedCode { get; set; }
    /// <summary>The DfE's "referral with no further action".</summary>
    public bool NoFurtherAction { get; set; }
    /// <summary>The team that takes it on (assessment, or child protection for a strategy discussion).</summary>
    public int? TeamId { get; set; }
    public bool StrategyDiscussionNeeded { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Set when the episode closes (the DfE's RC1-RC9); a later contact counts repeat referrals from here.</summary>
    public DateOnly? ClosedOn { get; set; }
    public string? ClosureReason { get; set; }
}
