using Safeguard.Core.Access;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// The size of Northmoor at scale 1, taken from the seeds' borough (DOMAIN.md, "Scale of the seeds'
/// borough"). Scale multiplies every figure here.
/// </summary>
internal static class DemoVolumes
{
    /// <summary>Families known to the service over about six years.</summary>
    public const int Households = 9000;

    /// <summary>Young people of 18 to 25 who were looked after.</summary>
    public const int CareLeavers = 300;

    /// <summary>How far back the history goes.</summary>
    public const int YearsOfHistory = 6;

    /// <summary>Children with an open involvement of each kind on the as-of date (one kind per child).</summary>
    public static int OpenTarget(InvolvementKind kind) => kind switch
    {
        // About 1,300 referrals a year, each assessed within 45 working days, leave about 200 assessments open on a day.
        InvolvementKind.Assessment => 200,
        InvolvementKind.ChildInNeed => 1300,
        InvolvementKind.ChildProtection => 200,
        InvolvementKind.LookedAfter => 195,
        InvolvementKind.CareLeaver => 250,
        InvolvementKind.EarlyHelp => 700,
        _ => 0,
    };

    /// <summary>The team that holds each kind of involvement.</summary>
    public static TeamKind TeamFor(InvolvementKind kind) => kind switch
    {
        InvolvementKind.Assessment => TeamKind.Assessment,
        InvolvementKind.ChildInNeed => TeamKind.ChildInNeed,
        InvolvementKind.ChildProtection => TeamKind.ChildProtection,
        InvolvementKind.LookedAfter => TeamKind.LookedAfter,
        InvolvementKind.CareLeaver => TeamKind.LeavingCare,
        InvolvementKind.EarlyHelp => TeamKind.EarlyHelp,
        _ => TeamKind.Lado,
    };

    /// <summary>Children a full-time worker holds (local default; councils set their own).</summary>
    public static int? Capacity(TeamKind kind) => kind switch
    {
        TeamKind.Assessment or TeamKind.ChildInNeed or TeamKind.ChildProtection or TeamKind.LookedAfter => 18,
        TeamKind.LeavingCare => 25,
        TeamKind.EarlyHelp => 30,
        _ => null,
    };
}
