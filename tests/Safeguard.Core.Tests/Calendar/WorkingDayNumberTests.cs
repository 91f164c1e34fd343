using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.Calendar;

public class WorkingDayNumberTests
{
    private readonly WorkingDayCalendar _calendar = new(new BankHolidays(), new FakeTimeProvider());

    [Fact]
    public void Numbering_starts_at_zero_on_the_origin()
    {
        var days = _calendar.BuildDays(D("2000-01-01"), D("2000-01-05")).ToList();

        // Sat 1, Sun 2, Mon 3 (New Year substitute) carry 0; Tue 4 is the first working day.
        Assert.Equal([0, 0, 0, 1, 2], days.Select(day => day.WorkingDayNumber));
        Assert.Equal([false, false, false, true, true], days.Select(day => day.IsWorkingDay));
        Assert.Equal("New Year's Day (substitute day)", days[2].HolidayName);
        Assert.Null(days[0].HolidayName);
    }

    [Fact]
    public void A_non_working_day_carries_the_number_of_the_last_working_day_before_it()
    {
        var days = _calendar.BuildDays(D("2026-12-23"), D("2026-12-30")).ToList();

        var wednesday = days[0].WorkingDayNumber;
        // Wed 23, Thu 24, Fri 25 (Christmas), Sat, Sun, Mon 28 (substitute), Tue 29, Wed 30
        Assert.Equal(
            [wednesday, wednesday + 1, wednesday + 1, wednesday + 1, wednesday + 1, wednesday + 1, wednesday + 2, wednesday + 3],
            days.Select(day => day.WorkingDayNumber));
    }

    [Fact]
    public void BuildDays_agrees_with_WorkingDayNumber_whatever_the_first_day()
    {
        var wholeRange = _calendar.BuildDays(D("1999-12-01"), D("2030-12-31")).ToList();
        var fromMidRange = _calendar.BuildDays(D("2026-12-26"), D("2027-01-10")).ToList();

        Assert.All(fromMidRange, day =>
            Assert.Equal(wholeRange.Single(other => other.Date == day.Date).WorkingDayNumber, day.WorkingDayNumber));
        Assert.All(wholeRange.Where((_, index) => index % 97 == 0), day =>
            Assert.Equal(_calendar.WorkingDayNumber(day.Date), day.WorkingDayNumber));
    }

    // The property the database relies on: number(b) - number(a) == WorkingDaysBetween(a, b)
    // for every a and b, working days or not, in either order, before or after the origin.
    [Fact]
    public void Difference_of_numbers_equals_WorkingDaysBetween()
    {
        var days = _calendar.BuildDays(D("1999-12-01"), D("2030-12-31")).ToList();
        var random = new Random(12345);

        for (var i = 0; i < 1000; i++)
        {
            var a = days[random.Next(days.Count)];
            // Half the pairs close together, where weekend and holiday edges matter most.
            var b = i % 2 == 0
                ? days[random.Next(days.Count)]
                : days[Math.Clamp(days.IndexOf(a) + random.Next(-12, 13), 0, days.Count - 1)];

            Assert.Equal(
                _calendar.WorkingDaysBetween(a.Date, b.Date),
                b.WorkingDayNumber - a.WorkingDayNumber);
        }
    }

    // The database finds a deadline as the working day numbered number(start) + n.
    [Fact]
    public void AddWorkingDays_is_the_working_day_numbered_n_after_the_start()
    {
        var days = _calendar.BuildDays(D("2000-01-01"), D("2030-12-31")).ToList();
        var workingDayByNumber = days.Where(day => day.IsWorkingDay).ToDictionary(day => day.WorkingDayNumber, day => day.Date);
        var random = new Random(777);

        for (var i = 0; i < 1000; i++)
        {
            var start = days[random.Next(days.Count - 200)];
            var n = random.Next(1, 101);

            Assert.Equal(workingDayByNumber[start.WorkingDayNumber + n], _calendar.AddWorkingDays(start.Date, n));
        }
    }
}
