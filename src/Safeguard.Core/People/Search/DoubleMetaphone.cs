using System.Text;

namespace Safeguard.Core.People.Search;

/// <summary>
/// The primary key of Double Metaphone (Lawrence Philips, C/C++ Users Journal, June 2000),
/// written from the published rules. We keep only the primary key: one key per token fits a
/// plain indexed column, and the primary key already makes the British spelling variants we
/// care about agree (Smith/Smyth, Stephen/Steven, Aisha/Ayesha, Leigh/Lee ...).
/// "0" stands for "th" and "X" for "sh"/"ch", as in the original.
/// </summary>
internal sealed class DoubleMetaphone
{
    private const int MaxLength = 4;

    private readonly string _word;   // padded with spaces, so rules can look past the end
    private readonly int _last;      // index of the last real letter
    private readonly bool _slavoGermanic;
    private readonly StringBuilder _key = new();

    private DoubleMetaphone(string word)
    {
        _word = word + "     ";
        _last = word.Length - 1;
        _slavoGermanic = word.Contains('W', StringComparison.Ordinal) || word.Contains('K', StringComparison.Ordinal)
            || word.Contains("CZ", StringComparison.Ordinal) || word.Contains("WITZ", StringComparison.Ordinal);
    }

    /// <summary>The primary key of an upper-case word made of the letters A–Z only.</summary>
    public static string Primary(string word) => word.Length == 0 ? "" : new DoubleMetaphone(word).Encode();

    private string Encode()
    {
        int i = 0;

        // Silent first letters: GNome, KNight, PNeumonia, WRite, PSychology.
        if (At(0, "GN", "KN", "PN", "WR", "PS"))
        {
            i = 1;
        }

        // Xavier: an initial X sounds like S.
        if (_word[0] == 'X')
        {
            _key.Append('S');
            i = 1;
        }

        while (_key.Length < MaxLength && i <= _last)
        {
            i += _word[i] switch
            {
                'A' or 'E' or 'I' or 'O' or 'U' or 'Y' => Vowel(i),
                'B' => Simple(i, "P", 'B'),
                'C' => C(i),
                'D' => D(i),
                'F' => Simple(i, "F", 'F'),
                'G' => G(i),
                'H' => H(i),
                'J' => J(i),
                'K' => Simple(i, "K", 'K'),
                'L' => Simple(i, "L", 'L'),
                'M' => M(i),
                'N' => Simple(i, "N", 'N'),
                'P' => P(i),
                'Q' => Simple(i, "K", 'Q'),
                'R' => R(i),
                'S' => S(i),
                'T' => T(i),
                'V' => Simple(i, "F", 'V'),
                'W' => W(i),
                'X' => X(i),
                'Z' => Z(i),
                _ => 1,
            };
        }

        return _key.Length > MaxLength ? _key.ToString(0, MaxLength) : _key.ToString();
    }

    // Each rule below adds to the key and returns how many letters it used.

    /// <summary>Vowels only count at the start, all as "A".</summary>
    private int Vowel(int i)
    {
        if (i == 0)
        {
            Add("A");
        }

        return 1;
    }

    /// <summary>A letter with one sound; a doubled letter is one sound (Abbott, Phillip).</summary>
    private int Simple(int i, string sound, char same)
    {
        Add(sound);
        return Char(i + 1) == same ? 2 : 1;
    }

    private int C(int i)
    {
        // Germanic "ach": Bacher, Macher.
        if (i > 1 && !IsVowel(i - 2) && At(i - 1, "ACH") && Char(i + 2) != 'I'
            && (Char(i + 2) != 'E' || At(i - 2, "BACHER", "MACHER")))
        {
            return Add("K", 2);
        }

        if (i == 0 && At(i, "CAESAR"))
        {
            return Add("S", 2);
        }

        if (At(i, "CHIA"))
        {
            return Add("K", 2); // Chianti
        }

        if (At(i, "CH"))
        {
            if (i > 0 && At(i, "CHAE"))
            {
                return Add("K", 2); // Michael
            }

            // Greek roots at the start: Character, Charisma, Chorus, Chemistry (but not Chore).
            if (i == 0 && (At(i + 1, "HARAC", "HARIS") || At(i + 1, "HOR", "HYM", "HIA", "HEM")) && !At(0, "CHORE"))
            {
                return Add("K", 2);
            }

            // Germanic and Greek "ch" that sounds like K: Orchestra, Architect, Schmidt, Christopher.
            if (At(0, "VAN ", "VON ", "SCH") || At(i - 2, "ORCHES", "ARCHIT", "ORCHID") || At(i + 2, "T", "S")
                || ((At(i - 1, "A", "O", "U", "E") || i == 0) && At(i + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ")))
            {
                return Add("K", 2);
            }

            return Add(i > 0 && At(0, "MC") ? "K" : "X", 2); // McHugh; otherwise "ch" as in Charles
        }

        if (At(i, "CZ") && !At(i - 2, "WICZ"))
        {
            return Add("S", 2); // Czerny
        }

        if (At(i + 1, "CIA"))
        {
            return Add("X", 3); // Focaccia
        }

        // Double C, but not McClellan.
        if (At(i, "CC") && !(i == 1 && Char(0) == 'M'))
        {
            if (At(i + 2, "I", "E", "H") && !At(i + 2, "HU"))
            {
                // Accident, Succeed sound "ks"; Bacci sounds "ch".
                return Add((i == 1 && Char(0) == 'A') || At(i - 1, "UCCEE", "UCCES") ? "KS" : "X", 3);
            }

            return Add("K", 2); // Bacchus
        }

        if (At(i, "CK", "CG", "CQ"))
        {
            return Add("K", 2);
        }

        if (At(i, "CI", "CE", "CY"))
        {
            return Add("S", 2); // Cecil, Cynthia
        }

        Add("K");
        if (At(i + 1, " C", " Q", " G"))
        {
            return 3; // Mac Caffrey, Mac Gregor
        }

        return At(i + 1, "C", "K", "Q") && !At(i + 1, "CE", "CI") ? 2 : 1;
    }

    private int D(int i)
    {
        if (At(i, "DG"))
        {
            return At(i + 2, "I", "E", "Y") ? Add("J", 3) : Add("TK", 2); // Edge; Edgar
        }

        return Add("T", At(i, "DT", "DD") ? 2 : 1);
    }

    private int G(int i)
    {
        if (Char(i + 1) == 'H')
        {
            if (i > 0 && !IsVowel(i - 1))
            {
                return Add("K", 2); // after a consonant GH is a hard G
            }

            if (i == 0)
            {
                return Add(Char(i + 2) == 'I' ? "J" : "K", 2); // Ghislaine; Ghent
            }

            // Parker's rule: silent in Hugh, Bough, Broughton.
            if ((i > 1 && At(i - 2, "B", "H", "D")) || (i > 2 && At(i - 3, "B", "H", "D")) || (i > 3 && At(i - 4, "B", "H")))
            {
                return 2;
            }

            if (i > 2 && Char(i - 1) == 'U' && At(i - 3, "C", "G", "L", "R", "T"))
            {
                Add("F"); // Laugh, McLaughlin, Cough, Tough
            }
            else if (i > 0 && Char(i - 1) != 'I')
            {
                Add("K");
            }

            return 2; // silent after "i": Leigh, Haigh
        }

        if (Char(i + 1) == 'N')
        {
            if (i == 1 && IsVowel(0) && !_slavoGermanic)
            {
                return Add("KN", 2);
            }

            return Add(!At(i + 2, "EY") && !_slavoGermanic ? "N" : "KN", 2); // Campagne
        }

        if (At(i + 1, "LI") && !_slavoGermanic)
        {
            return Add("KL", 2); // Tagliaro
        }

        // At the start, G before these letters is hard in the primary key: Gilbert, Gerald, Gibson.
        if (i == 0 && (Char(i + 1) == 'Y' || At(i + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
        {
            return Add("K", 2);
        }

        if ((At(i + 1, "ER") || Char(i + 1) == 'Y') && !At(0, "DANGER", "RANGER", "MANGER")
            && !At(i - 1, "E", "I") && !At(i - 1, "RGY", "OGY"))
        {
            return Add("K", 2); // Tiger, Bergy
        }

        if (At(i + 1, "E", "I", "Y") || At(i - 1, "AGGI", "OGGI"))
        {
            // Germanic names and "-get" keep a hard G; otherwise soft: George, Gemma.
            return Add(At(0, "VAN ", "VON ", "SCH") || At(i + 1, "ET") ? "K" : "J", 2);
        }

        return Add("K", Char(i + 1) == 'G' ? 2 : 1);
    }

    /// <summary>H is sounded only at the start or between vowels (Mohammed keeps it, John does not).</summary>
    private int H(int i)
    {
        if ((i == 0 || IsVowel(i - 1)) && IsVowel(i + 1))
        {
            return Add("H", 2);
        }

        return 1;
    }

    private int J(int i)
    {
        // Spanish: Jose, San Jacinto.
        if (At(i, "JOSE") || At(0, "SAN "))
        {
            return Add((i == 0 && Char(i + 4) == ' ') || At(0, "SAN ") ? "H" : "J", 1);
        }

        if (i == 0
            || (IsVowel(i - 1) && !_slavoGermanic && (Char(i + 1) == 'A' || Char(i + 1) == 'O'))
            || i == _last
            || (!At(i + 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !At(i - 1, "S", "K", "L")))
        {
            Add("J");
        }

        return Char(i + 1) == 'J' ? 2 : 1;
    }

    private int M(int i)
    {
        Add("M");

        // Dumb, Thumb, Plumber: the B is silent.
        bool silentB = At(i - 1, "UMB") && (i + 1 == _last || At(i + 2, "ER"));
        return silentB || Char(i + 1) == 'M' ? 2 : 1;
    }

    private int P(int i)
    {
        if (Char(i + 1) == 'H')
        {
            return Add("F", 2); // Philip, Stephen
        }

        return Add("P", At(i + 1, "P", "B") ? 2 : 1); // Campbell
    }

    private int R(int i)
    {
        // French endings such as Rogier: the R is silent.
        bool silent = i == _last && !_slavoGermanic && At(i - 2, "IE") && !At(i - 4, "ME", "MA");
        if (!silent)
        {
            Add("R");
        }

        return Char(i + 1) == 'R' ? 2 : 1;
    }

    private int S(int i)
    {
        if (At(i - 1, "ISL", "YSL"))
        {
            return 1; // Island, Carlisle
        }

        if (i == 0 && At(i, "SUGAR"))
        {
            return Add("X", 1);
        }

        if (At(i, "SH"))
        {
            return Add(At(i + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X", 2); // Germanic "s-h"; otherwise "sh"
        }

        if (At(i, "SIO", "SIA"))
        {
            return Add("S", 3); // Session, Asia
        }

        // Smith, Snider, Schmidt-like starts and "sz".
        if ((i == 0 && At(i + 1, "M", "N", "L", "W")) || At(i + 1, "Z"))
        {
            return Add("S", At(i + 1, "Z") ? 2 : 1);
        }

        if (At(i, "SC"))
        {
            if (Char(i + 2) == 'H')
            {
                if (At(i + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                {
                    return Add(At(i + 3, "ER", "EN") ? "X" : "SK", 3); // Schenker; Schooner
                }

                return Add("X", 3); // Schmidt, Schneider
            }

            return Add(At(i + 2, "I", "E", "Y") ? "S" : "SK", 3); // Science; Scott
        }

        // French endings: Artois, Dubois.
        if (!(i == _last && At(i - 2, "AI", "OI")))
        {
            Add("S");
        }

        return At(i + 1, "S", "Z") ? 2 : 1;
    }

    private int T(int i)
    {
        if (At(i, "TION", "TIA", "TCH"))
        {
            return Add("X", 3); // Nation, Patricia, Mitchell
        }

        if (At(i, "TH", "TTH"))
        {
            // Thomas and Germanic names sound a plain T.
            return Add(At(i + 2, "OM", "AM") || At(0, "VAN ", "VON ", "SCH") ? "T" : "0", 2);
        }

        return Add("T", At(i + 1, "T", "D") ? 2 : 1);
    }

    private int W(int i)
    {
        if (At(i, "WR"))
        {
            return Add("R", 2);
        }

        if (i == 0 && (IsVowel(i + 1) || At(i, "WH")))
        {
            Add("A"); // William, Whitney
        }

        // Silent at the end after a vowel (Andrew), and in Polish -ewski.
        if ((i == _last && IsVowel(i - 1)) || At(i - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || At(0, "SCH"))
        {
            return 1;
        }

        if (At(i, "WICZ", "WITZ"))
        {
            return Add("TS", 4);
        }

        return 1;
    }

    private int X(int i)
    {
        // French endings: Breaux is silent.
        if (!(i == _last && (At(i - 3, "IAU", "EAU") || At(i - 2, "AU", "OU"))))
        {
            Add("KS");
        }

        return At(i + 1, "C", "X") ? 2 : 1;
    }

    private int Z(int i)
    {
        if (Char(i + 1) == 'H')
        {
            return Add("J", 2); // Zhao
        }

        return Add("S", Char(i + 1) == 'Z' ? 2 : 1);
    }

    private void Add(string sound) => _key.Append(sound);

    private int Add(string sound, int used)
    {
        _key.Append(sound);
        return used;
    }

    private char Char(int i) => i >= 0 && i < _word.Length ? _word[i] : '\0';

    private bool IsVowel(int i) => Char(i) is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    /// <summary>True when one of the options appears at position i.</summary>
    private bool At(int i, params string[] options)
    {
        if (i < 0)
        {
            return false;
        }

        foreach (var option in options)
        {
            if (i + option.Length <= _word.Length && string.CompareOrdinal(_word, i, option, 0, option.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
