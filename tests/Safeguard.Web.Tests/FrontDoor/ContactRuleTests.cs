using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>Rules of the contact form that need no database.</summary>
public class ContactRuleTests
{
    [Fact]
    public void NoSourceChosen_AsksForTheSourceOnly_NotForAProfessionalsName()
    {
        var now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        var input = FrontDoorData.Contact([Guid.NewGuid()], receivedAtUtc: now.AddHours(-1)) with { SourceCode = "", ReferrerName = null };

        var errors = new NewContactValidator(now).Validate(input.Tidy()).Errors.Select(e => e.PropertyName).ToList();

        Assert.Equal(["SourceCode"], errors);
    }

    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("9.05", 9, 5)]
    [InlineData("0905", 9, 5)]
    [InlineData("2:30pm", 14, 30)]
    [InlineData("12:15am", 0, 15)]
    [InlineData("24:00", null, null)]
    [InlineData("half two", null, null)]
    public void TimeBox_ReadsTheWaysPeopleTypeTimes(string typed, int? hour, int? minute) =>
        Assert.Equal(hour is null ? null : new TimeOnly(hour.Value, minute!.Value), Safeguard.Web.Pages.Contacts.WhenForm.ParseTime(typed));
}
