using Safeguard.Core.Calendar;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.Calendar;

public class BankHolidaysTests
{
    private readonly BankHolidays _holidays = new();

    [Fact]
    public void Csv_covers_2000_to_2030()
    {
        Assert.Equal(D("2000-01-03"), _holidays.All[0].Date);
        Assert.Equal(D("2030-12-26"), _holidays.All[^1].Date);
        Assert.Equal(2030, _holidays.LastYear);
    }

    [Fact]
    public void Every_year_has_eight_holidays_except_the_one_off_years()
    {
        var oneOffYears = new Dictionary<int, int>
        {
            [2002] = 9,  // Golden Jubilee; spring bank holiday moved, not added
            [2011] = 9,  // Royal Wedding
            [2012] = 9,  // Diamond Jubilee; spring bank holiday moved
            [2022] = 10, // Platinum Jubilee and the State Funeral
            [2023] = 9,  // Coronation
        };

        for (var year = 2000; year <= 2030; year++)
        {
            var count = _holidays.All.Count(day => day.Date.Year == year);
            Assert.True(count == oneOffYears.GetValueOrDefault(year, 8), $"{year} has {count} holidays");
        }
    }

    [Fact]
    public void Only_weekdays_are_listed()
    {
        Assert.All(_holidays.All, day =>
            Assert.True(day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), day.ToString()));
    }

    [Theory]
    [InlineData("2000-01-03", "New Year's Day (substitute day)")]
    [InlineData("2002-06-03", "Golden Jubilee of Queen Elizabeth II")]
    [InlineData("2002-06-04", "Spring bank holiday")]
    [InlineData("2011-04-29", "Wedding of Prince William and Catherine Middleton")]
    [InlineData("2012-06-04", "Spring bank holiday")]
    [InlineData("2012-06-05", "Diamond Jubilee of Queen Elizabeth II")]
    [InlineData("2020-05-08", "Early May bank holiday (VE Day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee of Queen Elizabeth II")]
    [InlineData("2022-09-19", "State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Coronation of King Charles III")]
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday")]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")]
    [InlineData("2027-12-27", "Christmas Day (substitute day)")]
    [InlineData("2027-12-28", "Boxing Day (substitute day)")]
    [InlineData("2030-04-19", "Good Friday")]
    public void Known_holidays_are_listed(string date, string name)
    {
        Assert.Equal(name, _holidays.NameOf(D(date)));
    }

    [Theory]
    [InlineData("1999-12-31")] // Millennium holiday, before the range
    [InlineData("2002-05-27")] // moved to 4 June
    [InlineData("2012-05-28")] // moved to 4 June
    [InlineData("2020-05-04")] // moved to VE Day
    [InlineData("2022-05-30")] // moved to 2 June
    [InlineData("2026-12-26")] // a Saturday; the substitute is listed instead
    public void Moved_and_weekend_days_are_not_listed(string date)
    {
        Assert.False(_holidays.IsHoliday(D(date)));
        Assert.Null(_holidays.NameOf(D(date)));
    }

    [Fact]
    public void Council_days_are_added_and_can_rename_a_listed_day()
    {
        var holidays = new BankHolidays(
        [
            (D("2026-12-29"), "Council closure"),
            (D("2026-12-25"), "Christmas Day (council)"),
            (D("2031-01-02"), "Council closure"),
        ]);

        Assert.Equal("Council closure", holidays.NameOf(D("2026-12-29")));
        Assert.Equal("Christmas Day (council)", holidays.NameOf(D("2026-12-25")));
        Assert.True(holidays.IsHoliday(D("2026-12-28")));
        Assert.Equal(2030, holidays.LastYear);
        Assert.Equal(_holidays.All.Count + 2, holidays.All.Count);
    }
}
