using FluentValidation;
using Safeguard.Core.People.Codes;

namespace Safeguard.Core.FrontDoor;

/// <summary>A child named by a referrer who may not yet be matched to a record.</summary>
public sealed record ReportedChild(string Name, DateOnly? DateOfBirth, string? Address);

/// <summary>What the pages, the API, the command line and the CSV import send to record a contact.</summary>
public sealed record NewContact
{
    public DateTime ReceivedAtUtc { get; init; }
    public ContactMethod Method { get; init; }
    public string SourceCode { get; init; } = "";
    public int? ReferrerAgencyId { get; init; }
    public string? ReferrerName { get; init; }
    public string? ReferrerRole { get; init; }
    public string? ReferrerContactDetails { get; init; }
    /// <summary>Children matched to records.</summary>
    public IReadOnlyList<Guid> ChildIds { get; init; } = [];
    /// <summary>Children as the referrer named them, to be matched by the contact service.</summary>
    public IReadOnlyList<ReportedChild> ReportedChildren { get; init; } = [];
    public IReadOnlyList<string> FactorCodes { get; init; } = [];
    public string Concerns { get; init; } = "";
    public string? ReferrerRequest { get; init; }
    public Consent Consent { get; init; }
    public string? ConsentReason { get; init; }
    public Rag? PoliceRag { get; init; }

    /// <summary>Trims text and upper-cases codes; the receipt time is kept to the second (as both databases store it alike).</summary>
    public NewContact Tidy() => this with
    {
        ReceivedAtUtc = DateTime.SpecifyKind(ReceivedAtUtc.AddTicks(-(ReceivedAtUtc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc),
        SourceCode = SourceCode.Trim().ToUpperInvariant(),
        ReferrerName = Blank(ReferrerName), ReferrerRole = Blank(ReferrerRole), ReferrerContactDetails = Blank(ReferrerContactDetails),
        Concerns = Concerns.Trim(), ReferrerRequest = Blank(ReferrerRequest), ConsentReason = Blank(ConsentReason),
        FactorCodes = FactorCodes.Select(f => f.Trim().ToUpperInvariant()).Where(f => f.Length > 0).Distinct().ToList(),
        ChildIds = ChildIds.Distinct().ToList(),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The rules for a contact. Field names match <see cref="NewContact"/>, so pages show each message beside its field.</summary>
public sealed class NewContactValidator : AbstractValidator<NewContact>
{
    public const int MaxChildren = 15;

    public NewContactValidator(DateTime nowUtc)
    {
        RuleFor(c => c.ReceivedAtUtc)
            .Must(at => at <= nowUtc.AddMinutes(5)).WithMessage("When it was received must be now or in the past")
            .Must(at => at >= new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)).WithMessage("When it was received must be after 1 January 2000");
        RuleFor(c => c.SourceCode).Must(FrontDoorCodes.ReferralSource.IsValid).WithMessage("Choose who made the contact");
        RuleFor(c => c.ReferrerName).NotEmpty().When(c => FrontDoorCodes.IsProfessional(c.SourceCode))
            .WithMessage("Enter the name of the professional who made the contact");
        RuleFor(c => c.ReferrerName).Empty().When(c => c.SourceCode == "9")
            .WithMessage("An anonymous contact has no referrer's name: choose another source or clear the name");
        RuleFor(c => c.ReferrerAgencyId).Null().When(c => FrontDoorCodes.IsPublicOrFamily(c.SourceCode))
            .WithMessage("A member of the public, family member, the child or an anonymous caller does not have an agency");
        RuleFor(c => c.ReferrerName).MaximumLength(200);
        RuleFor(c => c.ReferrerRole).MaximumLength(200);
        RuleFor(c => c.ReferrerContactDetails).MaximumLength(400);
        RuleFor(c => c.ChildIds.Count + c.ReportedChildren.Count)
            .GreaterThan(0).WithName("Children").OverridePropertyName("Children").WithMessage("Choose at least one child the contact is about")
            .LessThanOrEqualTo(MaxChildren).OverridePropertyName("Children").WithMessage($"A contact can be about at most {MaxChildren} children: record another contact for the rest");
        RuleForEach(c => c.ReportedChildren).ChildRules(r =>
        {
            r.RuleFor(x => x.Name).NotEmpty().WithMessage("Enter each child's name").MaximumLength(200);
            r.RuleFor(x => x.Address).MaximumLength(400);
            r.RuleFor(x => x.DateOfBirth).Must(d => d is null || d <= DateOnly.FromDateTime(nowUtc).AddMonths(10))
                .WithMessage("A child's date of birth cannot be more than 10 months ahead (an unborn child's expected date)");
        }).OverridePropertyName("Children");
        RuleFor(c => c.FactorCodes).Must(codes => codes.All(FrontDoorCodes.Factors.IsValid))
            .WithMessage(c => $"'{string.Join("', '", c.FactorCodes.Where(f => !FrontDoorCodes.Factors.IsValid(f)))}' is not a DfE factor code");
        RuleFor(c => c.Concerns).NotEmpty().WithMessage("Describe the concerns").MaximumLength(8000);
        RuleFor(c => c.ReferrerRequest).MaximumLength(4000);
        RuleFor(c => c.Consent).IsInEnum().WithMessage("Choose whether consent to share information was given");
        RuleFor(c => c.ConsentReason).NotEmpty()
            .When(c => c.Consent is Consent.NotSoughtSafeguarding or Consent.RefusedOverridden)
            .WithMessage("Enter the safeguarding reason for going ahead without consent").MaximumLength(2000);
        RuleFor(c => c.PoliceRag).Null().When(c => c.SourceCode != "6")
            .WithMessage("Only a police notification has a police RAG rating");
    }
}
