using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>The next visit due, per status, at its edges: bank holidays for child protection's working days, month ends for weeks.</summary>
public class VisitScheduleTests
{
    private readonly WorkingDayCalendar _calendar = new(new BankHolidays(), new FakeTimeProvider());
    private readonly SocialWorkRules _rules = new();

    private DateOnly? Due(InvolvementKind status, string start, string? lastSeen, string? childSeenDue = null) =>
        VisitSchedule.NextDue(status, D(start), lastSeen is null ? null : D(lastSeen), childSeenDue is null ? null : D(childSeenDue), _rules, _calendar);

    [Theory]
    // Four calendar weeks from the last time the child was seen, whatever day it lands on (Christmas Day included).
    [InlineData("2026-10-01", "2026-11-27", "2026-12-25")]
    [InlineData("2026-10-01", "2027-01-31", "2027-02-28")]
    // Never seen in this status: four weeks from its start.
    [InlineData("2026-11-02", null, "2026-11-30")]
    public void AChildInNeed_IsVisitedEvery4Weeks(string start, string? lastSeen, string due)
    {
        Assert.Equal(D(due), Due(InvolvementKind.ChildInNeed, start, lastSeen));
    }

    [Theory]
    // Ten working days: seen on Friday 18 December 2026, Christmas Day, the Boxing Day substitute (28th) and New Year's Day do not count.
    [InlineData("2026-12-01", "2026-12-18", "2027-01-06")]
    // Seen on the Thursday before Easter: Good Friday and Easter Monday (26 and 29 March 2027) do not count.
    [InlineData("2027-03-01", "2027-03-25", "2027-04-12")]
    // Seen on a Saturday: day 0 is the Saturday, ten working days on is the second Friday.
    [InlineData("2026-11-02", "2026-11-21", "2026-12-04")]
    // Not yet seen under the plan: ten working days from the plan's start.
    [InlineData("2026-11-02", null, "2026-11-16")]
    public void AChildOnAProtectionPlan_IsVisitedWithin10WorkingDays(string start, string? lastSeen, string due)
    {
        Assert.Equal(D(due), Due(InvolvementKind.ChildProtection, start, lastSeen));
    }

    [Theory]
    [InlineData("2026-06-01", "2026-11-24", "2027-01-05")]
    [InlineData("2026-12-31", null, "2027-02-11")]
    public void ALookedAfterChild_IsVisitedEvery6Weeks(string start, string? lastSeen, string due)
    {
        Assert.Equal(D(due), Due(InvolvementKind.LookedAfter, start, lastSeen));
    }

    [Fact]
    public void DuringAnAssessment_TheFirstVisitIsDueByTheChildSeenDate_ThenAsAChildInNeed()
    {
        // The assessment fixed its child-seen date when it started.
        Assert.Equal(D("2026-11-11"), Due(InvolvementKind.Assessment, "2026-11-02", null, childSeenDue: "2026-11-11"));
        // No assessment yet: seven working days from the referral, across the Christmas bank holidays.
        Assert.Equal(D("2027-01-07"), Due(InvolvementKind.Assessment, "2026-12-24", null));
        // Once seen, every four weeks like a child in need; the child-seen date no longer matters.
        Assert.Equal(D("2026-12-03"), Due(InvolvementKind.Assessment, "2026-11-02", "2026-11-05", childSeenDue: "2026-11-11"));
    }

    [Theory]
    [InlineData(InvolvementKind.EarlyHelp)]
    [InlineData(InvolvementKind.CareLeaver)]
    [InlineData(InvolvementKind.Lado)]
    public void OtherWork_HasNoVisitingRule(InvolvementKind status)
    {
        Assert.Null(Due(status, "2026-11-02", "2026-11-05"));
    }

    [Fact]
    public void TheCouncilSetsEachVisitingRule()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SocialWork:ChildProtectionVisit"] = "15 working days", ["SocialWork:LookedAfterVisit"] = "4 weeks",
        }).Build();
        var rules = SocialWorkRules.From(config);

        Assert.Equal((new Timescale(15, TimescaleUnit.WorkingDays), new Timescale(4, TimescaleUnit.Weeks), new Timescale(4, TimescaleUnit.Weeks)),
            (rules.ChildProtectionVisit, rules.LookedAfterVisit, rules.ChildInNeedVisit));
        var bad = Assert.Throws<InvalidOperationException>(() => SocialWorkRules.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialWork:LookedAfterVisit"] = "6 hours" }).Build()));
        Assert.StartsWith("SocialWork:LookedAfterVisit:", bad.Message, StringComparison.Ordinal);
    }
}
