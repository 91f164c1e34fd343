using Safeguard.Core.Calendar;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Random choices for the demo borough. Everything random comes from a seeded <see cref="Random"/>, never
/// from the clock or Guid.NewGuid, so the same options give the same borough.
/// </summary>
internal static class DemoRandom
{
    /// <summary>
    /// Each section of the borough (staff, families, cases...) draws from its own generator, so a change to
    /// one section does not reshuffle the others.
    /// </summary>
    public static Random For(int seed, int section) => new(unchecked((seed * 7919) + (section * 104729)));

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>Picks an item with probability proportional to its weight.</summary>
    public static T Weighted<T>(this Random rng, IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, w) in items) total += w;
        var x = rng.NextDouble() * total;
        foreach (var (item, w) in items)
        {
            x -= w;
            if (x < 0) return item;
        }
        return items[^1].Item;
    }

    /// <summary>A whole number between min and max inclusive, more often near min (skew above 1 leans harder).</summary>
    public static int Skewed(this Random rng, int min, int max, double skew = 2) =>
        min + (int)Math.Floor(Math.Pow(rng.NextDouble(), skew) * (max - min + 1));

    /// <summary>A random (version 4 shaped) Guid drawn from the seeded generator.</summary>
    public static Guid NextGuid(this Random rng)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);   // version 4
        b[8] = (byte)((b[8] & 0x3F) | 0x80);   // RFC 4122 variant
        return new Guid(b, bigEndian: true);
    }

    /// <summary>Random text in base32 letters (A-Z, 2-7), the form Identity uses for security stamps.</summary>
    public static string Base32(this Random rng, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[rng.Next(32)];
        return new string(chars);
    }

    /// <summary>
    /// A moment (UK time, to the second) on the day, between a start hour and that many hours later: office
    /// hours by default. Callers keep things in order on one day by using earlier or later windows.
    /// </summary>
    public static DateTime WorkingMoment(this Random rng, DateOnly day, double fromHour = 8.5, double hours = 9)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddHours(fromHour).AddSeconds(rng.Next((int)(hours * 3600)));
        return WorkingDayCalendar.FromUkLocal(local).UtcDateTime;
    }

    /// <summary>
    /// The day itself on a weekday; for a Saturday or Sunday, a weekday of the week before (cases start and end
    /// on working days). Which weekday turns with the week, so weekend dates do not all pile up on Fridays.
    /// </summary>
    public static DateOnly Weekday(this DateOnly day)
    {
        var back = (day.DayNumber / 7) % 5;
        return day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(-1 - back),
            DayOfWeek.Sunday => day.AddDays(-2 - back),
            _ => day,
        };
    }

    /// <summary>A day between two dates inclusive; the earlier one when they are the wrong way round.</summary>
    public static DateOnly DayBetween(this Random rng, DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(rng.Next(to.DayNumber - from.DayNumber + 1));
}
