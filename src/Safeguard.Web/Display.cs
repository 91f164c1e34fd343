using System.Globalization;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;
using Safeguard.Core.People.Codes;

namespace Safeguard.Web;

/// <summary>How dates, times and codes are shown: UK time, GOV.UK date style, labels instead of codes.</summary>
public static class Display
{
    private static readonly CultureInfo UK = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? d) => d?.ToString("d MMMM yyyy", UK) ?? "Not known";

    public static string DateTime(DateTime utc) =>
        WorkingDayCalendar.ToUkTime(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("d MMM yyyy, HH:mm", UK);

    /// <summary>
    /// A due moment. Working-day clocks end at midnight, which reads better as the end of the day before:
    /// "end of 24 Nov 2026" rather than "25 Nov 2026, 00:00".
    /// </summary>
    public static string Due(DateTime utc)
    {
        var uk = WorkingDayCalendar.ToUkTime(new DateTimeOffset(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return uk.TimeOfDay == TimeSpan.Zero ? "end of " + uk.AddDays(-1).ToString("ddd d MMM yyyy", UK) : uk.ToString("d MMM yyyy, HH:mm", UK);
    }

    /// <summary>What a closed case says about itself: "Kemi's case closed on 3 March 2026: RC7 Services ceased ...".</summary>
    public static string CaseClosed(string firstName, Safeguard.Core.SocialWork.CaseAccess.Closed closed) =>
        closed.On is { } on ? $"{firstName}'s case closed on {Date(on)}{(closed.Reason is null ? "" : ": " + closed.Reason)}."
            : $"{firstName}'s case is not open to a team.";

    public static string Born(Person p, DateOnly today) => BornText(p.DateOfBirth, p.ExpectedDateOfBirth, today);

    public static string BornText(DateOnly? dob, DateOnly? expected, DateOnly today)
    {
        if (dob is null) return expected is { } e ? $"Unborn (due {Date(e)})" : "Not known";
        var age = today.Year - dob.Value.Year - (dob.Value.AddYears(today.Year - dob.Value.Year) > today ? 1 : 0);
        return $"{Date(dob)} (age {age})";
    }

    public static string Sex(string code) => DfeCodes.Sex.Label(code) ?? code;
    public static string Ethnicity(string code) => DfeCodes.Ethnicity.Label(code) ?? code;
    public static string Disabilities(IEnumerable<string> codes) =>
        codes.Any() ? string.Join(", ", codes.Select(c => DfeCodes.Disability.Label(c) ?? c)) : "None recorded";

    public static DateOnly TodayInUk(TimeProvider clock) =>
        DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));
}
