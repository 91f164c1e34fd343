using FluentValidation;

namespace Safeguard.Core.People;

/// <summary>An address as typed, with the date the person started living there.</summary>
public sealed record NewAddress(string Line1, string? Line2, string Town, string Postcode, DateOnly From)
{
    public Address ToAddress(Guid personId) => new()
    {
        PersonId = personId, Line1 = Line1.Trim(), Line2 = string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(),
        Town = Town.Trim(), Postcode = Postcodes.Format(Postcode), HouseholdKey = Address.KeyFor(Line1, Postcode), From = From,
    };
}

public sealed class NewAddressValidator : AbstractValidator<NewAddress>
{
    public NewAddressValidator(DateOnly today)
    {
        RuleFor(a => a.Line1).NotEmpty().WithMessage("Enter the first line of the address").MaximumLength(200).WithMessage("Address line 1 must be 200 characters or fewer");
        RuleFor(a => a.Line2).MaximumLength(200).WithMessage("Address line 2 must be 200 characters or fewer");
        RuleFor(a => a.Town).NotEmpty().WithMessage("Enter the town or city").MaximumLength(100).WithMessage("Town must be 100 characters or fewer");
        RuleFor(a => a.Postcode).Must(Postcodes.IsValid).WithMessage("Enter a real postcode, like SE1 7PB");
        RuleFor(a => a.From).Must(d => d <= today.AddMonths(3)).WithMessage("Enter a date the person moved in that is not more than 3 months ahead");
    }
}

/// <summary>UK postcodes: the shape check from the Royal Mail format, not a lookup.</summary>
public static class Postcodes
{
    private static readonly System.Text.RegularExpressions.Regex Shape =
        new("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static bool IsValid(string? postcode) => postcode is not null && Shape.IsMatch(Compact(postcode));

    public static string Format(string postcode)
    {
        var c = Compact(postcode);
        return c.Length > 3 ? c[..^3] + " " + c[^3..] : c;
    }

    private static string Compact(string p) => new string(p.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
