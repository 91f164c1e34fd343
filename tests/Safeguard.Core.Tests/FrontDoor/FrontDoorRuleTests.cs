using FluentValidation;
using Safeguard.Core.FrontDoor;
using static Safeguard.Core.Tests.Calendar.TestDates;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>The repeat-referral window, who may consult, and what a contact must have.</summary>
public class FrontDoorRuleTests
{
    [Theory]
    [InlineData("2025-11-23", "2026-11-23", true)]   // exactly 12 months earlier counts
    [InlineData("2025-11-22", "2026-11-23", false)]  // one day more does not
    [InlineData("2026-11-23", "2026-11-23", true)]   // the same day (an earlier contact that day)
    [InlineData("2026-11-24", "2026-11-23", false)]  // a later referral is not an earlier one
    [InlineData("2024-02-29", "2025-02-28", true)]   // leap day: 12 months before 28 Feb 2025 is 28 Feb 2024
    [InlineData("2023-02-28", "2024-02-29", true)]
    [InlineData("2023-02-27", "2024-02-29", false)]
    public void RepeatReferralWindow(string earlier, string contact, bool repeat)
    {
        Assert.Equal(repeat, OpenCases.IsRepeat(D(earlier), D(contact), 12));
    }

    [Theory]
    [InlineData("1A", true)]
    [InlineData("1B", true)]
    [InlineData("1C", true)]
    [InlineData("1D", true)]
    [InlineData("9", true)]
    [InlineData("6", false)]
    [InlineData("3A", false)]
    [InlineData("10", false)]
    public void ThePublicFamilyTheChildAndAnonymousCallersMakeContactsNotConsultations(string source, bool publicOrFamily)
    {
        Assert.Equal(publicOrFamily, FrontDoorCodes.IsPublicOrFamily(source));
    }

    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static NewContact Valid() => new()
    {
        ReceivedAtUtc = Now.AddHours(-1), Method = ContactMethod.Phone, SourceCode = "2A", ReferrerName = "Ms Teacher",
        ChildIds = [Guid.NewGuid()], Concerns = "Bruising seen at school", Consent = Consent.Given,
    };

    private static IEnumerable<string> Errors(NewContact c) =>
        new NewContactValidator(Now).Validate(c.Tidy()).Errors.Select(e => e.PropertyName + ": " + e.ErrorMessage);

    [Fact]
    public void AValidContactPasses() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void EachMistakeIsNamedByItsField()
    {
        Assert.Contains("Children: Choose at least one child the contact is about", Errors(Valid() with { ChildIds = [] }));
        Assert.Contains("ReceivedAtUtc: When it was received must be now or in the past", Errors(Valid() with { ReceivedAtUtc = Now.AddHours(1) }));
        Assert.Contains("ReferrerName: Enter the name of the professional who made the contact", Errors(Valid() with { ReferrerName = " " }));
        Assert.Contains("ReferrerName: An anonymous contact has no referrer's name: choose another source or clear the name",
            Errors(Valid() with { SourceCode = "9" }));
        Assert.Contains("ConsentReason: Enter the safeguarding reason for going ahead without consent",
            Errors(Valid() with { Consent = Consent.NotSoughtSafeguarding }));
        Assert.Contains("PoliceRag: Only a police notification has a police RAG rating", Errors(Valid() with { PoliceRag = Rag.Red }));
        Assert.Contains("FactorCodes: '99Z' is not a DfE factor code", Errors(Valid() with { FactorCodes = ["99z"] }));
        Assert.Contains("ReferrerAgencyId: A member of the public, family member, the child or an anonymous caller does not have an agency",
            Errors(Valid() with { SourceCode = "1A", ReferrerAgencyId = 3 }));
        Assert.Contains("SourceCode: Choose who made the contact", Errors(Valid() with { SourceCode = "XX" }));
    }

    [Fact]
    public void AFamilyMemberNeedNotGiveTheirName() =>
        Assert.Empty(Errors(Valid() with { SourceCode = "1A", ReferrerName = null }));
}
