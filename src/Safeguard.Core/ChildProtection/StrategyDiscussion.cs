using Safeguard.Core.People;

namespace Safeguard.Core.ChildProtection;

public enum StrategyDiscussionForm { Meeting, Call, VideoCall }

/// <summary>What a strategy discussion decided about a section 47 enquiry.</summary>
public enum StrategyDecision
{
    /// <summary>Start a section 47 enquiry: the child may be suffering, or likely to suffer, significant harm.</summary>
    StartSection47,
    /// <summary>No section 47 enquiry: the work continues as a child and family assessment, or ends.</summary>
    NoSection47,
    /// <summary>A further discussion within an enquiry already under way: it continues.</summary>
    ContinueSection47,
}

/// <summary>
/// A strategy discussion (Working Together 2023, 4.2): when, by meeting or call, who took part from which agency
/// (police and health are always invited), the information shared, the immediate safety actions and the decision
/// whether to start a section 47 enquiry. Several can belong to one enquiry; the initial conference is due 15
/// working days after the last of them.
/// </summary>
public class StrategyDiscussion : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The social care episode it belongs to (the open referral), when there is one.</summary>
    public int? ReferralId { get; set; }
    /// <summary>The enquiry it started or continued.</summary>
    public int? Section47EnquiryId { get; set; }
    public int TeamId { get; set; }
    public DateTime HeldAtUtc { get; set; }
    public StrategyDiscussionForm Form { get; set; }
    public required string InformationShared { get; set; }
    /// <summary>What will keep the child safe now, and who does it.</summary>
    public string? SafetyActions { get; set; }
    public StrategyDecision Decision { get; set; }
    public required string DecisionReason { get; set; }
    public required string RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public Guid Version { get; set; }
    public List<StrategyParticipant> Participants { get; set; } = [];
}

/// <summary>Someone invited to a strategy discussion, from which agency, and whether they took part.</summary>
public class StrategyParticipant
{
    public int Id { get; set; }
    public int StrategyDiscussionId { get; set; }
    public ProfessionalRole Role { get; set; }
    /// <summary>The partner agency on Safeguard, when it is one.</summary>
    public int? AgencyId { get; set; }
    public required string Name { get; set; }
    public bool TookPart { get; set; }
}
