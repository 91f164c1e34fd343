using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.People;
using Safeguard.Core.People.Codes;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.People;

/// <summary>The person's details as the form holds them: dates as day, month and year boxes, disabilities as ticks.</summary>
public sealed class PersonForm
{
    public string? FirstName { get; set; }
    public string? MiddleNames { get; set; }
    public string? LastName { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public bool Unborn { get; set; }
    public DateParts ExpectedDateOfBirth { get; set; } = new();
    public string? Sex { get; set; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }
    public string? UpnUnknownReason { get; set; }
    public List<string> Disabilities { get; set; } = [];
    public string? Notes { get; set; }

    public static PersonForm From(Person p) => new()
    {
        FirstName = p.FirstName, MiddleNames = p.MiddleNames, LastName = p.LastName,
        DateOfBirth = DateParts.From(p.DateOfBirth), Unborn = p.IsUnborn, ExpectedDateOfBirth = DateParts.From(p.ExpectedDateOfBirth),
        Sex = p.Sex, Gender = p.Gender, Ethnicity = p.Ethnicity, NhsNumber = p.NhsNumber is { } n ? Core.People.NhsNumber.Format(n) : null,
        Upn = p.Upn, UpnUnknownReason = p.UpnUnknownReason, Disabilities = p.Disabilities.Select(d => d.Code).ToList(), Notes = p.Notes,
    };

    /// <summary>Checks the date boxes (the rest is checked by Core) and gives the details to save, or null with errors added.</summary>
    public PersonDetails? ToDetails(ModelStateDictionary modelState, DateOnly today, string prefix = "Input.")
    {
        DateOnly? dob = null, expected = null;
        if (Unborn)
        {
            var error = ExpectedDateOfBirth.Validate("Expected date of birth");
            if (error is not null) modelState.AddDateError(prefix + nameof(ExpectedDateOfBirth), error);
            else expected = ExpectedDateOfBirth.ToDate();
        }
        else if (!DateOfBirth.IsEmpty)
        {
            var error = DateOfBirth.ValidatePast("Date of birth", today);
            if (error is not null) modelState.AddDateError(prefix + nameof(DateOfBirth), error);
            else dob = DateOfBirth.ToDate();
        }
        if (!modelState.IsValid) return null;
        return new PersonDetails
        {
            FirstName = FirstName ?? "", MiddleNames = MiddleNames, LastName = LastName ?? "", DateOfBirth = dob, ExpectedDateOfBirth = expected,
            Sex = Sex ?? "", Gender = Gender, Ethnicity = Ethnicity ?? "", NhsNumber = NhsNumber, Upn = Upn, UpnUnknownReason = UpnUnknownReason,
            Disabilities = Disabilities, Notes = Notes,
        };
    }

    public static IEnumerable<GovukOption> SexOptions => DfeCodes.Sex.Items.Select(i => new GovukOption(i.Code, i.Label));
    public static IEnumerable<GovukOption> EthnicityOptions =>
        new[] { new GovukOption("", "Select ethnicity") }.Concat(DfeCodes.Ethnicity.Items.Select(i => new GovukOption(i.Code, i.Label)));
    public static IEnumerable<GovukOption> DisabilityOptions => DfeCodes.Disability.Items.Select(i => new GovukOption(i.Code, i.Label));
    public static IEnumerable<GovukOption> UpnUnknownOptions =>
        new[] { new GovukOption("", "UPN is known, or not applicable") }.Concat(DfeCodes.UpnUnknown.Items.Select(i => new GovukOption(i.Code, $"{i.Code}: {i.Label}")));
}
