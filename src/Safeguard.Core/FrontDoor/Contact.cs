using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

public enum ContactMethod { Phone, Email, OnlineForm, PoliceNotification, Letter, InPerson, PartnerPortal, Import }

public enum Consent { Given, NotNeeded, NotSoughtSafeguarding, RefusedOverridden }

/// <summary>Where a contact is on its way through the front door.</summary>
public enum ContactStage
{
    /// <summary>Waiting for the contact service's screening decision (1 working day).</summary>
    AwaitingScreening,
    /// <summary>Every child on it has an open case: passed to the allocated workers as new information.</summary>
    NewInformation,
    /// <summary>In the MASH for multi-agency checks.</summary>
    WithMash,
    /// <summary>Decided: by the contact service, or by the MASH manager.</summary>
    Closed,
}

/// <summary>The contact service's screening decision.</summary>
public enum ScreeningOutcome { NoFurtherAction, InformationAndAdvice, Signpost, EarlyHelp, Referral, Mash }

/// <summary>
/// Someone telling the council they are worried about a child, or the children of a household. One contact,
/// one or more children; a number people can quote (C-0000123); its clock starts when it was received.
/// </summary>
public class Contact : IVersioned
{
    public int Id { get; set; }
    public int Number { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public ContactMethod Method { get; set; }

    /// <summary>DfE referral source code (1A ... 10).</summary>
    public required string SourceCode { get; set; }
    public int? ReferrerAgencyId { get; set; }
    public Access.Agency? ReferrerAgency { get; set; }
    /// <summary>Blank for anonymous contacts.</summary>
    public string? ReferrerName { get; set; }
    public string? ReferrerRole { get; set; }
    /// <summary>How to reach the referrer to tell them the outcome.</summary>
    public string? ReferrerContactDetails { get; set; }

    public required string Concerns { get; set; }
    public string? ReferrerRequest { get; set; }
    public Consent Consent { get; set; }
    /// <summary>Required when going ahead without consent: the safeguarding reason.</summary>
    public string? ConsentReason { get; set; }
    /// <summary>For a police notification: the police's own RAG rating, kept beside the MASH's.</summary>
    public Rag? PoliceRag { get; set; }

    public ContactStage Stage { get; set; }
    /// <summary>When the screening decision is due (derived from the receipt time; see docs/timescales.md).</summary>
    public DateTime ScreeningDueAtUtc { get; set; }

    public ScreeningOutcome? ScreeningOutcome { get; set; }
    public string? ScreeningReason { get; set; }
    public DateTime? ScreenedAtUtc { get; set; }
    public string? ScreenedById { get; set; }
    public string? ScreenedByName { get; set; }
    /// <summary>The team an early help or referral decision sent it to.</summary>
    public int? ToTeamId { get; set; }
    public Access.Team? ToTeam { get; set; }

    /// <summary>When (and how) the referrer was told the outcome.</summary>
    public DateOnly? ReferrerToldOn { get; set; }
    public string? ReferrerToldHow { get; set; }

    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    public Guid Version { get; set; }

    public List<ContactChild> Children { get; set; } = [];
    public List<ContactFactor> Factors { get; set; } = [];

    public string Reference => Format(Number);
    public static string Format(int number) => $"C-{number:D7}";

    public static string Label(ScreeningOutcome outcome) => outcome switch
    {
        FrontDoor.ScreeningOutcome.NoFurtherAction => "No further action",
        FrontDoor.ScreeningOutcome.InformationAndAdvice => "Information and advice",
        FrontDoor.ScreeningOutcome.Signpost => "Signposted to universal services",
        FrontDoor.ScreeningOutcome.EarlyHelp => "Early help",
        FrontDoor.ScreeningOutcome.Referral => "Referral to children's social care",
        FrontDoor.ScreeningOutcome.Mash => "Into the MASH for multi-agency checks",
        _ => outcome.ToString(),
    };

    public static string Label(ContactMethod method) => method switch
    {
        ContactMethod.OnlineForm => "Online form",
        ContactMethod.PoliceNotification => "Police notification",
        ContactMethod.InPerson => "In person",
        ContactMethod.PartnerPortal => "Partner agency view",
        ContactMethod.Import => "Imported",
        _ => method.ToString(),
    };

    public static string Label(Consent consent) => consent switch
    {
        Consent.Given => "Consent given to share information",
        Consent.NotNeeded => "Consent not needed (no information to be shared)",
        Consent.NotSoughtSafeguarding => "Not sought: seeking it would put the child at risk",
        Consent.RefusedOverridden => "Refused, but going ahead to safeguard the child",
        _ => consent.ToString(),
    };

    public static string Label(ContactStage stage) => stage switch
    {
        ContactStage.AwaitingScreening => "Awaiting screening",
        ContactStage.NewInformation => "New information for the allocated worker",
        ContactStage.WithMash => "With the MASH",
        ContactStage.Closed => "Decided",
        _ => stage.ToString(),
    };
}

/// <summary>
/// A child a contact is about. A contact from a partner or an import can name a child who is not yet matched
/// to a record: the contact service matches them before screening.
/// </summary>
public class ContactChild
{
    public int Id { get; set; }
    public int ContactId { get; set; }
    public Guid? PersonId { get; set; }
    /// <summary>As the referrer gave them, kept even after matching.</summary>
    public string? ReportedName { get; set; }
    public DateOnly? ReportedDateOfBirth { get; set; }
    public string? ReportedAddress { get; set; }

    /// <summary>The child's latest referral within 12 months before this contact: a possible repeat referral.</summary>
    public int? EarlierReferralId { get; set; }
    /// <summary>The child had an open case: the contact went to this worker as new information (null when unallocated: the team manager).</summary>
    public bool HadOpenCase { get; set; }
    public string? NewInformationForUserId { get; set; }
    public int? NewInformationForTeamId { get; set; }
    public DateTime? NewInformationReadAtUtc { get; set; }
    /// <summary>The referral this contact opened for the child, if it became one.</summary>
    public int? ReferralId { get; set; }
}

/// <summary>A DfE factor the contact describes.</summary>
public class ContactFactor
{
    public int Id { get; set; }
    public int ContactId { get; set; }
    public required string Code { get; set; }
}
