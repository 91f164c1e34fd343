using Safeguard.Core.People.Codes;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// The children in need census's reasons for closure (CIN schema 2026, reasonforclosuretype), in the DfE's words.
/// A test checks the list against the XSD.
/// </summary>
public static class ClosureCodes
{
    public static readonly CodeList ReasonForClosure = new(
        new("RC1", "Adopted"),
        new("RC2", "Died"),
        new("RC3", "Child arrangements order"),
        new("RC4", "Special guardianship order"),
        new("RC5", "Transferred to services of another local authority"),
        new("RC6", "Transferred to adult social care services"),
        new("RC7", "Services ceased for any other reason, including child no longer in need"),
        new("RC8", "Case closed after assessment, no further action"),
        new("RC9", "Case closed after assessment, referred to early help"));

    /// <summary>RC1-RC6: events that end the episode whatever stage the work is at (an assessment in progress does not hold them up).</summary>
    public static bool EndsRegardless(string code) => code is "RC1" or "RC2" or "RC3" or "RC4" or "RC5" or "RC6";

    /// <summary>RC8 and RC9 say an assessment was completed: the referral must have an authorised one.</summary>
    public static bool NeedsAssessment(string code) => code is "RC8" or "RC9";

    public static string Describe(string code) => $"{code} {ReasonForClosure.Label(code) ?? ""}".Trim();
}
