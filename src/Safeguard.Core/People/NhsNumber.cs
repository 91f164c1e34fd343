namespace Safeguard.Core.People;

/// <summary>
/// NHS numbers: ten digits, the last a modulus 11 check digit.
/// People type them with spaces or hyphens ("943 476 5919"), so we accept both.
/// </summary>
public static class NhsNumber
{
    /// <summary>True when the text is a well-formed NHS number with a correct check digit.</summary>
    public static bool IsValid(string? input) => Normalise(input) is not null;

    /// <summary>
    /// The ten digits with spaces and hyphens removed ("9434765919"),
    /// or null when the text is not a valid NHS number.
    /// </summary>
    public static string? Normalise(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var digits = new char[10];
        int count = 0;
        foreach (char c in input)
        {
            if (c == '-' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c < '0' || c > '9' || count == 10)
            {
                return null;
            }

            digits[count++] = c;
        }

        if (count != 10)
        {
            return null;
        }

        var number = new string(digits);
        return CheckDigit(number.AsSpan(0, 9)) == number[9] - '0' ? number : null;
    }

    /// <summary>
    /// Shows a valid number as "943 476 5919". Anything else is returned trimmed but otherwise
    /// unchanged, so a screen can still show what was typed.
    /// </summary>
    public static string Format(string? input)
    {
        var number = Normalise(input);
        if (number is null)
        {
            return input?.Trim() ?? "";
        }

        return $"{number[..3]} {number[3..6]} {number[6..]}";
    }

    /// <summary>
    /// A valid synthetic number starting 999. NHS test numbers use that range, so demo data
    /// never belongs to a real person.
    /// </summary>
    public static string Generate(Random rng)
    {
        while (true)
        {
            var first9 = "999" + rng.Next(0, 1_000_000).ToString("D6");
            int check = CheckDigit(first9);
            if (check >= 0)
            {
                return first9 + (char)('0' + check);
            }
        }
    }

    /// <summary>
    /// Modulus 11: weights 10 down to 2 on the first nine digits; check = 11 - (sum mod 11).
    /// 11 becomes 0; 10 means no valid number has these nine digits, returned as -1.
    /// </summary>
    private static int CheckDigit(ReadOnlySpan<char> first9)
    {
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += (first9[i] - '0') * (10 - i);
        }

        int check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }
}
