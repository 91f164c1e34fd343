namespace Safeguard.Core.DemoBorough;

/// <summary>
/// What to generate. The same seed, scale and as-of date always give the same borough, so a bug seen in
/// one demo database can be reproduced in another.
/// </summary>
/// <param name="Seed">Picks one of many equally plausible boroughs.</param>
/// <param name="Scale">1 is the size of the seeds' borough; 10 is about the largest English council.</param>
/// <param name="AsOf">The borough's "today": open cases are open on this date, and all history is before it.</param>
public sealed record DemoOptions(int Seed, int Scale, DateOnly AsOf)
{
    /// <summary>For tests only: generate this fraction of the families (staff stay at full size) so a run takes seconds.</summary>
    internal double Fraction { get; init; } = 1;

    /// <summary>The council's front-door timescales: every due time in the demo is derived from them, as the services derive it.</summary>
    public FrontDoor.FrontDoorRules FrontDoorRules { get; init; } = new();
    /// <summary>The council's social work rules, for the next visit due written with the borough.</summary>
    public SocialWork.SocialWorkRules SocialWorkRules { get; init; } = new();
}

/// <summary>One well-known demo sign-in: a member of staff holding one role.</summary>
public sealed record DemoSignIn(string Role, string RoleLabel, string Email, string DisplayName);

/// <summary>What was generated, for the command line to print and tests to check.</summary>
public sealed record DemoSummary(
    IReadOnlyList<(string What, int Count)> Counts,
    TimeSpan Elapsed,
    IReadOnlyList<DemoSignIn> SignIns,
    string Password,
    string AuthenticatorKey,
    Guid RestrictedPersonId,
    Guid LongHistoryPersonId = default);
