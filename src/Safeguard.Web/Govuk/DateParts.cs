using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Safeguard.Web.Govuk;

/// <summary>
/// The three boxes of a GOV.UK date input, kept as typed so a bad date can be shown back to the user.
/// Bind it with <c>&lt;govuk-date-input asp-for="Input.DateOfBirth" /&gt;</c>, check it with
/// <see cref="Validate"/>, and record a problem with <see cref="DateErrorExtensions.AddDateError"/>.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture) }
        : new DateParts();

    public bool IsEmpty => Blank(Day) && Blank(Month) && Blank(Year);

    /// <summary>The date, or null when the parts do not make a real date.</summary>
    public DateOnly? ToDate()
    {
        if (!int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || Year?.Trim() is not { Length: 4 } yearText
            || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// The first problem in the order the GOV.UK date input guidance gives: nothing entered,
    /// a part missing, then a part that cannot be right. <paramref name="label"/> starts the
    /// sentence, for example "Date of birth".
    /// </summary>
    public DateError? Validate(string label, bool required = true)
    {
        if (IsEmpty)
        {
            return required ? new DateError($"Enter {LowerFirst(label)}", DateFields.All) : null;
        }

        var missing = (Blank(Day) ? DateFields.Day : 0) | (Blank(Month) ? DateFields.Month : 0) | (Blank(Year) ? DateFields.Year : 0);
        if (missing != DateFields.None)
        {
            return new DateError($"{label} must include a {Names(missing)}", missing);
        }

        var yearText = Year!.Trim();
        var wrong = (InRange(Day, 1, 31) ? 0 : DateFields.Day)
            | (InRange(Month, 1, 12) ? 0 : DateFields.Month)
            | (InRange(Year, 1, 9999) ? 0 : DateFields.Year);
        if (wrong == DateFields.None && yearText.Length != 4)
        {
            return new DateError("Year must include 4 numbers", DateFields.Year);
        }
        if (wrong != DateFields.None)
        {
            // One bad box is highlighted on its own; more than one means the date as a whole.
            var fields = wrong is DateFields.Day or DateFields.Month or DateFields.Year ? wrong : DateFields.All;
            return new DateError($"{label} must be a real date", fields);
        }
        // Each part is plausible but together they are not, such as 31 February.
        return ToDate() is null ? new DateError($"{label} must be a real date", DateFields.Day) : null;
    }

    /// <summary><see cref="Validate"/>, then the date must not be after today (or, if <paramref name="allowToday"/> is false, must be before it).</summary>
    public DateError? ValidatePast(string label, DateOnly today, bool allowToday = true, bool required = true)
    {
        var error = Validate(label, required);
        if (error is not null || ToDate() is not { } date)
        {
            return error;
        }
        if (date > today || (!allowToday && date == today))
        {
            return new DateError(allowToday ? $"{label} must be today or in the past" : $"{label} must be in the past", DateFields.All);
        }
        return null;
    }

    /// <summary><see cref="Validate"/>, then the date must not be before today (or, if <paramref name="allowToday"/> is false, must be after it).</summary>
    public DateError? ValidateFuture(string label, DateOnly today, bool allowToday = true, bool required = true)
    {
        var error = Validate(label, required);
        if (error is not null || ToDate() is not { } date)
        {
            return error;
        }
        if (date < today || (!allowToday && date == today))
        {
            return new DateError(allowToday ? $"{label} must be today or in the future" : $"{label} must be in the future", DateFields.All);
        }
        return null;
    }

    private static bool Blank(string? part) => string.IsNullOrWhiteSpace(part);

    private static bool InRange(string? part, int min, int max) =>
        int.TryParse(part?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max;

    private static string Names(DateFields fields) => fields switch
    {
        DateFields.Day => "day",
        DateFields.Month => "month",
        DateFields.Year => "year",
        DateFields.Day | DateFields.Month => "day and month",
        DateFields.Day | DateFields.Year => "day and year",
        _ => "month and year",
    };

    // "Date of birth" becomes "date of birth", but "NHS number" stays as it is.
    private static string LowerFirst(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1])
            ? char.ToLowerInvariant(label[0]) + label[1..]
            : label;
}

/// <summary>Which boxes of a date input are in error, so only those are highlighted.</summary>
[Flags]
public enum DateFields
{
    None = 0,
    Day = 1,
    Month = 2,
    Year = 4,
    All = Day | Month | Year,
}

public sealed record DateError(string Message, DateFields Fields);

public static class DateErrorExtensions
{
    /// <summary>
    /// Records a date error where the date input and error summary look for it: under the date's own key
    /// when the whole date is wrong, otherwise under each part in error (for example "DateOfBirth.Month").
    /// The error summary shows a repeated message once.
    /// </summary>
    public static void AddDateError(this ModelStateDictionary modelState, string key, DateError error)
    {
        if (error.Fields is DateFields.All or DateFields.None)
        {
            modelState.AddModelError(key, error.Message);
            return;
        }
        foreach (var part in DateInputParts.All.Where(p => error.Fields.HasFlag(p.Field)))
        {
            modelState.AddModelError($"{key}.{part.Property}", error.Message);
        }
    }
}

/// <summary>The three parts in page order, with their names in the model and in GOV.UK markup.</summary>
internal sealed record DateInputParts(DateFields Field, string Property, string Name, int Width)
{
    public static readonly DateInputParts[] All =
    [
        new(DateFields.Day, nameof(DateParts.Day), "day", 2),
        new(DateFields.Month, nameof(DateParts.Month), "month", 2),
        new(DateFields.Year, nameof(DateParts.Year), "year", 4),
    ];

    public string? ValueOf(DateParts? parts) => Field switch
    {
        DateFields.Day => parts?.Day,
        DateFields.Month => parts?.Month,
        _ => parts?.Year,
    };
}
