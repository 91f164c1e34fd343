using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>Social work's timescales at their edges: bank holidays, Christmas, month ends and leap years.</summary>
public class SocialWorkTimescaleTests
{
    private readonly WorkingDayCalendar _calendar = new(new BankHolidays(), new FakeTimeProvider());
    private readonly SocialWorkRules _rules = new();

    [Theory]
    // A Monday referral: 45 working days across Christmas (25th, the 28th's Boxing Day substitute, New Year's Day).
    [InlineData("2026-11-02", "2027-01-07")]
    // Christmas Eve: day 0 is the Thursday; the holidays push it into March.
    [InlineData("2026-12-24", "2027-03-02")]
    public void TheAssessmentIsDue45WorkingDaysAfterTheReferral(string referral, string due)
    {
        Assert.Equal(D(due), _rules.Assessment.DueDate(D(referral), _calendar));
    }

    [Theory]
    // 16:55 on the Friday before the early May bank holiday is still that Friday: Monday does not count.
    [InlineData("2026-05-01", "2026-05-13")]
    // Christmas Eve: 29, 30, 31 December, then 4 to 7 January.
    [InlineData("2026-12-24", "2027-01-07")]
    // A Saturday referral: day 0 is the Saturday.
    [InlineData("2026-11-21", "2026-12-01")]
    public void TheChildIsSeenWithin7WorkingDays(string referral, string due)
    {
        Assert.Equal(D(due), _rules.ChildSeen.DueDate(D(referral), _calendar));
    }

    [Theory]
    [InlineData("2026-05-31", "2026-08-31")]
    // No 30 February: the last day of the month.
    [InlineData("2026-11-30", "2027-02-28")]
    [InlineData("2027-11-30", "2028-02-29")]
    // A review falls on whatever day the months bring, bank holiday or not.
    [InlineData("2026-09-25", "2026-12-25")]
    public void ChildInNeedReviewsAreEvery3CalendarMonths(string from, string due)
    {
        Assert.Equal(D(due), _rules.ChildInNeedReview.DueDate(D(from), _calendar));
    }

    [Fact]
    public void ChildInNeedVisitsAreEvery4CalendarWeeks()
    {
        Assert.Equal(D("2027-01-18"), _rules.ChildInNeedVisit.DueDate(D("2026-12-21"), _calendar));
    }

    [Theory]
    [InlineData("4 weeks", 4, TimescaleUnit.Weeks)]
    [InlineData("1 week", 1, TimescaleUnit.Weeks)]
    [InlineData("3 Months", 3, TimescaleUnit.Months)]
    [InlineData("1 month", 1, TimescaleUnit.Months)]
    [InlineData("45 working days", 45, TimescaleUnit.WorkingDays)]
    public void WeeksAndMonthsReadAsWritten_AndWriteBackTheSame(string text, int amount, TimescaleUnit unit)
    {
        var timescale = Timescale.Parse(text);
        Assert.Equal(new Timescale(amount, unit), timescale);
        Assert.Equal(text.ToLowerInvariant(), timescale.ToString().ToLowerInvariant());
    }

    [Fact]
    public void AnHourClockHasNoDueDate()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new Timescale(4, TimescaleUnit.Hours).DueDate(D("2026-11-23"), _calendar));
        Assert.Equal("4 hours runs in hours: it needs a start time, not a date", e.Message);
    }

    [Fact]
    public void TheCouncilsSettingsReplaceTheDefaults_OneByOne()
    {
        var rules = SocialWorkRules.From(Config(("SocialWork:ChildSeen", "5 working days"), ("SocialWork:ChildInNeedVisit", "6 weeks")));

        Assert.Equal(new Timescale(5, TimescaleUnit.WorkingDays), rules.ChildSeen);
        Assert.Equal(new Timescale(6, TimescaleUnit.Weeks), rules.ChildInNeedVisit);
        Assert.Equal(new Timescale(45, TimescaleUnit.WorkingDays), rules.Assessment);
        Assert.Equal(new Timescale(3, TimescaleUnit.Months), rules.ChildInNeedReview);
        Assert.Equal(new Timescale(6, TimescaleUnit.Weeks), rules.Oversight);
    }

    [Theory]
    [InlineData("SocialWork:Assessment", "45 days", "SocialWork:Assessment: '45 days' is not a timescale: write it like \"4 hours\", \"3 working days\", \"4 weeks\" or \"3 months\"")]
    [InlineData("SocialWork:ChildSeen", "72 hours", "SocialWork:ChildSeen: '72 hours' is in hours; social work timescales run in working days, weeks or months")]
    public void ABadSettingStopsTheAppNamingIt(string key, string value, string message)
    {
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => SocialWorkRules.From(Config((key, value)))).Message);
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
}
