namespace Safeguard.Core.People.Search;

/// <summary>How many single-character typos separate two words.</summary>
internal static class EditDistance
{
    /// <summary>
    /// Damerau–Levenshtein distance, optimal string alignment form: inserting, deleting or
    /// changing a character, or swapping two neighbours ("Jonh" for "John"), each counts as one edit.
    /// </summary>
    public static int DamerauLevenshtein(string a, string b)
    {
        // d[i, j] = edits to turn the first i characters of a into the first j of b.
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);

                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
