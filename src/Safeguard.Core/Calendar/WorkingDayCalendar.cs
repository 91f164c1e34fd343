namespace Safeguard.Core.Calendar;

/// <summary>
/// Working-day and UK-time arithmetic for statutory timescales.
/// A working day is Monday to Friday and not a bank (or council) holiday.
/// <para>
/// Counting rule: the start event is day 0, and "within N working days" means the end
/// event falls on or before the Nth working day after the start. A start on a weekend
/// or holiday is still day 0; the 1st working day is the first working day after it.
/// </para>
/// <para>
/// Dates and instants are kept separately: dates (DateOnly) are UK calendar dates;
/// instants (DateTimeOffset) are stored in UTC and only turned into UK time for display.
/// </para>
/// </summary>
public sealed class WorkingDayCalendar(BankHolidays holidays, TimeProvider time)
{
    /// <summary>The day numbered 0 in <see cref="CalendarDay.WorkingDayNumber"/> (a Saturday).</summary>
    public static DateOnly NumberingOrigin { get; } = new(2000, 1, 1);

    // "Europe/London" is the IANA name; .NET finds it on Linux and, via ICU, on Windows.
    private static readonly TimeZoneInfo UkZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The current instant, in UTC.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's date in the UK, whatever time zone the server runs in.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ToUkTime(Now));

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.IsHoliday(date);

    /// <summary>
    /// The Nth working day after <paramref name="start"/>; n = 0 returns start itself.
    /// A negative n walks back: the |n|th working day before start (so -1 from a Monday is
    /// the Friday before, and -1 from a Saturday is the Friday just before it).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var step = n < 0 ? -1 : 1;
        var remaining = Math.Abs(n);
        var date = start;
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// How many working days fall after <paramref name="start"/>, up to and including
    /// <paramref name="end"/>. The start day itself never counts, working or not: from a
    /// Saturday to the following Monday is 1. When end is before start the answer is the
    /// same count taken the other way round, made negative, so
    /// WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a).
    /// For a working day d, WorkingDaysBetween(d, AddWorkingDays(d, n)) == n.
    /// </summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return -WorkingDaysBetween(end, start);
        }

        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The date's <see cref="CalendarDay.WorkingDayNumber"/>.</summary>
    public int WorkingDayNumber(DateOnly date) => WorkingDaysBetween(NumberingOrigin, date);

    /// <summary>One <see cref="CalendarDay"/> per date from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public IEnumerable<CalendarDay> BuildDays(DateOnly from, DateOnly to)
    {
        // Number the first day from the origin, then carry the count forward day by day.
        var number = WorkingDayNumber(from);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var isWorkingDay = IsWorkingDay(date);
            if (isWorkingDay && date != from)
            {
                number++;
            }

            yield return new CalendarDay
            {
                Date = date,
                IsWorkingDay = isWorkingDay,
                WorkingDayNumber = number,
                HolidayName = holidays.NameOf(date),
            };
        }
    }

    /// <summary>
    /// An elapsed-hours deadline (e.g. 24 hours from a contact): plain clock time, nights,
    /// weekends and holidays included. Worked in UTC, so a clock change does not add or
    /// lose an hour; the result is in UTC.
    /// </summary>
    public DateTimeOffset AddElapsedHours(DateTimeOffset start, double hours) =>
        start.ToUniversalTime().AddHours(hours);

    /// <summary>The UK wall-clock time (GMT or BST) of an instant, for display.</summary>
    public static DateTime ToUkTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkZone).DateTime;

    /// <summary>
    /// The instant (in UTC) of a UK wall-clock time, e.g. one typed into a form.
    /// The DateTime's Kind is ignored. At the clock changes:
    /// <list type="bullet">
    /// <item>October, clocks go back: 01:00–01:59 on that Sunday happens twice; the earlier
    /// (BST) one is taken, so 01:30 means 00:30 UTC.</item>
    /// <item>March, clocks go forward: 01:00–01:59 on that Sunday never happens; such a time
    /// is moved on to 02:00 BST, the moment the clocks change (01:00 UTC).</item>
    /// </list>
    /// </summary>
    public static DateTimeOffset FromUkLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        if (UkZone.IsInvalidTime(local))
        {
            // The skipped hour always ends on the hour (02:00 BST in the UK).
            local = local.Date.AddHours(local.Hour + 1);
        }

        var offset = UkZone.IsAmbiguousTime(local)
            ? UkZone.GetAmbiguousTimeOffsets(local).Max() // the larger offset is the earlier instant
            : UkZone.GetUtcOffset(local);

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
