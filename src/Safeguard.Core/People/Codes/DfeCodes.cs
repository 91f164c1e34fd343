namespace Safeguard.Core.People.Codes;

/// <summary>
/// Code lists for a child's details in the DfE children in need census (CIN schema 2026).
/// Tests check them against the XSD, so a schema change shows up as a failing test.
/// Gender identity is free text elsewhere; it has no DfE codes.
/// </summary>
public static class DfeCodes
{
    /// <summary>Sex as recognised in law (CIN from 2025 uses M/F/U).</summary>
    public static readonly CodeList Sex = new(
        new("M", "Male"),
        new("F", "Female"),
        new("U", "Unknown"));

    public static readonly CodeList Ethnicity = new(
        new("WBRI", "White British"),
        new("WIRI", "White Irish"),
        new("WIRT", "Traveller of Irish heritage"),
        new("WOTH", "Any other White background"),
        new("WROM", "Gypsy/Roma"),
        new("MWBC", "White and Black Caribbean"),
        new("MWBA", "White and Black African"),
        new("MWAS", "White and Asian"),
        new("MOTH", "Any other mixed background"),
        new("AIND", "Indian"),
        new("APKN", "Pakistani"),
        new("ABAN", "Bangladeshi"),
        new("AOTH", "Any other Asian background"),
        new("BCRB", "Caribbean"),
        new("BAFR", "African"),
        new("BOTH", "Any other Black background"),
        new("CHNE", "Chinese"),
        new("OOTH", "Any other ethnic group"),
        new("REFU", "Refused"),
        new("NOBT", "Information not yet obtained"));

    /// <summary>A child can have several; NONE must not be combined with others (DfE rule 8790).</summary>
    public static readonly CodeList Disability = new(
        new("NONE", "No disability"),
        new("MOB", "Mobility"),
        new("HAND", "Hand function"),
        new("PC", "Personal care"),
        new("INC", "Incontinence"),
        new("COMM", "Communication"),
        new("LD", "Learning"),
        new("HEAR", "Hearing"),
        new("VIS", "Vision"),
        new("BEH", "Behaviour"),
        new("CON", "Consciousness"),
        new("AUT", "Autism"),
        new("DDA", "Other"));

    /// <summary>Why a child has no UPN, returned instead of the UPN.</summary>
    public static readonly CodeList UpnUnknown = new(
        new("UN1", "Child is aged under 6 years old and is not yet attending school"),
        new("UN2", "Child has never attended an English school"),
        new("UN3", "Child is educated outside of school (not at a school/institution)"),
        new("UN4", "Child is newly arrived and yet to have a UPN"),
        new("UN5", "Sources collating UPNs reflect discrepancy/ies for the child's name and/or surname and/or date of birth therefore prevent reliable matching (for example, duplicated UPN)"),
        new("UN6", "Child is aged 6 years or older and is not currently attending school"),
        new("UN7", "Referral with no further action"));
}
