using System.Globalization;
using System.Text.RegularExpressions;

namespace Safeguard.Core.Calendar;

public enum TimescaleUnit { Hours, WorkingDays, Weeks, Months }

/// <summary>
/// A configured timescale such as "4 hours", "3 working days", "4 weeks" or "3 months", turned into a due moment
/// through the calendar. Hours are elapsed hours (nights, weekends and clock changes included). Working days count
/// from the start event's UK date as day 0; the thing is due by the end (midnight, UK time) of the Nth working day
/// after. Weeks and months are calendar periods from the start date (3 months from 31 May is 31 August; from
/// 30 November, 28 or 29 February): due by the end of that day, whether or not it is a working day.
/// </summary>
public sealed partial record Timescale(int Amount, TimescaleUnit Unit)
{
    public DateTime DueAtUtc(DateTime startUtc, WorkingDayCalendar calendar)
    {
        if (Unit == TimescaleUnit.Hours) return startUtc.AddHours(Amount);
        var startDate = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(startUtc, TimeSpan.Zero)));
        return EndOfUkDay(DueDate(startDate, calendar));
    }

    /// <summary>The UK date by whose end it is due, from a start date (day 0). Not for hour clocks, which need a time.</summary>
    public DateOnly DueDate(DateOnly start, WorkingDayCalendar calendar) => Unit switch
    {
        TimescaleUnit.WorkingDays => calendar.AddWorkingDays(start, Amount),
        TimescaleUnit.Weeks => start.AddDays(7 * Amount),
        TimescaleUnit.Months => start.AddMonths(Amount),
        _ => throw new InvalidOperationException($"{this} runs in hours: it needs a start time, not a date"),
    };

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
        (_, TimescaleUnit.WorkingDays) => $"{Amount} working days",
        (1, TimescaleUnit.Weeks) => "1 week",
        (_, TimescaleUnit.Weeks) => $"{Amount} weeks",
        (1, TimescaleUnit.Months) => "1 month",
        _ => $"{Amount} months",
    };

    /// <summary>Reads "4 hours", "1 working day", "3 working days", "4 weeks", "3 months" (as written in appsettings.json).
    /// Plain "days" is refused: it is ambiguous between working and calendar days.</summary>
    public static Timescale Parse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success)
            throw new FormatException($"'{text}' is not a timescale: write it like \"4 hours\", \"3 working days\", \"4 weeks\" or \"3 months\"");
        var amount = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (amount is < 0 or > 1000) throw new FormatException($"'{text}': the number must be between 0 and 1000");
        var unit = char.ToLowerInvariant(m.Groups[2].Value[0]) switch
        {
            'h' => TimescaleUnit.Hours,
            'w' when m.Groups[2].Value.StartsWith("we", StringComparison.OrdinalIgnoreCase) => TimescaleUnit.Weeks,
            'm' => TimescaleUnit.Months,
            _ => TimescaleUnit.WorkingDays,
        };
        return new Timescale(amount, unit);
    }

    [GeneratedRegex(@"^(\d+)\s+(hours?|working\s+days?|weeks?|months?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}

/// <summary>Reads a council's timescale from configuration, refusing a bad one with a message that names the key.</summary>
public static class TimescaleSetting
{
    /// <summary>
    /// The timescale at <paramref name="key"/> in <paramref name="section"/>, or null when not set. <paramref name="dates"/>
    /// names what runs on dates ("social work"): then a timescale in hours is refused, as it needs a start time.
    /// </summary>
    public static Timescale? Read(Microsoft.Extensions.Configuration.IConfigurationSection section, string key, string? dates = null)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        Timescale timescale;
        try { timescale = Timescale.Parse(text); }
        catch (FormatException e) { throw new InvalidOperationException($"{section.Path}:{key}: {e.Message}", e); }
        if (dates is not null && timescale.Unit == TimescaleUnit.Hours)
            throw new InvalidOperationException($"{section.Path}:{key}: '{text}' is in hours; {dates} timescales run in working days, weeks or months");
        return timescale;
    }
}
