using Safeguard.Core.People.Search;

namespace Safeguard.Core.Tests.People;

public class SearchKeysTests
{
    [Theory]
    [InlineData("  O'Brien-Smith ", "obrien smith")]
    [InlineData("Zoë   Renée", "zoe renee")]
    [InlineData("JOSÉ  Núñez", "jose nunez")]
    [InlineData("Anne–Marie O’Neill", "anne marie oneill")]   // en dash and curly apostrophe
    [InlineData("St. John, Mary", "st john mary")]
    [InlineData("Groß Bjørn", "gross bjorn")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalise_lower_cases_strips_accents_and_tidies_separators(string? input, string expected)
    {
        Assert.Equal(expected, SearchKeys.Normalise(input));
    }

    [Fact]
    public void Tokens_give_hyphenated_parts_and_the_joined_form()
    {
        Assert.Equal(["mary", "obrien", "smith", "obriensmith"], SearchKeys.Tokens("Mary O'Brien-Smith"));
        Assert.Equal(["jean", "paul", "jeanpaul", "dupont"], SearchKeys.Tokens("Jean-Paul Dupont"));
        Assert.Equal(["jean", "paul", "dupont"], SearchKeys.Tokens("Jean - Paul Dupont")); // a spaced hyphen just separates
        Assert.Empty(SearchKeys.Tokens("  - ' "));
    }

    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Mohammed", "Mohamed")]
    [InlineData("Muhammad", "Mohamed")]
    [InlineData("Catherine", "Katherine")]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Jon", "John")]
    [InlineData("Aisha", "Ayesha")]
    [InlineData("Philip", "Phillip")]
    [InlineData("Leigh", "Lee")]
    [InlineData("Zoë", "Zoe")]
    public void Phonetic_keys_match_common_spelling_variants(string a, string b)
    {
        Assert.NotEqual("", SearchKeys.Phonetic(a));
        Assert.Equal(SearchKeys.Phonetic(a), SearchKeys.Phonetic(b));
    }

    [Theory]
    [InlineData("Smith", "Jones")]
    [InlineData("Ali", "Allen")]        // a distinct name, not a spelling of Allen
    [InlineData("Catherine", "Caroline")]
    [InlineData("John", "Joseph")]
    [InlineData("Leigh", "Lewis")]
    public void Phonetic_keys_keep_different_names_apart(string a, string b)
    {
        Assert.NotEqual(SearchKeys.Phonetic(a), SearchKeys.Phonetic(b));
    }

    // Known primary Double Metaphone codes, to catch slips in the rules.
    [Theory]
    [InlineData("Smith", "SM0")]
    [InlineData("Catherine", "K0RN")]
    [InlineData("Mohammed", "MHMT")]
    [InlineData("Stephen", "STFN")]
    [InlineData("Aisha", "AX")]
    [InlineData("Thomas", "TMS")]
    [InlineData("Knight", "NT")]
    [InlineData("Xavier", "SF")]
    [InlineData("Schmidt", "XMT")]
    [InlineData("Christopher", "KRST")]
    [InlineData("Michael", "MKL")]
    [InlineData("Laughlin", "LFLN")]
    [InlineData("Hugh", "H")]
    [InlineData("William", "ALM")]
    [InlineData("George", "JRJ")]
    [InlineData("Campbell", "KMPL")]
    [InlineData("Edge", "AJ")]
    [InlineData("Patricia", "PTRS")]   // "cia" is S in the primary key, X only in the alternate
    [InlineData("Jose", "HS")]
    [InlineData("Bacchus", "PKS")]
    [InlineData("Tagliaro", "TKLR")]
    [InlineData("Caesar", "SSR")]
    [InlineData("Accident", "AKST")]
    [InlineData("Czerny", "SRN")]
    [InlineData("Focaccia", "FKX")]
    [InlineData("Dumb", "TM")]
    [InlineData("Rogier", "RJ")]
    [InlineData("Breaux", "PR")]
    [InlineData("Zhao", "J")]
    [InlineData("Edgar", "ATKR")]
    [InlineData("Gough", "KF")]
    [InlineData("Island", "ALNT")]
    [InlineData("Sugar", "XKR")]
    [InlineData("", "")]
    [InlineData("123", "")]
    public void Phonetic_gives_the_primary_double_metaphone_code(string token, string expected)
    {
        Assert.Equal(expected, SearchKeys.Phonetic(token));
    }
}
