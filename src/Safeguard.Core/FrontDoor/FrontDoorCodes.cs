using Safeguard.Core.People.Codes;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The DfE codes the front door records (children in need census, schema 2026): who referred, the factors
/// the referrer describes, and the child's primary need when a referral opens a social care episode.
/// A test checks each list against the XSD.
/// </summary>
public static class FrontDoorCodes
{
    public static readonly CodeList ReferralSource = new(
        new("1A", "Individual: family member, relative or carer"),
        new("1B", "Individual: acquaintance (including neighbours and childminders)"),
        new("1C", "Individual: self (the child)"),
        new("1D", "Individual: other (including strangers)"),
        new("2A", "Schools"),
        new("2B", "Education services"),
        new("3A", "Health: GP"),
        new("3B", "Health: health visitor"),
        new("3C", "Health: school nurse"),
        new("3D", "Health: other primary health services"),
        new("3E", "Health: A&E"),
        new("3F", "Health: other (for example a hospice)"),
        new("4", "Housing: council housing or housing association"),
        new("5A", "LA services: social care (for example adult social care)"),
        new("5B", "LA services: other internal (for example youth offending)"),
        new("5C", "LA services: external (for example another council's adult social care)"),
        new("5D", "LA services: early help"),
        new("6", "Police"),
        new("7", "Other legal agency (courts, probation, immigration, Cafcass, prison)"),
        new("8", "Other (children's centres, independent providers, voluntary organisations)"),
        new("9", "Anonymous"),
        new("10", "Unknown"));

    /// <summary>Factors a contact can describe (the CIN census assessment factors); the census records them at assessment.</summary>
    public static readonly CodeList Factors = new(
        new("1A", "Alcohol misuse by the child"),
        new("1B", "Alcohol misuse by a parent or carer"),
        new("1C", "Alcohol misuse by another person in the household"),
        new("2A", "Drug misuse by the child"),
        new("2B", "Drug misuse by a parent or carer"),
        new("2C", "Drug misuse by another person in the household"),
        new("3A", "Domestic abuse: the child is the subject"),
        new("3B", "Domestic abuse: a parent or carer is the subject"),
        new("3C", "Domestic abuse: another person in the household is the subject"),
        new("4A", "Mental health of the child"),
        new("4B", "Mental health of a parent or carer"),
        new("4C", "Mental health of another person in the household"),
        new("5A", "Learning disability of the child"),
        new("5B", "Learning disability of a parent or carer"),
        new("5C", "Learning disability of another person in the household"),
        new("6A", "Physical disability or illness of the child"),
        new("6B", "Physical disability or illness of a parent or carer"),
        new("6C", "Physical disability or illness of another person in the household"),
        new("7A", "Young carer"),
        new("8B", "Privately fostered: overseas child who intends to return"),
        new("8C", "Privately fostered: overseas child who intends to stay"),
        new("8D", "Privately fostered: UK child in an educational placement"),
        new("8E", "Privately fostered: UK child in an alternative family arrangement"),
        new("8F", "Privately fostered: other"),
        new("9A", "Unaccompanied asylum-seeking child"),
        new("10A", "Going or being missing"),
        new("11A", "Child sexual exploitation"),
        new("12A", "Trafficking"),
        new("13A", "Gangs"),
        new("14A", "Socially unacceptable behaviour"),
        new("15A", "Self-harm"),
        new("16A", "Neglect"),
        new("17A", "Emotional abuse"),
        new("18B", "Physical abuse by another child"),
        new("18C", "Physical abuse by an adult"),
        new("19B", "Sexual abuse by another child"),
        new("19C", "Sexual abuse by an adult"),
        new("20", "Other"),
        new("22A", "Female genital mutilation"),
        new("23A", "Abuse linked to faith or belief"),
        new("24A", "Child criminal exploitation"));

    public static readonly CodeList PrimaryNeed = new(
        new("N1", "Abuse, neglect and exploitation"),
        new("N2", "Child's disability"),
        new("N3", "Parental disability or illness"),
        new("N4", "Family in acute stress"),
        new("N5", "Family dysfunction"),
        new("N6", "Socially unacceptable behaviour"),
        new("N7", "Low income"),
        new("N8", "Absent parenting"),
        new("N9", "Cases other than children in need"),
        new("N0", "Not stated"));

    /// <summary>
    /// Members of the public, family, the child and anonymous callers make contacts, never consultations:
    /// the seeds' audit found 35% of such contacts wrongly recorded as consultations.
    /// </summary>
    public static bool IsPublicOrFamily(string? sourceCode) => sourceCode is "1A" or "1B" or "1C" or "1D" or "9";

    /// <summary>A professional source names an agency (or at least a profession) the MASH can go back to.</summary>
    public static bool IsProfessional(string? sourceCode) => ReferralSource.IsValid(sourceCode) && !IsPublicOrFamily(sourceCode) && sourceCode != "10";
}
