using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.Calendar;

public class UkTimeTests
{
    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static WorkingDayCalendar CalendarAt(DateTimeOffset now) => new(new BankHolidays(), new FakeTimeProvider(now));

    [Fact]
    public void Today_is_the_UK_date_not_the_UTC_date()
    {
        Assert.Equal(D("2026-07-02"), CalendarAt(Utc(2026, 7, 1, 23, 30)).Today); // BST: 00:30 on the 2nd
        Assert.Equal(D("2026-01-01"), CalendarAt(Utc(2026, 1, 1, 23, 30)).Today); // GMT: still the 1st
    }

    [Fact]
    public void Now_is_the_time_provider_instant_in_UTC()
    {
        var now = Utc(2026, 7, 1, 23, 30);
        Assert.Equal(now, CalendarAt(now).Now);
        Assert.Equal(TimeSpan.Zero, CalendarAt(now).Now.Offset);
    }

    [Theory]
    [InlineData(2026, 1, 15, 12, 0, 12, 0)]  // GMT
    [InlineData(2026, 7, 15, 12, 0, 13, 0)]  // BST
    [InlineData(2026, 3, 29, 0, 59, 0, 59)]  // just before the clocks go forward (01:00 UTC)
    [InlineData(2026, 3, 29, 1, 0, 2, 0)]    // the moment they do
    [InlineData(2026, 10, 25, 0, 30, 1, 30)] // first 01:30 (BST)
    [InlineData(2026, 10, 25, 1, 30, 1, 30)] // second 01:30 (GMT)
    public void ToUkTime(int year, int month, int day, int utcHour, int utcMinute, int ukHour, int ukMinute)
    {
        Assert.Equal(
            Local(year, month, day, ukHour, ukMinute),
            WorkingDayCalendar.ToUkTime(Utc(year, month, day, utcHour, utcMinute)));
    }

    [Theory]
    [InlineData(2026, 1, 15, 12, 0, 12, 0)]
    [InlineData(2026, 7, 15, 12, 0, 11, 0)]
    [InlineData(2026, 10, 25, 1, 30, 0, 30)] // ambiguous: the earlier (BST) instant
    [InlineData(2026, 10, 25, 1, 0, 0, 0)]
    [InlineData(2026, 10, 25, 2, 0, 2, 0)]   // after the repeated hour: GMT
    [InlineData(2026, 3, 29, 1, 30, 1, 0)]   // never happens: moved on to 02:00 BST = 01:00 UTC
    [InlineData(2026, 3, 29, 1, 0, 1, 0)]
    [InlineData(2026, 3, 29, 2, 0, 1, 0)]
    [InlineData(2026, 3, 29, 0, 30, 0, 30)]
    public void FromUkLocal(int year, int month, int day, int ukHour, int ukMinute, int utcHour, int utcMinute)
    {
        var instant = WorkingDayCalendar.FromUkLocal(Local(year, month, day, ukHour, ukMinute));

        Assert.Equal(Utc(year, month, day, utcHour, utcMinute), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void FromUkLocal_ignores_the_DateTime_kind()
    {
        var expected = Utc(2026, 7, 15, 11, 0);
        Assert.Equal(expected, WorkingDayCalendar.FromUkLocal(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(expected, WorkingDayCalendar.FromUkLocal(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Local)));
    }

    // Elapsed clocks count real hours, so across a clock change the UK wall-clock
    // deadline is an hour earlier (October) or later (March) than the start time.
    [Theory]
    [InlineData("2026-10-24 22:00", 24, "2026-10-25 21:00")] // red contact over the October change
    [InlineData("2026-10-25 00:30", 4, "2026-10-25 03:30")]
    [InlineData("2026-10-25 01:30", 4, "2026-10-25 04:30")]  // the first (BST) 01:30
    [InlineData("2026-03-28 22:00", 24, "2026-03-29 23:00")] // over the March change
    [InlineData("2026-03-29 00:30", 4, "2026-03-29 05:30")]
    [InlineData("2026-07-10 16:00", 72, "2026-07-13 16:00")] // nights and weekends count
    public void AddElapsedHours_shown_in_UK_time(string ukStart, double hours, string ukExpected)
    {
        var calendar = CalendarAt(Utc(2026, 1, 1, 0, 0));
        var start = WorkingDayCalendar.FromUkLocal(ParseLocal(ukStart));

        var deadline = calendar.AddElapsedHours(start, hours);

        Assert.Equal(ParseLocal(ukExpected), WorkingDayCalendar.ToUkTime(deadline));
        Assert.Equal(TimeSpan.FromHours(hours), deadline - start);
    }

    [Fact]
    public void AddElapsedHours_returns_UTC_whatever_the_start_offset()
    {
        var calendar = CalendarAt(Utc(2026, 1, 1, 0, 0));
        var start = new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(1));

        var deadline = calendar.AddElapsedHours(start, 4);

        Assert.Equal(Utc(2026, 7, 1, 12, 0), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.Offset);
    }

    private static DateTime ParseLocal(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
