using FluentValidation;
using Safeguard.Core.People.Codes;

namespace Safeguard.Core.People;

/// <summary>What someone types to add a person or change their details: the same rules for page, API and import.</summary>
public sealed record PersonDetails
{
    public string FirstName { get; init; } = "";
    public string? MiddleNames { get; init; }
    public string LastName { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public DateOnly? ExpectedDateOfBirth { get; init; }
    public string Sex { get; init; } = "U";
    public string? Gender { get; init; }
    public string Ethnicity { get; init; } = "NOBT";
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
    public string? UpnUnknownReason { get; init; }
    public IReadOnlyList<string> Disabilities { get; init; } = [];
    public string? Notes { get; init; }

    public static PersonDetails Of(Person p) => new()
    {
        FirstName = p.FirstName, MiddleNames = p.MiddleNames, LastName = p.LastName, DateOfBirth = p.DateOfBirth,
        ExpectedDateOfBirth = p.ExpectedDateOfBirth, Sex = p.Sex, Gender = p.Gender, Ethnicity = p.Ethnicity,
        NhsNumber = p.NhsNumber, Upn = p.Upn, UpnUnknownReason = p.UpnUnknownReason,
        Disabilities = p.Disabilities.Select(d => d.Code).Order().ToList(), Notes = p.Notes,
    };

    /// <summary>Tidies what was typed (spaces, case of codes, NHS number spacing) before it is checked and stored.</summary>
    public PersonDetails Tidy() => this with
    {
        FirstName = FirstName.Trim(),
        MiddleNames = Blank(MiddleNames),
        LastName = LastName.Trim(),
        Sex = Sex.Trim().ToUpperInvariant(),
        Gender = Blank(Gender),
        Ethnicity = Ethnicity.Trim().ToUpperInvariant(),
        NhsNumber = Blank(NhsNumber) is { } nhs ? People.NhsNumber.Normalise(nhs) ?? nhs : null,
        Upn = Blank(Upn) is { } upn ? People.Upn.Normalise(upn) : null,
        UpnUnknownReason = Blank(UpnUnknownReason)?.ToUpperInvariant(),
        Disabilities = Disabilities.Select(d => d.Trim().ToUpperInvariant()).Where(d => d.Length > 0).Distinct().Order().ToList(),
        Notes = Blank(Notes),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The rules for a person's details. Messages follow the GOV.UK style: say what to do.</summary>
public sealed class PersonDetailsValidator : AbstractValidator<PersonDetails>
{
    public PersonDetailsValidator(DateOnly today)
    {
        RuleFor(p => p.FirstName).NotEmpty().WithMessage("Enter a first name")
            .MaximumLength(100).WithMessage("First name must be 100 characters or fewer");
        RuleFor(p => p.MiddleNames).MaximumLength(100).WithMessage("Middle names must be 100 characters or fewer");
        RuleFor(p => p.LastName).NotEmpty().WithMessage("Enter a last name")
            .MaximumLength(100).WithMessage("Last name must be 100 characters or fewer");
        RuleFor(p => p.DateOfBirth).Must(d => d is null || d <= today).WithMessage("Enter a date of birth in the past")
            .Must(d => d is null || d.Value.Year >= 1900).WithMessage("Enter a date of birth after 1900");
        RuleFor(p => p.ExpectedDateOfBirth)
            .Must(d => d is null || (d >= today.AddMonths(-1) && d <= today.AddMonths(10)))
            .WithMessage("Enter an expected date of birth within the next 10 months");
        RuleFor(p => p).Must(p => !(p.DateOfBirth is not null && p.ExpectedDateOfBirth is not null))
            .WithName(nameof(PersonDetails.ExpectedDateOfBirth))
            .OverridePropertyName(nameof(PersonDetails.ExpectedDateOfBirth))
            .WithMessage("Enter either a date of birth or an expected date of birth, not both");
        RuleFor(p => p.Sex).Must(DfeCodes.Sex.IsValid).WithMessage("Select the person's sex");
        RuleFor(p => p.Gender).MaximumLength(100).WithMessage("Gender must be 100 characters or fewer");
        RuleFor(p => p.Ethnicity).Must(DfeCodes.Ethnicity.IsValid).WithMessage("Select an ethnicity");
        RuleFor(p => p.NhsNumber).Must(n => n is null || People.NhsNumber.IsValid(n))
            .WithMessage("Enter a valid NHS number, like 943 476 5919");
        RuleFor(p => p.Upn).Must(u => u is null || People.Upn.IsValid(u))
            .WithMessage(p => People.Upn.Explain(p.Upn ?? "") ?? "Enter a valid UPN");
        RuleFor(p => p.UpnUnknownReason).Must(r => r is null || DfeCodes.UpnUnknown.IsValid(r))
            .WithMessage("Select a reason the UPN is not known");
        RuleFor(p => p).Must(p => !(p.Upn is not null && p.UpnUnknownReason is not null))
            .OverridePropertyName(nameof(PersonDetails.UpnUnknownReason))
            .WithMessage("Give a UPN or the reason it is not known, not both");
        RuleForEach(p => p.Disabilities).Must(DfeCodes.Disability.IsValid).WithMessage("Select disabilities from the list");
        RuleFor(p => p.Disabilities).Must(d => !(d.Contains("NONE") && d.Count > 1))
            .WithMessage("Select 'No disability' or the disabilities the person has, not both");
        RuleFor(p => p.Notes).MaximumLength(4000).WithMessage("Notes must be 4,000 characters or fewer");
    }
}
