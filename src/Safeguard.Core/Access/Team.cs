namespace Safeguard.Core.Access;

public enum TeamKind
{
    ContactService, Mash, Assessment, ChildInNeed, ChildProtection, LookedAfter, LeavingCare, EarlyHelp,
    EmergencyDuty, IndependentReviewing, Lado, Partnership, QualityAssurance, Performance, Administration,
}

/// <summary>A council team. Caseload capacity is the number of children a full-time worker holds here.</summary>
public class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TeamKind Kind { get; set; }
    public int? CaseloadCapacity { get; set; }
    public bool IsActive { get; set; } = true;
}

public enum AgencyKind { Police, Health, Education, Probation, Housing, Voluntary, Other }

/// <summary>A partner agency: police, a hospital trust, a school, probation...</summary>
public class Agency
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    public bool IsActive { get; set; } = true;
}
