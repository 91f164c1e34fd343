using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguard.Core.Calendar;

public enum TimescaleUnit { Hours, WorkingDays }

/// <summary>
/// A configured timescale such as "4 hours" or "3 working days", turned into a due moment through the
/// calendar. Hours are elapsed hours (nights, weekends and clock changes included). Working days count from
/// the start event's UK date as day 0; the thing is due by the end (midnight, UK time) of the Nth working day after.
/// </summary>
public sealed partial record Timescale(int Amount, TimescaleUnit Unit)
{
    public DateTime DueAtUtc(DateTime startUtc, WorkingDayCalendar calendar)
    {
        if (Unit == TimescaleUnit.Hours) return startUtc.AddHours(Amount);
        var startDate = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(startUtc, TimeSpan.Zero)));
        var dueDate = calendar.AddWorkingDays(startDate, Amount);
        return EndOfUkDay(dueDate);
    }

    /// <summary>Midnight at the end of a UK date, as a UTC instant.</summary>
    public static DateTime EndOfUkDay(DateOnly date) =>
        WorkingDayCalendar.FromUkLocal(date.AddDays(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    /// <summary>A due moment in words: "14:30 on Thursday 26 November 2026", or "the end of Thursday 26 November 2026" for a working-day clock.</summary>
    public static string Describe(DateTime dueUtc)
    {
        var uk = WorkingDayCalendar.ToUkTime(new DateTimeOffset(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc)));
        var culture = CultureInfo.GetCultureInfo("en-GB");
        return uk.TimeOfDay == TimeSpan.Zero
            ? "the end of " + uk.AddDays(-1).ToString("dddd d MMMM yyyy", culture)
            : uk.ToString("HH:mm 'on' dddd d MMMM yyyy", culture);
    }

    public override string ToString() => (Amount, Unit) switch
    {
        (1, TimescaleUnit.Hours) => "1 hour",
        (_, TimescaleUnit.Hours) => $"{Amount} hours",
        (1, TimescaleUnit.WorkingDays) => "1 working day",
        _ => $"{Amount} working days",
    };

    /// <summary>Reads "4 hours", "1 working day", "3 working days" (as written in appsettings.json).</summary>
    public static Timescale Parse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
            throw new FormatException($"'{text}' is not a timescale: write it like \"4 hours\" or \"3 working days\"");
        var amount = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (amount is < 0 or > 1000) throw new FormatException($"'{text}': the number must be between 0 and 1000");
        return new Timescale(amount, m.Groups[2].Value.StartsWith("h", StringComparison.OrdinalIgnoreCase) ? TimescaleUnit.Hours : TimescaleUnit.WorkingDays);
    }

    [GeneratedRegex(@"^(\d+)\s+(hours?|working\s+days?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
