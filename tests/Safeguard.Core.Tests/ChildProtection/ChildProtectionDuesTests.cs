using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.ChildProtection;

/// <summary>Child protection's due dates and flags at their edges: Fridays, bank holidays, Christmas, month ends, the two-year line.</summary>
public class ChildProtectionDuesTests
{
    private readonly ChildProtectionDues _dues = new(new ChildProtectionRules(), new WorkingDayCalendar(new BankHolidays(), new FakeTimeProvider()));

    [Theory]
    // A strategy discussion on a Friday: day 0 is the Friday; three working weeks later is the Friday three weeks on.
    [InlineData("2026-10-02", "2026-10-23")]
    // A Friday before Christmas: 25 December, the Boxing Day substitute (28th) and New Year's Day do not count.
    [InlineData("2026-12-18", "2027-01-13")]
    // Maundy Thursday: Good Friday and Easter Monday do not count.
    [InlineData("2026-04-02", "2026-04-27")]
    // On a Saturday (an out-of-hours discussion): day 0 is the Saturday.
    [InlineData("2026-11-21", "2026-12-11")]
    public void TheInitialConferenceIsDue15WorkingDaysAfterTheLastStrategyDiscussion(string discussion, string due)
    {
        Assert.Equal(D(due), _dues.InitialConference(D(discussion)));
    }

    [Fact]
    public void TheDfeCountsFromTheEnquirysStart_WhileWorkingTogetherCountsFromTheLastDiscussion()
    {
        // The enquiry starts on Monday 2 November; a second strategy discussion on Monday 9 November moves the
        // worker's due date a week on; the DfE's target stays 15 working days from the start.
        Assert.Equal(D("2026-11-23"), _dues.ConferenceTarget(D("2026-11-02")));
        Assert.Equal(D("2026-11-30"), _dues.InitialConference(D("2026-11-09")));
    }

    [Theory]
    // Three months after the initial conference, then six months after each review; the last day of a short month.
    [InlineData("2026-01-31", null, "2026-04-30")]
    [InlineData("2026-11-30", null, "2027-02-28")]
    [InlineData("2026-01-31", "2026-04-28", "2026-10-28")]
    [InlineData("2026-01-31", "2026-08-31", "2027-02-28")]
    public void ReviewsAreDueThreeMonthsAfterTheInitialConference_ThenSixMonthsAfterTheLast(string initial, string? lastReview, string due)
    {
        Assert.Equal(D(due), _dues.NextReview(D(initial), lastReview is null ? null : D(lastReview)));
    }

    [Theory]
    // The first core group within 10 working days of the initial conference (across Easter here), then every 4 weeks.
    [InlineData("2026-04-02", null, "2026-04-20")]
    [InlineData("2026-12-17", null, "2027-01-05")]
    [InlineData("2026-04-02", "2026-04-15", "2026-05-13")]
    public void CoreGroupsAreDueWithin10WorkingDays_ThenAtTheCouncilsInterval(string initial, string? lastHeld, string due)
    {
        Assert.Equal(D(due), _dues.NextCoreGroup(D(initial), lastHeld is null ? null : D(lastHeld)));
    }

    [Theory]
    // A previous plan ended 15 January 2024: a new one 23 months on is within two years; exactly two years on still is; 25 months on is not.
    [InlineData("2025-12-15", true)]
    [InlineData("2026-01-15", true)]
    [InlineData("2026-01-16", false)]
    [InlineData("2026-02-15", false)]
    public void ASecondPlanWithinTwoYearsOfTheLastEnding_IsFlagged_AndAnyRepeatIsARepeat(string start, bool withinTwoYears)
    {
        var flags = _dues.For(D(start), null, previousPlans: 1, previousEnded: D("2024-01-15"), today: D(start));
        Assert.Equal((true, withinTwoYears), (flags.Repeat, flags.WithinTwoYears));
        Assert.True(flags.Any);
    }

    [Fact]
    public void AFirstPlan_IsNotARepeat()
    {
        var flags = _dues.For(D("2026-01-10"), null, previousPlans: 0, previousEnded: null, today: D("2026-03-01"));
        Assert.False(flags.Any);
    }

    [Theory]
    // Started 10 January 2025: 18 months is 10 July 2026, two years 10 January 2027.
    [InlineData("2026-07-09", null, false, false)]
    [InlineData("2026-07-10", null, true, false)]
    [InlineData("2027-01-09", null, true, false)]
    [InlineData("2027-01-10", null, true, true)]
    // An ended plan is judged on how long it lasted, not on today.
    [InlineData("2028-01-01", "2026-06-30", false, false)]
    public void APlanRunning18MonthsOrTwoYears_IsFlagged(string today, string? ended, bool longRunning, bool overTwoYears)
    {
        var flags = _dues.For(D("2025-01-10"), ended is null ? null : D(ended), 0, null, D(today));
        Assert.Equal((longRunning, overTwoYears), (flags.LongRunning, flags.OverTwoYears));
    }

    [Fact]
    public void TheCouncilCanSetItsOwnCoreGroupInterval_AndAnHourTimescaleIsRefusedByName()
    {
        var rules = ChildProtectionRules.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChildProtection:CoreGroup"] = "6 weeks",
        }).Build());
        Assert.Equal(new Timescale(6, TimescaleUnit.Weeks), rules.CoreGroup);
        Assert.Equal(new Timescale(15, TimescaleUnit.WorkingDays), rules.InitialConference);

        var bad = Assert.Throws<InvalidOperationException>(() => ChildProtectionRules.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChildProtection:FirstCoreGroup"] = "72 hours" }).Build()));
        Assert.StartsWith("ChildProtection:FirstCoreGroup:", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCouncilSetsItsOwnSubCategories_ACategoryNotSetKeepsTheDefaults_AndAnUnknownCategoryIsRefusedByName()
    {
        var rules = ChildProtectionRules.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChildProtection:SubCategories:NEG:0"] = "Hoarding",
            ["ChildProtection:SubCategories:NEG:1"] = " Missed health appointments ",
        }).Build());
        Assert.Equal(["Hoarding", "Missed health appointments"], rules.SubCategories["NEG"]);
        Assert.Equal(AbuseCategories.DefaultSubCategories["EMO"], rules.SubCategories["EMO"]);
        Assert.True(rules.IsValidSubCategory("NEG", "Hoarding"));
        Assert.False(rules.IsValidSubCategory("NEG", "Home conditions"));   // a default the council replaced
        Assert.True(rules.IsValidSubCategory("PHY", null));

        var bad = Assert.Throws<InvalidOperationException>(() => ChildProtectionRules.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ChildProtection:SubCategories:NEGLECT:0"] = "Hoarding" }).Build()));
        Assert.StartsWith("ChildProtection:SubCategories:NEGLECT:", bad.Message, StringComparison.Ordinal);
    }
}
