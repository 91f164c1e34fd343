namespace Safeguard.Core.Chronology;

/// <summary>
/// One event on a person's chronology. Every area adds its events here, so a child's whole journey reads in
/// date order in one place, each event with who recorded it.
/// </summary>
public class ChronologyEntry
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>When it happened (UTC), which may be earlier than when it was recorded.</summary>
    public DateTime OccurredAtUtc { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedBy { get; set; }
    /// <summary>The area that wrote it: People, FrontDoor, ChildProtection...</summary>
    public required string Area { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public bool IsSignificant { get; set; }
    /// <summary>Where the event is recorded in full (a visit, a case note), when it has its own page.</summary>
    public string? Link { get; set; }
}

public static class ChronologyKinds
{
    public const string PersonAdded = "Person added";
    public const string DetailsChanged = "Details changed";
    public const string RelationshipAdded = "Relationship added";
    public const string AddressAdded = "Address added";
    public const string RecordedInError = "Recorded in error";
    public const string Restricted = "Record restricted";
    public const string RestrictionLifted = "Restriction lifted";
    public const string InvolvementStarted = "Involvement started";
    public const string InvolvementEnded = "Involvement ended";
}
