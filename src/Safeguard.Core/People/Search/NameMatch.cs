namespace Safeguard.Core.People.Search;

/// <summary>
/// Scores from 0 to 100 for ranking name search results and spotting possible duplicates.
/// Word order does not matter, so "Smith John" finds John Smith.
/// </summary>
public static class NameMatch
{
    // Points for one query word against one candidate word: the best that applies.
    public const int SameWord = 100;
    public const int SameSound = 85;      // same Double Metaphone key: Smyth / Smith
    public const int OneTypo = 80;        // one edit apart, words of 3+ letters: Jonh / John
    public const int MatchingInitial = 50; // "J" against John

    /// <summary>A match on a previous name counts for a little less than one on the current name.</summary>
    public const double PreviousNameFactor = 0.9;

    /// <summary>
    /// How well a typed name matches a person: the average, over the words typed, of each word's
    /// best match among the person's names. A double-barrelled word scores the better of its parts
    /// (averaged) and its joined form, so "O'Brien-Smith" and "Obriensmith" match each other.
    /// Extra names the person has, and the typed word order, do not lower the score.
    /// </summary>
    public static int Score(string query, string candidateFirst, string candidateLast, params IEnumerable<string?> candidatePreviousNames)
    {
        var words = SearchKeys.Words(query);
        var current = SearchKeys.Tokens($"{candidateFirst} {candidateLast}");
        var previous = candidatePreviousNames.SelectMany(SearchKeys.Tokens).ToList();
        if (words.Count == 0 || (current.Count == 0 && previous.Count == 0))
        {
            return 0;
        }

        double total = 0;
        foreach (var word in words)
        {
            var parts = word.Split('-');
            double partsScore = parts.Average(p => Best(p, current, previous));
            double joinedScore = parts.Length > 1 ? Best(string.Concat(parts), current, previous) : 0;
            total += Math.Max(partsScore, joinedScore);
        }

        return (int)Math.Round(total / words.Count, MidpointRounding.AwayFromZero);
    }

    /// <summary>Points for one normalised word against another (see the constants above).</summary>
    public static int WordScore(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return SameWord;
        }

        if (SearchKeys.Phonetic(a) == SearchKeys.Phonetic(b))
        {
            return SameSound;
        }

        if (a.Length >= 3 && b.Length >= 3 && EditDistance.DamerauLevenshtein(a, b) == 1)
        {
            return OneTypo;
        }

        if ((a.Length == 1 && b[0] == a[0]) || (b.Length == 1 && a[0] == b[0]))
        {
            return MatchingInitial;
        }

        return 0;
    }

    /// <summary>
    /// How likely two records are the same person, 0 to 100:
    /// the same valid NHS number gives 100; two different valid NHS numbers cap the score at 30;
    /// otherwise 60% of the name score plus up to 40 points for date of birth
    /// (40 same date, 30 day and month swapped, 10 same year, 15 when either date is unknown).
    /// The name score is averaged both ways, so "John Smith" against "John Paul Smith" is not 100.
    /// </summary>
    public static int DuplicateScore(MatchPerson a, MatchPerson b)
    {
        var nhsA = NhsNumber.Normalise(a.NhsNumber);
        var nhsB = NhsNumber.Normalise(b.NhsNumber);
        if (nhsA is not null && nhsA == nhsB)
        {
            return 100;
        }

        double nameScore = (NameScore(a, b) + NameScore(b, a)) / 2.0;
        int score = (int)Math.Round(nameScore * 0.6, MidpointRounding.AwayFromZero) + BirthDatePoints(a.DateOfBirth, b.DateOfBirth);

        bool differentNhs = nhsA is not null && nhsB is not null;
        return differentNhs ? Math.Min(score, 30) : score;
    }

    private static int NameScore(MatchPerson query, MatchPerson candidate) =>
        Score($"{query.FirstName} {query.LastName}", candidate.FirstName, candidate.LastName, candidate.PreviousNames ?? []);

    private static int BirthDatePoints(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return 15;
        }

        if (x == y)
        {
            return 40;
        }

        // 03/04 typed as 04/03: a common slip, and US-style dates.
        if (x.Year == y.Year && x.Day == y.Month && x.Month == y.Day)
        {
            return 30;
        }

        return x.Year == y.Year ? 10 : 0;
    }

    private static double Best(string word, IReadOnlyList<string> current, IReadOnlyList<string> previous)
    {
        double best = 0;
        foreach (var token in current)
        {
            best = Math.Max(best, WordScore(word, token));
        }

        foreach (var token in previous)
        {
            best = Math.Max(best, WordScore(word, token) * PreviousNameFactor);
        }

        return best;
    }
}
