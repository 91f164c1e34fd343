namespace Safeguard.Core.People;

/// <summary>Where a person lived, and when. The current address is the one with no end date.</summary>
public class Address
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public required string Line1 { get; set; }
    public string? Line2 { get; set; }
    public required string Town { get; set; }
    public required string Postcode { get; set; }
    /// <summary>Postcode without spaces, upper case: people at the same address share a household key.</summary>
    public required string HouseholdKey { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }

    public string OneLine => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static string KeyFor(string line1, string postcode) =>
        (new string(line1.Where(char.IsLetterOrDigit).ToArray()) + "|" + new string(postcode.Where(char.IsLetterOrDigit).ToArray())).ToUpperInvariant();
}
