using Safeguard.Core.People;

namespace Safeguard.Core.Tests.People;

public class UpnTests
{
    // Each example is checked by hand. Weights 2..13 apply to characters 2..13, and the
    // sum mod 23 indexes A B C D E F G H J K L M N P Q R T U V W X Y Z (no I, O or S).
    [Theory]
    // 935 2001 12 345: 9*2+3*3+5*4+2*5+0+0+1*8+1*9+2*10+3*11+4*12+5*13 = 240; 240 mod 23 = 10 -> L
    [InlineData("L935200112345")]
    // same with serial 340: 240 - 5*13 = 175; 175 mod 23 = 14 -> Q (Q is in the table)
    [InlineData("Q935200112340")]
    // serial 349: 175 + 9*13 = 292; 292 mod 23 = 16 -> T (S is skipped)
    [InlineData("T935200112349")]
    // 801 2000 05 001: 8*2+1*4+2*5+5*10+1*13 = 93; 93 mod 23 = 1 -> B
    [InlineData("B801200005001")]
    // temporary: 801 2000 05 01A, A counts as 0: 8*2+1*4+2*5+5*10+1*12+0*13 = 92; 92 mod 23 = 0 -> A
    [InlineData("A80120000501A")]
    // temporary: 935 2001 12 34Q: the first eleven digits give 175 as above, Q counts as 14: 175 + 14*13 = 357; 357 mod 23 = 12 -> N
    [InlineData("N93520011234Q")]
    public void Accepts_valid_upns(string upn)
    {
        Assert.True(Upn.IsValid(upn));
        Assert.Null(Upn.Explain(upn));
    }

    [Fact]
    public void A_wrong_check_letter_says_which_letter_was_expected()
    {
        Assert.False(Upn.IsValid("A935200112345"));
        Assert.Equal("The check letter does not match: expected L", Upn.Explain("A935200112345"));
    }

    [Theory]
    [InlineData("L93520011234")]     // 12 characters
    [InlineData("L9352001123456")]   // 14 characters
    [InlineData("9935200112345")]    // starts with a digit
    [InlineData("L93520A112345")]    // letter in the middle
    [InlineData("L93520011234-")]    // last character neither digit nor letter
    [InlineData("")]
    [InlineData(null)]
    public void Explains_a_wrong_shape(string? upn)
    {
        Assert.False(Upn.IsValid(upn));
        Assert.Equal(Upn.FormatMessage, Upn.Explain(upn));
    }

    [Fact]
    public void A_temporary_upn_cannot_end_in_I_O_or_S()
    {
        Assert.Equal("A UPN cannot end in I, O or S", Upn.Explain("A80120000501I"));
    }

    [Fact]
    public void Lower_case_is_accepted_after_Normalise()
    {
        Assert.False(Upn.IsValid("l935200112345"));
        Assert.Equal("Write the letters in a UPN as capitals", Upn.Explain("l935200112345"));

        var normalised = Upn.Normalise("  l935200112345 ");
        Assert.Equal("L935200112345", normalised);
        Assert.True(Upn.IsValid(normalised));
        Assert.True(Upn.IsValid(Upn.Normalise("n93520011234q")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generated_upns_are_valid_and_carry_the_la_code(bool temporary)
    {
        var rng = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            var upn = Upn.Generate(rng, 935, temporary);
            Assert.True(Upn.IsValid(upn), upn);
            Assert.Equal("935", upn[1..4]);
            Assert.Equal(temporary, char.IsAsciiLetter(upn[12]));
        }
    }
}
