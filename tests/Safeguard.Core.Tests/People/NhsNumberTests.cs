using Safeguard.Core.People;

namespace Safeguard.Core.Tests.People;

public class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("  943 476 5919 ")]
    public void Accepts_valid_numbers_with_spaces_or_hyphens(string input)
    {
        Assert.True(NhsNumber.IsValid(input));
        Assert.Equal("9434765919", NhsNumber.Normalise(input));
        Assert.Equal("943 476 5919", NhsNumber.Format(input));
    }

    [Theory]
    [InlineData("9434765918")]    // wrong check digit (should be 9)
    [InlineData("943476591")]     // nine digits
    [InlineData("94347659190")]   // eleven digits
    [InlineData("94347A5919")]    // a letter
    [InlineData("943.476.5919")]  // other separators are not accepted
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_invalid_numbers(string? input)
    {
        Assert.False(NhsNumber.IsValid(input));
        Assert.Null(NhsNumber.Normalise(input));
    }

    [Fact]
    public void Rejects_every_number_whose_check_digit_works_out_as_10()
    {
        // 0000200000: the only non-zero digit is 2 at weight 6, so the sum is 12;
        // 12 mod 11 = 1 and 11 - 1 = 10, which no check digit can be.
        for (char last = '0'; last <= '9'; last++)
        {
            Assert.False(NhsNumber.IsValid("000020000" + last));
        }
    }

    [Fact]
    public void A_check_of_11_means_a_check_digit_of_0()
    {
        // 0100000010: 1 at weight 9 and 1 at weight 2 sum to 11; 11 mod 11 = 0 and 11 - 0 = 11,
        // which becomes a check digit of 0.
        Assert.True(NhsNumber.IsValid("0100000010"));
        Assert.False(NhsNumber.IsValid("0100000011"));
    }

    [Fact]
    public void Format_leaves_invalid_input_as_typed()
    {
        Assert.Equal("12345", NhsNumber.Format(" 12345 "));
        Assert.Equal("", NhsNumber.Format(null));
    }

    [Fact]
    public void Generated_numbers_are_valid_and_in_the_999_test_range()
    {
        var rng = new Random(42);
        for (int i = 0; i < 1000; i++)
        {
            var number = NhsNumber.Generate(rng);
            Assert.True(NhsNumber.IsValid(number), number);
            Assert.StartsWith("999", number, StringComparison.Ordinal);
        }
    }
}
