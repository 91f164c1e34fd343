namespace Safeguard.Core.People;

/// <summary>
/// How two people are related, stored once per pair and read from either side: "A is parent of B" is shown
/// on B's record as "B's parent: A".
/// </summary>
public class Relationship : IVersioned
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid RelatedPersonId { get; set; }
    public Person? RelatedPerson { get; set; }
    public RelationshipType Type { get; set; }
    /// <summary>Whether the person holds parental responsibility for the related child.</summary>
    public bool ParentalResponsibility { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RecordedInErrorAtUtc { get; set; }
    public string? RecordedInErrorReason { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Read as "Person is TYPE of RelatedPerson".</summary>
public enum RelationshipType
{
    ParentOf, StepParentOf, CarerOf, GrandparentOf, SiblingOf, HalfSiblingOf, PartnerOf, HouseholdMemberWith, OtherRelativeOf,
}

public static class RelationshipTypes
{
    /// <summary>The words for each type seen from the first person's side and from the related person's.</summary>
    public static (string Forward, string Backward) Words(RelationshipType type) => type switch
    {
        RelationshipType.ParentOf => ("parent", "child"),
        RelationshipType.StepParentOf => ("step-parent", "step-child"),
        RelationshipType.CarerOf => ("carer", "cared-for child"),
        RelationshipType.GrandparentOf => ("grandparent", "grandchild"),
        RelationshipType.SiblingOf => ("sibling", "sibling"),
        RelationshipType.HalfSiblingOf => ("half-sibling", "half-sibling"),
        RelationshipType.PartnerOf => ("partner", "partner"),
        RelationshipType.HouseholdMemberWith => ("household member", "household member"),
        RelationshipType.OtherRelativeOf => ("relative", "relative"),
        _ => (type.ToString(), type.ToString()),
    };

    /// <summary>How the related person stands to the person whose record we are on.</summary>
    public static string Describe(Relationship r, Guid onRecordOf) =>
        r.PersonId == onRecordOf ? Words(r.Type).Backward : Words(r.Type).Forward;
}
