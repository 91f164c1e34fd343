using Safeguard.Web.Govuk;

namespace Safeguard.Web.Tests.Govuk;

public class DatePartsTests
{
    private static DateError? Check(string? day, string? month, string? year) =>
        new DateParts { Day = day, Month = month, Year = year }.Validate("Date of birth");

    [Theory]
    [InlineData(null, null, null, "Enter date of birth", DateFields.All)]
    [InlineData(" ", "", null, "Enter date of birth", DateFields.All)]
    [InlineData("12", null, "2010", "Date of birth must include a month", DateFields.Month)]
    [InlineData(null, "3", "2010", "Date of birth must include a day", DateFields.Day)]
    [InlineData("12", "3", null, "Date of birth must include a year", DateFields.Year)]
    [InlineData(null, null, "2010", "Date of birth must include a day and month", DateFields.Day | DateFields.Month)]
    [InlineData("12", null, null, "Date of birth must include a month and year", DateFields.Month | DateFields.Year)]
    [InlineData(null, "3", null, "Date of birth must include a day and year", DateFields.Day | DateFields.Year)]
    [InlineData("12", "3", "10", "Year must include 4 numbers", DateFields.Year)]
    [InlineData("12", "13", "2010", "Date of birth must be a real date", DateFields.Month)]
    [InlineData("32", "3", "2010", "Date of birth must be a real date", DateFields.Day)]
    [InlineData("x", "3", "2010", "Date of birth must be a real date", DateFields.Day)]
    [InlineData("0", "0", "2010", "Date of birth must be a real date", DateFields.All)]
    [InlineData("31", "2", "2010", "Date of birth must be a real date", DateFields.Day)]
    [InlineData("29", "2", "2011", "Date of birth must be a real date", DateFields.Day)]
    public void Gives_the_guidance_message_and_highlights_the_right_boxes(string? day, string? month, string? year, string message, DateFields fields) =>
        Assert.Equal(new DateError(message, fields), Check(day, month, year));

    [Theory]
    [InlineData("29", "2", "2012")]
    [InlineData(" 7 ", "03", "2010")]
    public void Accepts_real_dates(string day, string month, string year)
    {
        Assert.Null(Check(day, month, year));
        Assert.NotNull(new DateParts { Day = day, Month = month, Year = year }.ToDate());
    }

    [Fact]
    public void Converts_both_ways()
    {
        var parts = DateParts.From(new DateOnly(2010, 3, 7));
        Assert.Equal(("7", "3", "2010"), (parts.Day, parts.Month, parts.Year));
        Assert.Equal(new DateOnly(2010, 3, 7), parts.ToDate());
        Assert.Null(new DateParts { Day = "7", Month = "3", Year = "10" }.ToDate());
        Assert.True(DateParts.From(null).IsEmpty);
    }

    [Fact]
    public void Optional_date_may_be_left_empty() =>
        Assert.Null(new DateParts().Validate("Date closed", required: false));

    [Fact]
    public void Keeps_capitals_of_an_acronym_when_asking_to_enter() =>
        Assert.Equal("Enter NHS registration date", new DateParts().Validate("NHS registration date")!.Message);

    [Fact]
    public void Past_and_future()
    {
        var today = new DateOnly(2025, 3, 27);
        var tomorrow = DateParts.From(today.AddDays(1));
        var todayParts = DateParts.From(today);

        Assert.Equal("Date of birth must be today or in the past", tomorrow.ValidatePast("Date of birth", today)!.Message);
        Assert.Null(todayParts.ValidatePast("Date of birth", today));
        Assert.Equal("Date of birth must be in the past", todayParts.ValidatePast("Date of birth", today, allowToday: false)!.Message);
        Assert.Equal("Review date must be in the future", todayParts.ValidateFuture("Review date", today, allowToday: false)!.Message);
        Assert.Null(tomorrow.ValidateFuture("Review date", today));
        // Format problems come first.
        Assert.Equal("Enter date of birth", new DateParts().ValidatePast("Date of birth", today)!.Message);
    }

    [Fact]
    public void AddDateError_keys_whole_date_errors_by_the_date_and_part_errors_by_part()
    {
        var modelState = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        modelState.AddDateError("Dob", new DateError("Enter date of birth", DateFields.All));
        modelState.AddDateError("Other", new DateError("Other must include a day and year", DateFields.Day | DateFields.Year));

        Assert.Equal(["Dob", "Other.Day", "Other.Year"], modelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key).Order());
    }
}
