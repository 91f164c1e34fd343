namespace Safeguard.Core.People;

/// <summary>
/// Unique Pupil Number (DfE): 13 characters. A check letter, then a 3-digit LA code,
/// 4-digit establishment number, 2-digit year of allocation and 3-digit serial.
/// A temporary UPN ends in a letter instead of the last serial digit.
/// </summary>
public static class Upn
{
    public const string FormatMessage =
        "A UPN is 13 characters: a letter, then 11 digits, then a digit or letter";

    /// <summary>
    /// The DfE letter table: A=0 ... Z=22, skipping I, O and S (too like 1, 0 and 5).
    /// Used both for the check letter and for the value of a temporary UPN's last letter.
    /// </summary>
    private const string Letters = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>Trims and upper-cases, the form UPNs are stored and exported in.</summary>
    public static string Normalise(string? input) => (input ?? "").Trim().ToUpperInvariant();

    /// <summary>True for a UPN in stored form (see <see cref="Normalise"/>) with a correct check letter.</summary>
    public static bool IsValid(string? upn) => Explain(upn) is null;

    /// <summary>What is wrong with the UPN, in words for the user; null when it is valid.</summary>
    public static string? Explain(string? upn)
    {
        if (upn is null || upn.Length != 13 || !char.IsAsciiLetter(upn[0]) || !char.IsAsciiLetterOrDigit(upn[12]))
        {
            return FormatMessage;
        }

        for (int i = 1; i <= 11; i++)
        {
            if (!char.IsAsciiDigit(upn[i]))
            {
                return FormatMessage;
            }
        }

        if (upn.Any(char.IsAsciiLetterLower))
        {
            return "Write the letters in a UPN as capitals";
        }

        if (upn[12] is 'I' or 'O' or 'S')
        {
            return "A UPN cannot end in I, O or S";
        }

        char expected = CheckLetter(upn.AsSpan(1));
        return upn[0] == expected ? null : $"The check letter does not match: expected {expected}";
    }

    /// <summary>
    /// A valid synthetic UPN for demo data in the given LA (a 3-digit code such as 935).
    /// Temporary UPNs end with a letter.
    /// </summary>
    public static string Generate(Random rng, int laCode, bool temporary = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(laCode);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(laCode, 999);

        var body = laCode.ToString("D3")
            + rng.Next(0, 10_000).ToString("D4")   // establishment number
            + rng.Next(0, 100).ToString("D2");     // year of allocation
        body += temporary
            ? rng.Next(0, 100).ToString("D2") + Letters[rng.Next(Letters.Length)]
            : rng.Next(0, 1000).ToString("D3");

        return CheckLetter(body) + body;
    }

    /// <summary>
    /// DfE algorithm: multiply characters 2 to 13 by weights 2 to 13 (a letter in position 13
    /// counts as its place in the letter table), add up, and the sum mod 23 picks the letter.
    /// </summary>
    private static char CheckLetter(ReadOnlySpan<char> last12)
    {
        int sum = 0;
        for (int i = 0; i < 12; i++)
        {
            char c = last12[i];
            int value = char.IsAsciiDigit(c) ? c - '0' : Letters.IndexOf(c, StringComparison.Ordinal);
            sum += value * (i + 2);
        }

        return Letters[sum % 23];
    }
}
