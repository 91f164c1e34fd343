using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>Every front-door timescale at its edges: bank holidays, late Fridays, and the clock changes.</summary>
public class FrontDoorTimescaleTests
{
    private readonly WorkingDayCalendar _calendar = new(new BankHolidays(), new FakeTimeProvider());
    private readonly FrontDoorRules _rules = new();

    /// <summary>A UK wall-clock time ("2026-05-01 16:55") as the UTC instant the services store.</summary>
    private static DateTime Uk(string local) =>
        WorkingDayCalendar.FromUkLocal(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)).UtcDateTime;

    private static string UkText(DateTime utc) =>
        WorkingDayCalendar.ToUkTime(new DateTimeOffset(utc, TimeSpan.Zero)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // 16:55 on the Friday before the early May bank holiday: Monday is not a working day, so the end of Tuesday.
    [InlineData("2026-05-01 16:55", "2026-05-06 00:00")]
    // Late that Friday evening is still Friday (day 0).
    [InlineData("2026-05-01 23:59", "2026-05-06 00:00")]
    // Just after midnight it is Saturday: day 0 is Saturday, the first working day after it is still Tuesday.
    [InlineData("2026-05-02 00:01", "2026-05-06 00:00")]
    // An ordinary Wednesday: the end of Thursday.
    [InlineData("2026-11-18 09:00", "2026-11-20 00:00")]
    // Christmas Eve 2026 is a Thursday; Christmas Day, then the weekend, then the Boxing Day substitute on Monday 28th.
    [InlineData("2026-12-24 16:55", "2026-12-30 00:00")]
    public void ScreeningIsDueByTheEndOfTheNextWorkingDay(string received, string due)
    {
        Assert.Equal(due, UkText(_rules.ScreeningDue(Uk(received), _calendar)));
    }

    [Fact]
    public void RedImminentDangerRunsFourElapsedHoursAcrossTheOctoberClockChange()
    {
        // 00:30 BST on the Sunday the clocks go back: four real hours later the wall clock says 03:30 GMT, not 04:30.
        var received = Uk("2026-10-25 00:30");
        var due = _rules.MashDue(received, Rag.RedImminentDanger, null, _calendar);
        Assert.Equal(TimeSpan.FromHours(4), due - received);
        Assert.Equal("2026-10-25 03:30", UkText(due));
    }

    [Fact]
    public void RedRunsTwentyFourElapsedHoursAcrossBothClockChanges()
    {
        var october = Uk("2026-10-24 12:00");
        Assert.Equal("2026-10-25 11:00", UkText(_rules.MashDue(october, Rag.Red, null, _calendar)));
        var march = Uk("2026-03-28 12:00");
        Assert.Equal("2026-03-29 13:00", UkText(_rules.MashDue(march, Rag.Red, null, _calendar)));
    }

    [Fact]
    public void RedRunsThroughNightsWeekendsAndBankHolidays()
    {
        Assert.Equal("2026-05-02 16:55", UkText(_rules.MashDue(Uk("2026-05-01 16:55"), Rag.Red, null, _calendar)));
    }

    [Theory]
    [InlineData(Rag.Amber)]
    [InlineData(Rag.Green)]
    [InlineData(Rag.Blue)]
    public void AmberGreenAndBlueArePassedOnWithinThreeWorkingDays(Rag rating)
    {
        // Friday before a bank holiday: Tuesday (1), Wednesday (2), Thursday (3).
        Assert.Equal("2026-05-08 00:00", UkText(_rules.MashDue(Uk("2026-05-01 16:55"), rating, null, _calendar)));
    }

    [Fact]
    public void AnUnratedCaseRunsOnThePoliceRatingOrElseAsRed()
    {
        var received = Uk("2026-11-23 10:00");
        Assert.Equal("2026-11-23 14:00", UkText(_rules.MashDue(received, null, Rag.RedImminentDanger, _calendar)));
        Assert.Equal("2026-11-24 10:00", UkText(_rules.MashDue(received, null, null, _calendar)));
        // The MASH's own rating wins over the police's.
        Assert.Equal("2026-11-27 00:00", UkText(_rules.MashDue(received, Rag.Amber, Rag.Red, _calendar)));
    }

    [Theory]
    [InlineData(Rag.RedImminentDanger, "2026-11-20 17:55")]
    [InlineData(Rag.Red, "2026-11-21 04:55")]
    [InlineData(Rag.Amber, "2026-11-24 00:00")] // Friday afternoon: by the end of Monday
    [InlineData(Rag.Green, "2026-11-25 00:00")]
    public void PartnerAnswersAreDueByTheTimeTheRatingSets(Rag rating, string due)
    {
        Assert.Equal(due, UkText(_rules.AnswerDue(Uk("2026-11-20 16:55"), rating, _calendar)));
    }

    [Theory]
    [InlineData("4 hours", 4, TimescaleUnit.Hours)]
    [InlineData("1 hour", 1, TimescaleUnit.Hours)]
    [InlineData("1 working day", 1, TimescaleUnit.WorkingDays)]
    [InlineData(" 3 Working Days ", 3, TimescaleUnit.WorkingDays)]
    public void TimescalesReadAsWritten(string text, int amount, TimescaleUnit unit)
    {
        Assert.Equal(new Timescale(amount, unit), Timescale.Parse(text));
    }

    [Theory]
    [InlineData("four hours")]
    [InlineData("3 days")]
    [InlineData("3")]
    [InlineData("-1 hours")]
    public void TimescalesThatAreNotUnderstoodAreRefused(string text)
    {
        Assert.Throws<FormatException>(() => Timescale.Parse(text));
    }

    [Fact]
    public void TheCouncilCanSetItsOwnTimescales_AndABadOneNamesItsKey()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FrontDoor:MashDecision:Red"] = "12 hours",
            ["FrontDoor:PartnerAnswer:Amber"] = "2 working days",
            ["FrontDoor:RepeatReferralMonths"] = "6",
        }).Build();
        var rules = FrontDoorRules.From(config);
        Assert.Equal(new Timescale(12, TimescaleUnit.Hours), rules.MashDecision[Rag.Red]);
        Assert.Equal(new Timescale(4, TimescaleUnit.Hours), rules.MashDecision[Rag.RedImminentDanger]);
        Assert.Equal(new Timescale(2, TimescaleUnit.WorkingDays), rules.PartnerAnswer[Rag.Amber]);
        Assert.Equal(6, rules.RepeatReferralMonths);

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["FrontDoor:Screening"] = "one day" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => FrontDoorRules.From(bad));
        Assert.Contains("FrontDoor:Screening", error.Message, StringComparison.Ordinal);
    }
}
