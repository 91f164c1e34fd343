using System.ComponentModel.DataAnnotations;

namespace Safeguard.Core.Calendar;

/// <summary>
/// One row of the calendar table, so the database can do working-day arithmetic.
/// Built by <see cref="WorkingDayCalendar.BuildDays"/>.
/// <para>
/// WorkingDayNumber counts working days from <see cref="WorkingDayCalendar.NumberingOrigin"/>
/// (numbered 0). A non-working day carries the number of the last working day before it.
/// So for any dates a and b, number(b) - number(a) equals
/// <see cref="WorkingDayCalendar.WorkingDaysBetween"/>(a, b), and for n of 1 or more the
/// working day numbered number(a) + n is <see cref="WorkingDayCalendar.AddWorkingDays"/>(a, n).
/// </para>
/// <para>
/// Adding a council holiday changes the numbers of every later day, so rebuild the
/// rows from that date onwards whenever the holiday list changes.
/// </para>
/// </summary>
public class CalendarDay
{
    [Key]
    public DateOnly Date { get; set; }

    public bool IsWorkingDay { get; set; }

    public int WorkingDayNumber { get; set; }

    /// <summary>The bank or council holiday's name; null on ordinary days and weekends.</summary>
    public string? HolidayName { get; set; }
}
