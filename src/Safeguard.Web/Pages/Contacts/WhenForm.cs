using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.Calendar;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>
/// A moment as a worker types it: a GOV.UK date input and a time box, in UK time (GMT or BST, whichever was in force).
/// GOV.UK has no time component, so the time is one text box that accepts 14:30, 9.05 or 2:30pm.
/// </summary>
public sealed partial class WhenForm
{
    public DateParts Date { get; set; } = new();
    public string? Time { get; set; }

    public bool IsEmpty => Date.IsEmpty && string.IsNullOrWhiteSpace(Time);

    /// <summary>The form filled in with a moment, to the minute (for "now" as a default).</summary>
    public static WhenForm Of(DateTimeOffset instant)
    {
        var uk = WorkingDayCalendar.ToUkTime(instant);
        return new WhenForm { Date = DateParts.From(DateOnly.FromDateTime(uk)), Time = uk.ToString("HH:mm", CultureInfo.InvariantCulture) };
    }

    /// <summary>
    /// The moment in UTC, or null: either nothing was entered (and <paramref name="required"/> is false), or an error
    /// was added under <paramref name="key"/>.Date or .Time. The labels name the parts in messages, for example
    /// "The date it was received" and "the time it was received".
    /// </summary>
    public DateTime? ToUtc(ModelStateDictionary modelState, string key, string dateLabel, string timeLabel, bool required = true)
    {
        if (!required && IsEmpty) return null;
        var dateError = Date.Validate(dateLabel);
        if (dateError is not null) modelState.AddDateError(key + ".Date", dateError);
        var time = ParseTime(Time);
        if (time is null)
            modelState.AddModelError(key + ".Time", string.IsNullOrWhiteSpace(Time)
                ? $"Enter {timeLabel}, for example 14:30" : $"Enter {timeLabel} as a real time, for example 09:15 or 14:30");
        if (dateError is not null || time is null) return null;
        var local = Date.ToDate()!.Value.ToDateTime(time.Value);
        return WorkingDayCalendar.FromUkLocal(local).UtcDateTime;
    }

    [GeneratedRegex(@"^(\d{1,2})[:.]?(\d{2})\s*(am|pm)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    internal static TimeOnly? ParseTime(string? text)
    {
        var match = TimePattern().Match((text ?? "").Trim());
        if (!match.Success) return null;
        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (match.Groups[3].Success)
        {
            // 12-hour clock: 12am is midnight, 12pm is noon.
            if (hour is < 1 or > 12) return null;
            var pm = match.Groups[3].Value.Equals("pm", StringComparison.OrdinalIgnoreCase);
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }
}
