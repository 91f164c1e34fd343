using FluentValidation.Results;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>A plan action's due date is a real date, typed, not before the plan starts; reviews fall 3 calendar months on.</summary>
public class PlanDueDateTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);
    private readonly WorkingDayCalendar _calendar = new(new BankHolidays(), new FakeTimeProvider());

    [Theory]
    [InlineData("2026-06-30")]
    [InlineData("30/6/2026")]
    [InlineData("30 June 2026")]
    [InlineData("30 Jun 2026")]
    [InlineData(" 30/06/2026 ")]
    public void ARealDate_InTheUsualUkForms_IsRead(string typed)
    {
        var failures = new List<ValidationFailure>();
        Assert.Equal(new DateOnly(2026, 6, 30), ChildInNeedPlanService.CheckDueDate(typed, "DueDate", Start, failures));
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ongoing")]
    [InlineData("Ongoing")]
    [InlineData("as needed")]
    [InlineData("tbc")]
    [InlineData("next month")]
    [InlineData("29/02/2026")]   // 2026 is not a leap year
    [InlineData("6/30/2026")]    // American order
    public void AnythingThatIsNotADate_IsRefusedByName(string typed)
    {
        var failures = new List<ValidationFailure>();
        Assert.Null(ChildInNeedPlanService.CheckDueDate(typed, "DueDate", Start, failures));
        Assert.Equal($"Enter a real date for this action: '{typed}' is not a date. Every action needs a date by which it will be done", Assert.Single(failures).ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoDate_IsRefused(string? typed)
    {
        var failures = new List<ValidationFailure>();
        Assert.Null(ChildInNeedPlanService.CheckDueDate(typed, "DueDate", Start, failures));
        Assert.StartsWith("Enter the date by which this action will be done", Assert.Single(failures).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDayThePlanStarts_IsAllowed_TheDayBeforeIsNot()
    {
        var failures = new List<ValidationFailure>();
        Assert.Equal(Start, ChildInNeedPlanService.CheckDueDate("2026-03-02", "DueDate", Start, failures));
        Assert.Null(ChildInNeedPlanService.CheckDueDate("2026-03-01", "DueDate", Start, failures));
        Assert.Equal("The due date must be on or after the plan's start, 2 March 2026", Assert.Single(failures).ErrorMessage);
    }

    [Theory]
    [InlineData("2026-03-02", "2026-06-02")]
    [InlineData("2026-11-30", "2027-02-28")]   // month end
    [InlineData("2027-11-30", "2028-02-29")]   // leap year
    [InlineData("2026-09-25", "2026-12-25")]   // lands on Christmas Day: calendar months, not working days
    public void TheReview_IsDueThreeCalendarMonthsOn_WhateverDayThatIs(string from, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            new SocialWorkRules().ChildInNeedReview.DueDate(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), _calendar));
    }
}
