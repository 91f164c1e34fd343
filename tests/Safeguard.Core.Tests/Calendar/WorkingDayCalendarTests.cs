using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _calendar = new(new BankHolidays(), new FakeTimeProvider());

    [Theory]
    [InlineData("2026-01-09", true)]  // Friday
    [InlineData("2026-01-10", false)] // Saturday
    [InlineData("2026-01-11", false)] // Sunday
    [InlineData("2025-04-18", false)] // Good Friday
    [InlineData("2025-04-21", false)] // Easter Monday
    [InlineData("2020-05-04", true)]  // early May bank holiday moved to VE Day...
    [InlineData("2020-05-08", false)] // ...on the Friday
    [InlineData("2022-05-30", true)]  // spring bank holiday moved for the Platinum Jubilee
    [InlineData("2022-06-02", false)]
    [InlineData("2022-06-03", false)]
    [InlineData("2026-12-28", false)] // Boxing Day substitute
    public void IsWorkingDay(string date, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2026-01-09", 1, "2026-01-12")]  // Friday + 1 = Monday
    [InlineData("2026-05-01", 1, "2026-05-05")]  // Friday before a bank holiday Monday
    [InlineData("2026-12-24", 1, "2026-12-29")]  // Christmas Fri, Boxing Day Sat so Mon 28 is the substitute
    [InlineData("2026-12-31", 1, "2027-01-04")]  // New Year's Day 2027 is a Friday
    [InlineData("2025-04-17", 1, "2025-04-22")]  // over Easter 2025
    [InlineData("2025-04-18", 1, "2025-04-22")]  // start on Good Friday
    [InlineData("2025-04-21", 1, "2025-04-22")]  // start on Easter Monday
    [InlineData("2025-04-21", 0, "2025-04-21")]  // day 0 is the start, even on a holiday
    [InlineData("2026-01-10", 1, "2026-01-12")]  // start on a Saturday
    [InlineData("2026-01-10", 0, "2026-01-10")]
    [InlineData("2022-06-01", 1, "2022-06-06")]  // Platinum Jubilee week
    [InlineData("2022-05-27", 5, "2022-06-07")]
    [InlineData("2020-05-07", 1, "2020-05-11")]  // VE Day 2020
    [InlineData("2020-05-01", 1, "2020-05-04")]
    [InlineData("2026-12-18", 15, "2027-01-13")] // 15 working days over Christmas
    [InlineData("2025-12-01", 45, "2026-02-05")] // 45-working-day assessment over Christmas
    [InlineData("2025-12-19", 45, "2026-02-25")]
    [InlineData("2026-11-20", 45, "2027-01-27")]
    public void AddWorkingDays(string start, int n, string expected)
    {
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D(start), n));
    }

    [Theory]
    [InlineData("2026-01-12", -1, "2026-01-09")] // Monday - 1 = Friday
    [InlineData("2026-01-10", -1, "2026-01-09")] // Saturday - 1 = the Friday just before
    [InlineData("2026-12-29", -1, "2026-12-24")]
    public void AddWorkingDays_backwards(string start, int n, string expected)
    {
        Assert.Equal(D(expected), _calendar.AddWorkingDays(D(start), n));
    }

    [Theory]
    [InlineData("2026-01-09", "2026-01-09", 0)]
    [InlineData("2026-01-09", "2026-01-12", 1)]
    [InlineData("2026-01-10", "2026-01-11", 0)]  // Saturday to Sunday
    [InlineData("2026-01-10", "2026-01-12", 1)]  // Saturday to Monday: the start never counts
    [InlineData("2026-01-09", "2026-01-11", 0)]  // Friday to Sunday
    [InlineData("2026-12-24", "2026-12-29", 1)]
    [InlineData("2025-12-01", "2026-02-05", 45)]
    [InlineData("2026-01-12", "2026-01-09", -1)] // end before start
    [InlineData("2026-01-12", "2026-01-10", -1)] // Monday back to Saturday = -(Saturday to Monday)
    public void WorkingDaysBetween(string start, string end, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysBetween(D(start), D(end)));
    }

    [Fact]
    public void WorkingDaysBetween_undoes_AddWorkingDays_from_a_working_day()
    {
        var random = new Random(20260101);
        for (var i = 0; i < 500; i++)
        {
            var start = D("2000-01-01").AddDays(random.Next(0, 30 * 365));
            if (!_calendar.IsWorkingDay(start))
            {
                continue;
            }

            var n = random.Next(-100, 101);
            Assert.Equal(n, _calendar.WorkingDaysBetween(start, _calendar.AddWorkingDays(start, n)));
        }
    }

    [Fact]
    public void WorkingDaysBetween_undoes_AddWorkingDays_forwards_from_any_day()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var start = D("2000-01-01").AddDays(random.Next(0, 30 * 365));
            var n = random.Next(0, 101);
            Assert.Equal(n, _calendar.WorkingDaysBetween(start, _calendar.AddWorkingDays(start, n)));
        }
    }
}
