using System.Globalization;
using System.Text;

namespace Safeguard.Core.People.Search;

/// <summary>
/// Search keys for names, simple enough to store in plain indexed columns on SQLite and
/// PostgreSQL alike: normalised text, tokens and phonetic keys, compared with "=" or a prefix LIKE.
/// </summary>
public static class SearchKeys
{
    /// <summary>
    /// Lower-case, without accents or apostrophes, words separated by single spaces.
    /// Hyphens separate words too: "  O'Brien-Smith " becomes "obrien smith".
    /// </summary>
    public static string Normalise(string? name) =>
        string.Join(' ', Words(name).Select(w => w.Replace('-', ' ')));

    /// <summary>
    /// The normalised tokens of a name. A hyphenated name gives its parts and the joined form,
    /// so "Mary O'Brien-Smith" gives "mary", "obrien", "smith" and "obriensmith".
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? fullName)
    {
        var tokens = new List<string>();
        foreach (var word in Words(fullName))
        {
            var parts = word.Split('-');
            tokens.AddRange(parts);
            if (parts.Length > 1)
            {
                tokens.Add(string.Concat(parts));
            }
        }

        return tokens.Distinct().ToList();
    }

    /// <summary>
    /// A phonetic key: the primary Double Metaphone code (Lawrence Philips, 2000), at most four
    /// characters. Smith and Smyth both give "SM0"; Catherine, Katherine and Kathryn give "K0RN".
    /// Like other sound keys it ignores vowels after the first letter, so Ali and Ella share "AL";
    /// that is why <see cref="NameMatch"/> scores a sound match below an exact one.
    /// Empty when the token has no letters.
    /// </summary>
    public static string Phonetic(string? token)
    {
        // Ranking search results encodes the same few thousand names over and over: remember them.
        // The cache is capped so odd input cannot grow it without limit.
        token ??= "";
        if (PhoneticCache.TryGetValue(token, out var known)) return known;
        var key = Encode(token);
        if (PhoneticCache.Count < 200_000) PhoneticCache.TryAdd(token, key);
        return key;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PhoneticCache = new(StringComparer.Ordinal);

    private static string Encode(string token)
    {
        var letters = new StringBuilder();
        foreach (char c in Normalise(token))
        {
            if (char.IsAsciiLetterLower(c))
            {
                letters.Append(char.ToUpperInvariant(c));
            }
        }

        return DoubleMetaphone.Primary(letters.ToString());
    }

    /// <summary>
    /// The words of a name, normalised, with hyphens kept inside a word ("obrien-smith")
    /// so callers can tell double-barrelled names apart.
    /// </summary>
    internal static List<string> Words(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return words;
        }

        // Decomposing splits "é" into "e" and an accent mark, which we then drop.
        var text = new StringBuilder();
        foreach (char c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || IsApostrophe(c))
            {
                continue;
            }

            if (IsHyphen(c))
            {
                text.Append('-');
            }
            else if (char.IsLetterOrDigit(c))
            {
                text.Append(FoldLetter(char.ToLowerInvariant(c)));
            }
            else
            {
                text.Append(' '); // full stops, commas and other punctuation separate words
            }
        }

        foreach (var chunk in text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = chunk.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0)
            {
                words.Add(string.Join('-', parts));
            }
        }

        return words;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014';

    /// <summary>Letters that do not decompose into a base letter plus an accent.</summary>
    private static string FoldLetter(char c) => c switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        _ => c.ToString(),
    };
}
