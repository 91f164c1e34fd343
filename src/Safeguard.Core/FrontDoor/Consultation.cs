namespace Safeguard.Core.FrontDoor;

public enum ConsultationKind { Named, NoName }

/// <summary>
/// A professional asking the front door for advice. Not a contact: it starts no clock and no episode. A named
/// consultation is about a child we can identify; a no-name one is not. Only professionals consult: the
/// public, family and anonymous callers make contacts.
/// </summary>
public class Consultation
{
    public int Id { get; set; }
    public ConsultationKind Kind { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public required string SourceCode { get; set; }
    public int? AgencyId { get; set; }
    public Access.Agency? Agency { get; set; }
    public required string ProfessionalName { get; set; }
    public string? ProfessionalRole { get; set; }
    /// <summary>Only for a named consultation.</summary>
    public Guid? PersonId { get; set; }
    public required string Question { get; set; }
    public required string Advice { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedById { get; set; }
    public required string RecordedByName { get; set; }
}
