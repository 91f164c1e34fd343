using FluentValidation;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>Oversight's rules at their edges: the 6-week timescale, missed actions, and due dates that are not dates.</summary>
public class OversightRulesTests
{
    private readonly WorkingDayCalendar _calendar = new(new BankHolidays(), new FakeTimeProvider());
    private readonly SocialWorkRules _rules = new();

    [Theory]
    // Six calendar weeks: oversight on 1 December 2026 is due again by the end of 12 January 2027.
    [InlineData("2026-12-01", "2027-01-12", false)]
    [InlineData("2026-12-01", "2027-01-13", true)]
    // Christmas and the New Year bank holidays do not move a calendar-week clock.
    [InlineData("2026-11-20", "2027-01-01", false)]
    [InlineData("2026-11-20", "2027-01-02", true)]
    public void ACaseNeedsOversight_WhenTheLastIsOlderThanSixWeeks(string last, string today, bool needs)
    {
        Assert.Equal(needs, OversightService.NeedsOversight(D(last), D("2026-01-05"), D(today), _rules.Oversight, _calendar));
    }

    [Theory]
    // With none yet, the six weeks run from the day the case opened; a closed case needs none.
    [InlineData("2026-11-10", "2026-12-22", false)]
    [InlineData("2026-11-10", "2026-12-23", true)]
    [InlineData(null, "2026-12-23", false)]
    public void ACaseWithNoOversight_NeedsItSixWeeksAfterItOpened(string? opened, string today, bool needs)
    {
        Assert.Equal(needs, OversightService.NeedsOversight(null, opened is null ? null : D(opened), D(today), _rules.Oversight, _calendar));
    }

    [Theory]
    // Missed only from the day after its due date, and never once done.
    [InlineData("2026-11-24", "2026-11-24", null, false)]
    [InlineData("2026-11-24", "2026-11-25", null, true)]
    [InlineData("2026-11-24", "2026-11-30", "2026-11-26", false)]
    public void AnActionIsMissed_TheDayAfterItIsDue_UnlessDone(string due, string today, string? done, bool missed)
    {
        var action = new OversightAction
        {
            Text = "Visit", OwnerId = "w", OwnerName = "W", SetById = "m", DueDate = D(due), OriginalDueDate = D(due),
            CompletedOn = done is null ? null : D(done),
        };
        Assert.Equal(missed, OversightService.IsMissed(action, D(today)));
    }

    [Theory]
    [InlineData("2027-02-28", "2027-02-28")]
    [InlineData("29/2/2028", "2028-02-29")]
    public void ADueDate_IsARealDate(string text, string expected)
    {
        Assert.Equal(D(expected), OversightService.ParseDueDate(text, "DueDate"));
    }

    [Theory]
    [InlineData("ongoing", "'ongoing' is not a date: enter the date the action is due by, like 2027-03-31")]
    [InlineData("2027-02-29", "'2027-02-29' is not a date: enter the date the action is due by, like 2027-03-31")]
    [InlineData(" ", "Enter the date the action is due by: \"ongoing\" or \"as needed\" is not a date")]
    [InlineData(null, "Enter the date the action is due by: \"ongoing\" or \"as needed\" is not a date")]
    public void OngoingBlankOrNoSuchDay_IsRefused(string? text, string message)
    {
        var refused = Assert.Throws<ValidationException>(() => OversightService.ParseDueDate(text, "DueDate"));
        Assert.Equal(("DueDate", message), (refused.Errors.Single().PropertyName, refused.Errors.Single().ErrorMessage));
    }
}
