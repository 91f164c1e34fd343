using Microsoft.Extensions.Configuration;
using Safeguard.Core.Calendar;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// The council's social work timescales, read from the "SocialWork" section of the configuration; every value has
/// the default in docs/timescales.md. Due dates are derived from these through the calendar, never typed in.
/// </summary>
public sealed class SocialWorkRules
{
    /// <summary>A child and family assessment completed (authorised) within this of the referral (Working Together: 45 working days).</summary>
    public Timescale Assessment { get; init; } = new(45, TimescaleUnit.WorkingDays);

    /// <summary>The child seen within this of the referral (local default: 7 working days).</summary>
    public Timescale ChildSeen { get; init; } = new(7, TimescaleUnit.WorkingDays);

    /// <summary>Child in need meetings and plan reviews, from the plan's start and then from each review (local default: 3 months).</summary>
    public Timescale ChildInNeedReview { get; init; } = new(3, TimescaleUnit.Months);

    /// <summary>Visits to a child in need, from the last visit (local default: 4 weeks).</summary>
    public Timescale ChildInNeedVisit { get; init; } = new(4, TimescaleUnit.Weeks);

    /// <summary>Visits to a child on a child protection plan, from the last visit (Working Together and local practice: 10 working days).</summary>
    public Timescale ChildProtectionVisit { get; init; } = new(10, TimescaleUnit.WorkingDays);

    /// <summary>Visits to a looked-after child, from the last visit (Care Planning Regulations: at least every six weeks in the first year).</summary>
    public Timescale LookedAfterVisit { get; init; } = new(6, TimescaleUnit.Weeks);

    /// <summary>A child with no management oversight for longer than this is listed for the service manager (local default: 6 weeks).</summary>
    public Timescale Oversight { get; init; } = new(6, TimescaleUnit.Weeks);

    /// <summary>Reads the "SocialWork" section; anything not set keeps its default. A bad value stops the app with a message naming the key.</summary>
    public static SocialWorkRules From(IConfiguration config)
    {
        var section = config.GetSection("SocialWork");
        var d = new SocialWorkRules();
        return new SocialWorkRules
        {
            Assessment = TimescaleSetting.Read(section, nameof(Assessment), "social work") ?? d.Assessment,
            ChildSeen = TimescaleSetting.Read(section, nameof(ChildSeen), "social work") ?? d.ChildSeen,
            ChildInNeedReview = TimescaleSetting.Read(section, nameof(ChildInNeedReview), "social work") ?? d.ChildInNeedReview,
            ChildInNeedVisit = TimescaleSetting.Read(section, nameof(ChildInNeedVisit), "social work") ?? d.ChildInNeedVisit,
            ChildProtectionVisit = TimescaleSetting.Read(section, nameof(ChildProtectionVisit), "social work") ?? d.ChildProtectionVisit,
            LookedAfterVisit = TimescaleSetting.Read(section, nameof(LookedAfterVisit), "social work") ?? d.LookedAfterVisit,
            Oversight = TimescaleSetting.Read(section, nameof(Oversight), "social work") ?? d.Oversight,
        };
    }
}
