using Microsoft.Extensions.Configuration;
using Safeguard.Core.Calendar;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// The council's child protection timescales, from the "ChildProtection" section of configuration. The defaults
/// are Working Together 2023's (conferences, the first core group) and common local practice (core groups after
/// the first, the plan lengths watched). Visits are in <see cref="SocialWork.SocialWorkRules.ChildProtectionVisit"/>.
/// </summary>
public sealed class ChildProtectionRules
{
    /// <summary>The initial conference within this of the last strategy discussion (and, as the DfE counts, of the enquiry's start): 15 working days.</summary>
    public Timescale InitialConference { get; init; } = new(15, TimescaleUnit.WorkingDays);

    /// <summary>The first core group within this of the initial conference: 10 working days.</summary>
    public Timescale FirstCoreGroup { get; init; } = new(10, TimescaleUnit.WorkingDays);

    /// <summary>Core groups after the first, from the last one held (local default: 4 weeks).</summary>
    public Timescale CoreGroup { get; init; } = new(4, TimescaleUnit.Weeks);

    /// <summary>The first review conference within this of the initial conference: 3 months.</summary>
    public Timescale FirstReview { get; init; } = new(3, TimescaleUnit.Months);

    /// <summary>Later reviews within this of the last: 6 months at most.</summary>
    public Timescale Review { get; init; } = new(6, TimescaleUnit.Months);

    /// <summary>A plan that starts within this of the end of a previous one is flagged (the DfE's "second or subsequent plan within two years").</summary>
    public Timescale RepeatWithin { get; init; } = new(24, TimescaleUnit.Months);

    /// <summary>A plan running longer than this is flagged to the manager and the chair (local default: 18 months).</summary>
    public Timescale LongPlanWarning { get; init; } = new(18, TimescaleUnit.Months);

    /// <summary>A plan running longer than this is flagged as over two years (the board's measure).</summary>
    public Timescale LongPlan { get; init; } = new(24, TimescaleUnit.Months);

    /// <summary>
    /// The council's sub-categories under each category of abuse, recorded with it at conferences: a local choice.
    /// "ChildProtection:SubCategories:NEG" (a list) replaces the defaults for neglect; a category not set keeps them.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> SubCategories { get; init; } = AbuseCategories.DefaultSubCategories;

    /// <summary>No sub-category, or one of the council's under the category chosen.</summary>
    public bool IsValidSubCategory(string code, string? sub) =>
        sub is null || (SubCategories.TryGetValue(code, out var subs) && subs.Contains(sub, StringComparer.Ordinal));

    /// <summary>Reads "ChildProtection"; anything not set keeps its default. A bad value stops the app with a message naming the key.</summary>
    public static ChildProtectionRules From(IConfiguration config)
    {
        var section = config.GetSection("ChildProtection");
        var d = new ChildProtectionRules();
        return new ChildProtectionRules
        {
            InitialConference = TimescaleSetting.Read(section, nameof(InitialConference), "child protection") ?? d.InitialConference,
            FirstCoreGroup = TimescaleSetting.Read(section, nameof(FirstCoreGroup), "child protection") ?? d.FirstCoreGroup,
            CoreGroup = TimescaleSetting.Read(section, nameof(CoreGroup), "child protection") ?? d.CoreGroup,
            FirstReview = TimescaleSetting.Read(section, nameof(FirstReview), "child protection") ?? d.FirstReview,
            Review = TimescaleSetting.Read(section, nameof(Review), "child protection") ?? d.Review,
            RepeatWithin = TimescaleSetting.Read(section, nameof(RepeatWithin), "child protection") ?? d.RepeatWithin,
            LongPlanWarning = TimescaleSetting.Read(section, nameof(LongPlanWarning), "child protection") ?? d.LongPlanWarning,
            LongPlan = TimescaleSetting.Read(section, nameof(LongPlan), "child protection") ?? d.LongPlan,
            SubCategories = ReadSubCategories(section.GetSection(nameof(SubCategories))),
        };
    }

    private static Dictionary<string, string[]> ReadSubCategories(IConfigurationSection section)
    {
        var result = AbuseCategories.DefaultSubCategories.ToDictionary(c => c.Key, c => c.Value);
        foreach (var category in section.GetChildren())
        {
            if (!AbuseCategories.IsValid(category.Key))
                throw new InvalidOperationException($"{category.Path}: '{category.Key}' is not a category of abuse; use {string.Join(", ", AbuseCategories.Codes.Keys)}");
            var names = category.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToArray();
            if (names.Any(n => n.Length > 100)) throw new InvalidOperationException($"{category.Path}: each sub-category must be 100 characters or fewer");
            result[category.Key] = names;
        }
        return result;
    }
}
