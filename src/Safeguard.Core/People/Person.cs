namespace Safeguard.Core.People;

/// <summary>
/// A child or an adult known to the service. Identity fields use the DfE's codes so the returns can be
/// built straight from the record. Never deleted: a person added by mistake is marked recorded in error.
/// </summary>
public class Person : IVersioned
{
    public Guid Id { get; set; }
    /// <summary>The number people quote: shown as SG-0001234.</summary>
    public int Number { get; set; }
    public required string FirstName { get; set; }
    public string? MiddleNames { get; set; }
    public required string LastName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>For an unborn child: the expected date of birth.</summary>
    public DateOnly? ExpectedDateOfBirth { get; set; }
    public DateOnly? DateOfDeath { get; set; }
    /// <summary>DfE sex code: M, F or U.</summary>
    public string Sex { get; set; } = "U";
    /// <summary>Gender in the person's own words, where it differs from sex or they want it recorded.</summary>
    public string? Gender { get; set; }
    /// <summary>DfE ethnicity code (WBRI, BAFR, ... NOBT).</summary>
    public string Ethnicity { get; set; } = "NOBT";
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }
    /// <summary>DfE reason a UPN is not known (UN1-UN7).</summary>
    public string? UpnUnknownReason { get; set; }
    public string? Notes { get; set; }

    /// <summary>Restricted records are hidden, search included, from everyone not named on the restriction.</summary>
    public bool IsRestricted { get; set; }

    public DateTime? RecordedInErrorAtUtc { get; set; }
    public string? RecordedInErrorReason { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public Guid Version { get; set; }

    public List<PersonName> PreviousNames { get; set; } = [];
    public List<PersonDisability> Disabilities { get; set; } = [];
    public List<Address> Addresses { get; set; } = [];

    public string SafeguardId => FormatNumber(Number);
    public string FullName => MiddleNames is { Length: > 0 } ? $"{FirstName} {MiddleNames} {LastName}" : $"{FirstName} {LastName}";
    public bool IsUnborn => DateOfBirth is null && ExpectedDateOfBirth is not null;

    public static string FormatNumber(int number) => $"SG-{number:0000000}";

    /// <summary>Reads "SG-0001234", "sg1234" or "1234".</summary>
    public static int? ParseNumber(string text)
    {
        var t = text.Trim().ToUpperInvariant().Replace("SG", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        return t.Length is > 0 and <= 9 && t.All(char.IsAsciiDigit) ? int.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Age in whole years on a date; null when the date of birth is not known.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } dob || date < dob) return null;
        var age = date.Year - dob.Year;
        return dob.AddYears(age) > date ? age - 1 : age;
    }
}

/// <summary>An earlier name or a known alias: searched like the current name.</summary>
public class PersonName
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string Kind { get; set; } = "Previous";
}

/// <summary>A DfE disability code held by a person.</summary>
public class PersonDisability
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Code { get; set; }
}

/// <summary>
/// One row per name token of a person (current and previous names), with its normalised and phonetic
/// forms, so name search is an indexed lookup on both SQLite and PostgreSQL.
/// </summary>
public class PersonNameKey
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Token { get; set; }
    public required string Phonetic { get; set; }
}

/// <summary>Entities that carry an application-managed concurrency token, renewed on every save.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
