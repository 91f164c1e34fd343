using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.ChildProtection;

/// <summary>
/// The start date before which a plan is running long today: the overview and My work read only plans started on or
/// before it, so it must be exactly the line the flag draws, not a day either side.
/// </summary>
public class FlaggedPlansTests
{
    private static readonly WorkingDayCalendar Calendar = new(new BankHolidays(), new FakeTimeProvider());
    private static readonly ChildProtectionDues Dues = new(new ChildProtectionRules(), Calendar);

    [Theory]
    [InlineData("2026-11-23", "2025-05-23")]
    // From 31 August, 18 months on is 28 February: on the last day of February every start from 29 to 31 August has run 18 months.
    [InlineData("2027-02-28", "2025-08-31")]
    [InlineData("2027-02-27", "2025-08-27")]
    public void APlanStartedOnOrBeforeTheLine_HasRun18Months_AndOneStartedTheDayAfterHasNot(string today, string line)
    {
        var latest = FlaggedPlans.LatestStartFlagged(new ChildProtectionRules().LongPlanWarning, D(today), Calendar);

        Assert.Equal(D(line), latest);
        Assert.True(Dues.For(latest, null, 0, null, D(today)).LongRunning);
        Assert.False(Dues.For(latest.AddDays(1), null, 0, null, D(today)).LongRunning);
    }

    [Fact]
    public void ALengthInWorkingDays_DrawsTheLineThroughTheCalendar()
    {
        // 10 working days back from Monday 4 January 2027 crosses Christmas, Boxing Day's substitute and New Year's Day.
        var latest = FlaggedPlans.LatestStartFlagged(new Timescale(10, TimescaleUnit.WorkingDays), D("2027-01-04"), Calendar);

        Assert.Equal(D("2027-01-04"), Calendar.AddWorkingDays(latest, 10));
        Assert.True(Calendar.AddWorkingDays(latest.AddDays(1), 10) > D("2027-01-04"));
    }
}
