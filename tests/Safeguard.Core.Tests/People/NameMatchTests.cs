using Safeguard.Core.People;
using Safeguard.Core.People.Search;

namespace Safeguard.Core.Tests.People;

public class NameMatchTests
{
    [Fact]
    public void Exact_name_scores_100()
    {
        Assert.Equal(100, NameMatch.Score("John Smith", "John", "Smith"));
    }

    [Fact]
    public void Word_order_case_and_accents_do_not_matter()
    {
        Assert.Equal(100, NameMatch.Score("smith john", "John", "Smith"));
        Assert.Equal(100, NameMatch.Score("Zoe Renee", "Zoë", "Renée"));
    }

    [Fact]
    public void Hyphens_and_apostrophes_are_tolerated()
    {
        Assert.Equal(100, NameMatch.Score("Mary Obriensmith", "Mary", "O'Brien-Smith"));
        Assert.Equal(100, NameMatch.Score("Mary O'Brien-Smith", "Mary", "Obriensmith"));
        Assert.Equal(100, NameMatch.Score("Mary OBrien Smith", "Mary", "O'Brien-Smith"));
        // Only half the double-barrelled name matches: (100 + (0 + 100) / 2) / 2 = 75.
        Assert.Equal(75, NameMatch.Score("Mary O'Brien-Smith", "Mary", "Smith"));
    }

    [Fact]
    public void A_spelling_variant_scores_as_same_sound()
    {
        // (100 + 85) / 2 = 92.5, rounded up.
        Assert.Equal(93, NameMatch.Score("John Smyth", "John", "Smith"));
        Assert.Equal(85, NameMatch.Score("Katherine", "Catherine", "Jones"));
        Assert.Equal(93, NameMatch.Score("Mohamed Ali", "Muhammad", "Ali"));
    }

    [Fact]
    public void A_single_typo_is_tolerated()
    {
        Assert.Equal(NameMatch.OneTypo, NameMatch.WordScore("smiht", "smith"));   // swapped letters
        Assert.Equal(NameMatch.OneTypo, NameMatch.WordScore("jomes", "jones"));   // wrong letter
        Assert.Equal(90, NameMatch.Score("John Smiht", "John", "Smith"));          // (100 + 80) / 2
    }

    [Fact]
    public void Two_typos_or_different_names_score_nothing()
    {
        Assert.Equal(0, NameMatch.WordScore("smith", "jones"));
        Assert.Equal(0, NameMatch.WordScore("jones", "james"));   // two edits, different sound
        Assert.Equal(50, NameMatch.Score("John Jones", "John", "Smith"));
        Assert.Equal(0, NameMatch.Score("Peter Jones", "John", "Smith"));
    }

    [Fact]
    public void An_initial_matches_half()
    {
        Assert.Equal(75, NameMatch.Score("J Smith", "John", "Smith"));
    }

    [Fact]
    public void Previous_names_match_for_slightly_less()
    {
        // Jones was her surname before: (100 + 100 * 0.9) / 2 = 95.
        Assert.Equal(95, NameMatch.Score("Mary Jones", "Mary", "Smith", "Jones"));
        Assert.Equal(100, NameMatch.Score("Mary Smith", "Mary", "Smith", "Jones"));
    }

    [Fact]
    public void Empty_input_scores_0()
    {
        Assert.Equal(0, NameMatch.Score("", "John", "Smith"));
        Assert.Equal(0, NameMatch.Score("John", "", ""));
    }

    [Fact]
    public void Duplicate_with_same_nhs_number_is_100_whatever_the_names()
    {
        var a = new MatchPerson("John", "Smith", NhsNumber: "943 476 5919");
        var b = new MatchPerson("Jack", "Brown", NhsNumber: "9434765919");
        Assert.Equal(100, NameMatch.DuplicateScore(a, b));
    }

    [Fact]
    public void Duplicate_with_different_nhs_numbers_is_at_most_30()
    {
        var dob = new DateOnly(2015, 3, 4);
        var a = new MatchPerson("John", "Smith", dob, "9434765919");
        var b = new MatchPerson("John", "Smith", dob, NhsNumber.Generate(new Random(1)));
        Assert.Equal(30, NameMatch.DuplicateScore(a, b));
    }

    [Fact]
    public void Duplicate_combines_name_and_date_of_birth()
    {
        var john = new MatchPerson("John", "Smith", new DateOnly(2015, 3, 4));

        // Same name: 60 from the name, then the date of birth.
        Assert.Equal(100, NameMatch.DuplicateScore(john, john with { }));
        Assert.Equal(90, NameMatch.DuplicateScore(john, john with { DateOfBirth = new DateOnly(2015, 4, 3) }));
        Assert.Equal(70, NameMatch.DuplicateScore(john, john with { DateOfBirth = new DateOnly(2015, 9, 20) }));
        Assert.Equal(60, NameMatch.DuplicateScore(john, john with { DateOfBirth = new DateOnly(2012, 3, 4) }));
        Assert.Equal(75, NameMatch.DuplicateScore(john, john with { DateOfBirth = null }));

        // Spelling variant in swapped order: names score 93 both ways; 0.6 * 93 = 55.8 -> 56, plus 40.
        Assert.Equal(96, NameMatch.DuplicateScore(john, new MatchPerson("Smyth", "John", new DateOnly(2015, 3, 4))));

        // Different person born the same day: name 0, date 40.
        Assert.Equal(40, NameMatch.DuplicateScore(john, new MatchPerson("Peter", "Jones", new DateOnly(2015, 3, 4))));
    }

    [Fact]
    public void Duplicate_name_score_is_symmetric()
    {
        var a = new MatchPerson("John", "Smith");
        var b = new MatchPerson("John Paul", "Smith");

        // John Smith -> John Paul Smith is 100; back again (100 + 0 + 100) / 3 = 67; average 83.5 -> 84.
        // 0.6 * 83.5 = 50.1 -> 50, plus 15 for unknown dates.
        Assert.Equal(65, NameMatch.DuplicateScore(a, b));
        Assert.Equal(NameMatch.DuplicateScore(a, b), NameMatch.DuplicateScore(b, a));
    }
}
