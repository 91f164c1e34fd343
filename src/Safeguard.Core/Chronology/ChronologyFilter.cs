using Safeguard.Core.Calendar;

namespace Safeguard.Core.Chronology;

/// <summary>
/// Which of a child's events to show: significant ones only, one kind (an assessment authorised, a visit...), and
/// a period of UK days. An empty filter shows everything.
/// </summary>
public sealed record ChronologyFilter(bool SignificantOnly = false, string? Kind = null, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly ChronologyFilter All = new();

    public bool IsEmpty => !SignificantOnly && Kind is null && From is null && To is null;

    public IQueryable<ChronologyEntry> Apply(IQueryable<ChronologyEntry> entries)
    {
        if (SignificantOnly) entries = entries.Where(c => c.IsSignificant);
        if (Kind is { } kind) entries = entries.Where(c => c.Kind == kind);
        if (From is { } from)
        {
            var start = WorkingDayCalendar.FromUkLocal(from.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
            entries = entries.Where(c => c.OccurredAtUtc >= start);
        }
        if (To is { } to)
        {
            var end = Timescale.EndOfUkDay(to);
            entries = entries.Where(c => c.OccurredAtUtc < end);
        }
        return entries;
    }

    /// <summary>The filter in words, for the printed document's heading: "Significant events only, from 1 January 2025".</summary>
    public string Describe()
    {
        if (IsEmpty) return "Every event";
        var parts = new List<string>();
        if (SignificantOnly) parts.Add("Significant events only");
        if (Kind is not null) parts.Add($"\"{Kind}\" only");
        if (From is { } from) parts.Add($"from {from:d MMMM yyyy}");
        if (To is { } to) parts.Add($"to {to:d MMMM yyyy}");
        var text = string.Join(", ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
