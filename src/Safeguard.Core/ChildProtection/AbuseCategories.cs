namespace Safeguard.Core.ChildProtection;

/// <summary>
/// The DfE's categories of abuse for a child protection plan, and common sub-categories under each: the defaults a
/// council replaces with its own (ChildProtection:SubCategories, see <see cref="ChildProtectionRules.SubCategories"/>).
/// MUL (multiple) is accepted but the DfE does not recommend it, so the pages say so.
/// </summary>
public static class AbuseCategories
{
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>
    {
        ["NEG"] = "Neglect",
        ["PHY"] = "Physical abuse",
        ["EMO"] = "Emotional abuse",
        ["SAB"] = "Sexual abuse",
        ["MUL"] = "Multiple (not recommended by the DfE)",
    };

    public static readonly IReadOnlyDictionary<string, string[]> DefaultSubCategories = new Dictionary<string, string[]>
    {
        ["NEG"] = ["Home conditions", "Medical or dental neglect", "Supervision and safety", "Emotional neglect", "Education"],
        ["PHY"] = ["Non-accidental injury", "Physical chastisement", "Fabricated or induced illness"],
        ["EMO"] = ["Domestic abuse", "Parental mental health", "Parental substance misuse", "Rejection or hostility"],
        ["SAB"] = ["Intra-familial sexual abuse", "Extra-familial sexual abuse", "Child sexual exploitation", "Online sexual abuse"],
        ["MUL"] = [],
    };

    public static bool IsValid(string? code) => code is not null && Codes.ContainsKey(code);

    public static string Label(string? code) => code is not null && Codes.TryGetValue(code, out var label) ? label : code ?? "";
}
