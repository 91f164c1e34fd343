using Safeguard.Web.Govuk;
using static Safeguard.Web.Tests.Govuk.TagHelperHarness;

namespace Safeguard.Web.Tests.Govuk;

public class TextFieldFixtureTests
{
    private const string NinoHint = "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.";

    [Fact]
    public Task Input_default() => AssertMatchesFixture("input", "default",
        new GovukInputTagHelper { Name = "test-name", Label = "National Insurance number" });

    [Fact]
    public Task Input_with_hint_text() => AssertMatchesFixture("input", "with hint text",
        new GovukInputTagHelper { Id = "input-with-hint-text", Name = "test-name-2", Label = "National insurance number", Hint = NinoHint });

    [Fact]
    public Task Input_with_error_message() => AssertMatchesFixture("input", "with error message",
        new GovukInputTagHelper
        {
            Id = "input-with-error-message", Name = "test-name-3", Label = "National Insurance number",
            ErrorMessage = "Enter a National Insurance number in the correct format",
        });

    [Fact]
    public Task Input_with_error_and_hint() => AssertMatchesFixture("input", "with error and hint",
        new GovukInputTagHelper
        {
            Id = "with-error-hint", Name = "with-error-hint", Label = "National insurance number", Hint = NinoHint,
            ErrorMessage = "Enter a National Insurance number in the correct format",
        });

    [Fact]
    public Task Input_with_width_10_class() => AssertMatchesFixture("input", "with width-10 class",
        new GovukInputTagHelper { Id = "input-width-10", Name = "test-width-10", Label = "National insurance number", Hint = NinoHint, Width = "10" });

    [Fact]
    public Task Input_with_label_as_page_heading() => AssertMatchesFixture("input", "with label as page heading",
        new GovukInputTagHelper
        {
            Id = "input-with-page-heading", Name = "test-name", Label = "National Insurance number",
            LabelClass = "govuk-label--l", LabelIsPageHeading = true,
        });

    [Fact]
    public Task Input_with_autocomplete_attribute() => AssertMatchesFixture("input", "with autocomplete attribute",
        new GovukInputTagHelper { Id = "input-with-autocomplete-attribute", Name = "postcode", Label = "Postcode", Autocomplete = "postal-code" });

    [Fact]
    public Task Input_with_spellcheck_disabled() => AssertMatchesFixture("input", "with spellcheck disabled",
        new GovukInputTagHelper { Id = "input-with-spellcheck-disabled", Name = "spellcheck", Label = "Spellcheck is disabled", Spellcheck = false });

    [Fact]
    public Task Input_inputmode() => AssertMatchesFixture("input", "inputmode",
        new GovukInputTagHelper { Id = "with-inputmode", Name = "with-inputmode", Label = "With inputmode", Inputmode = "decimal" });

    [Fact]
    public Task Input_value() => AssertMatchesFixture("input", "value",
        new GovukInputTagHelper { Id = "with-value", Name = "with-value", Label = "With value", Value = "QQ 12 34 56 C" });

    [Fact]
    public Task Textarea_default() => AssertMatchesFixture("textarea", "default",
        new GovukTextareaTagHelper { Name = "more-detail", Label = "Can you provide more detail?" });

    [Fact]
    public Task Textarea_with_hint() => AssertMatchesFixture("textarea", "with hint",
        new GovukTextareaTagHelper
        {
            Id = "more-detail", Name = "more-detail", Label = "Can you provide more detail?",
            Hint = "Don't include personal or financial information, eg your National Insurance number or credit card details.",
        });

    [Fact]
    public Task Textarea_with_error_message() => AssertMatchesFixture("textarea", "with error message",
        new GovukTextareaTagHelper
        {
            Id = "no-ni-reason", Name = "no-ni-reason", Label = "Why can’t you provide a National Insurance number?",
            ErrorMessage = "You must provide an explanation",
        });

    [Fact]
    public Task Textarea_with_default_value() => AssertMatchesFixture("textarea", "with default value",
        new GovukTextareaTagHelper { Id = "full-address", Name = "address", Label = "Full address", Value = "221B Baker Street\nLondon\nNW1 6XE\n" });

    [Fact]
    public Task Textarea_with_custom_rows() => AssertMatchesFixture("textarea", "with custom rows",
        new GovukTextareaTagHelper { Id = "full-address", Name = "address", Label = "Full address", Rows = 8 });

    [Fact]
    public Task Textarea_with_hint_and_error_message() => AssertMatchesFixture("textarea", "with hint and error message",
        new GovukTextareaTagHelper { Id = "with-hint-error", Name = "with-hint-error", Label = "With hint and error", Hint = "Hint", ErrorMessage = "Error message" });

    [Fact]
    public Task Select_with_hint_text_and_error_message() => AssertMatchesFixture("select", "with hint text and error message",
        new GovukSelectTagHelper
        {
            Id = "select-2", Name = "select-2", Label = "Label text goes here", Hint = "Hint text goes here", ErrorMessage = "Error message goes here",
            Items = [new("1", "GOV.UK frontend option 1"), new("2", "GOV.UK frontend option 2"), new("3", "GOV.UK frontend option 3")],
        });
}
