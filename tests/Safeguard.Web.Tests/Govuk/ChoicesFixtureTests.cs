using Safeguard.Web.Govuk;
using static Safeguard.Web.Tests.Govuk.TagHelperHarness;

namespace Safeguard.Web.Tests.Govuk;

public class ChoicesFixtureTests
{
    private static readonly GovukOption[] YesNo = [new("yes", "Yes"), new("no", "No")];

    private static readonly GovukOption[] Nationalities =
        [new("british", "British"), new("irish", "Irish"), new("other", "Citizen of another country")];

    [Fact]
    public Task Radios_default() => AssertMatchesFixture("radios", "default",
        new GovukRadiosTagHelper { Name = "example-default", Legend = "Have you changed your name?", Items = YesNo });

    [Fact]
    public Task Radios_inline() => AssertMatchesFixture("radios", "inline",
        new GovukRadiosTagHelper
        {
            Id = "example", Name = "example", Inline = true, Value = "no", Items = YesNo,
            Legend = "Have you changed your name?",
            Hint = "This includes changing your last name or spelling your name differently.",
        });

    [Fact]
    public Task Radios_with_hints_on_items() => AssertMatchesFixture("radios", "with hints on items",
        new GovukRadiosTagHelper
        {
            Id = "gov", Name = "gov",
            Legend = "How do you want to sign in?", LegendClass = "govuk-fieldset__legend--l", LegendIsPageHeading = true,
            Items =
            [
                new("gateway", "Sign in with Government Gateway", "You’ll have a user ID if you’ve registered for Self Assessment or filed a tax return online before.", "gateway"),
                new("verify", "Sign in with GOV.UK Verify", "You’ll have an account if you’ve already proved your identity with either Barclays, CitizenSafe, Digidentity, Experian, Post Office, Royal Mail or SecureIdentity.", "verify"),
            ],
        });

    [Fact]
    public Task Radios_with_fieldset_and_error_message() => AssertMatchesFixture("radios", "with fieldset and error message",
        new GovukRadiosTagHelper
        {
            Id = "example", Name = "example", Value = "no", Items = YesNo,
            Legend = "Have you changed your name?", ErrorMessage = "Please select an option",
        });

    private static GovukOption[] HowContacted(string emailLabel) =>
    [
        new("email", "Email", Conditional: Reveal("context-email", emailLabel)),
        new("phone", "Phone", Conditional: Reveal("contact-phone", "Phone number")),
        new("text", "Text message", Conditional: Reveal("contact-text-message", "Mobile phone number")),
    ];

    private static Microsoft.AspNetCore.Html.HtmlString Reveal(string id, string label) =>
        new($"<label class=\"govuk-label\" for=\"{id}\">{label}</label>\n<input class=\"govuk-input govuk-!-width-one-third\" name=\"{id}\" type=\"text\" id=\"{id}\">\n");

    [Fact]
    public Task Radios_with_conditional_items() => AssertMatchesFixture("radios", "with conditional items",
        new GovukRadiosTagHelper { Name = "how-contacted", Legend = "How do you want to be contacted?", Items = HowContacted("Email address") });

    [Fact]
    public Task Radios_with_conditional_item_checked() => AssertMatchesFixture("radios", "with conditional item checked",
        new GovukRadiosTagHelper { Name = "how-contacted-checked", Value = "email", Legend = "How do you want to be contacted?", Items = HowContacted("Email") });

    [Fact]
    public Task Checkboxes_default() => AssertMatchesFixture("checkboxes", "default",
        new GovukCheckboxesTagHelper { Name = "nationality", Legend = "What is your nationality?", Items = Nationalities });

    [Fact]
    public Task Checkboxes_with_hint() => AssertMatchesFixture("checkboxes", "with hint",
        new GovukCheckboxesTagHelper { Name = "nationality", Legend = "What is your nationality?", Hint = "Select all that apply", Items = Nationalities });

    [Fact]
    public Task Checkboxes_with_error_message() => AssertMatchesFixture("checkboxes", "with error message",
        new GovukCheckboxesTagHelper
        {
            Name = "waste", Legend = "Which types of waste do you transport regularly?", ErrorMessage = "Please select an option",
            Items =
            [
                new("animal", "Waste from animal carcasses", "Nullam id dolor id nibh ultricies vehicula ut id elit."),
                new("mines", "Waste from mines or quarries", "Nullam id dolor id nibh ultricies vehicula ut id elit."),
                new("farm", "Farm or agricultural waste", "Nullam id dolor id nibh ultricies vehicula ut id elit."),
            ],
        });

    [Fact]
    public Task Checkboxes_with_error_message_and_hint() => AssertMatchesFixture("checkboxes", "with error message and hint",
        new GovukCheckboxesTagHelper
        {
            Name = "example", Legend = "What is your nationality?", ErrorMessage = "Please select an option",
            Hint = "If you have dual nationality, select all options that are relevant to you.",
            Items = [new("british", "British"), new("irish", "Irish")],
        });

    // The fixtures' revealed fields, by item value: what a govuk-conditional child would hand its parent.
    private static T WithContactConditionals<T>(T helper, string emailLabel = "Email address") where T : GovukChoicesTagHelper
    {
        helper.Conditionals["email"] = new Microsoft.AspNetCore.Html.HtmlString(
            $"<label class=\"govuk-label\" for=\"context-email\">{emailLabel}</label><input class=\"govuk-input govuk-!-width-one-third\" name=\"context-email\" type=\"text\" id=\"context-email\">");
        helper.Conditionals["phone"] = new Microsoft.AspNetCore.Html.HtmlString(
            "<label class=\"govuk-label\" for=\"contact-phone\">Phone number</label><input class=\"govuk-input govuk-!-width-one-third\" name=\"contact-phone\" type=\"text\" id=\"contact-phone\">");
        helper.Conditionals["text"] = new Microsoft.AspNetCore.Html.HtmlString(
            "<label class=\"govuk-label\" for=\"contact-text-message\">Mobile phone number</label><input class=\"govuk-input govuk-!-width-one-third\" name=\"contact-text-message\" type=\"text\" id=\"contact-text-message\">");
        return helper;
    }

    private static readonly GovukOption[] ContactWays = [new("email", "Email"), new("phone", "Phone"), new("text", "Text message")];

    [Fact]
    public Task Radios_with_conditional_items_from_child_elements() => AssertMatchesFixture("radios", "with conditional items",
        WithContactConditionals(new GovukRadiosTagHelper { Id = "how-contacted", Name = "how-contacted", Legend = "How do you want to be contacted?", Items = ContactWays }));

    [Fact]
    public Task Radios_with_conditional_item_checked_from_child_elements() => AssertMatchesFixture("radios", "with conditional item checked",
        WithContactConditionals(new GovukRadiosTagHelper
        {
            Id = "how-contacted-checked", Name = "how-contacted-checked", Value = "email", Legend = "How do you want to be contacted?", Items = ContactWays,
        }, emailLabel: "Email"));

    [Fact]
    public Task Checkboxes_with_conditional_items() => AssertMatchesFixture("checkboxes", "with conditional items",
        WithContactConditionals(new GovukCheckboxesTagHelper
        {
            Id = "how-contacted", Name = "with-conditional-items", Legend = "How do you want to be contacted?", Items = ContactWays,
        }));

    [Fact]
    public Task Checkboxes_checked_values() =>
        // The only fixtures that tick boxes also reveal conditional content, so check "checked" directly.
        AssertRendersChecked(new GovukCheckboxesTagHelper { Name = "n", Legend = "L", Items = Nationalities, Values = ["irish", "other"] }, "irish", "other");

    private static async Task AssertRendersChecked(GovukCheckboxesTagHelper helper, params string[] expected)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await RenderAsync(helper));
        var ticked = document.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value"));
        Assert.Equal(expected, ticked);
    }
}
