using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>GOV.UK text input: <c>&lt;govuk-input asp-for="Input.Name" label="Full name" hint="..." width="20" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-input")]
public class GovukInputTagHelper : GovukFieldTagHelper
{
    public string? Label { get; set; }

    /// <summary>For example govuk-label--l.</summary>
    public string? LabelClass { get; set; }

    public bool LabelIsPageHeading { get; set; }

    public string Type { get; set; } = "text";

    public string? Value { get; set; }

    public string? Autocomplete { get; set; }

    public bool? Spellcheck { get; set; }

    public string? Inputmode { get; set; }

    /// <summary>2, 3, 4, 5, 10, 20 or 30 characters, or a fluid width such as one-half.</summary>
    public string? Width { get; set; }

    public string? InputClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var hasError = FieldError is not null;
        var group = LabelledGroup(Label, LabelClass, LabelIsPageHeading, out var describedBy);

        var input = GovukHtml.Input(GovukHtml.Classes(
            "govuk-input", hasError ? "govuk-input--error" : null, WidthClass(Width), InputClass));
        input.Attributes["id"] = FieldId;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = Type;
        // Never send a password back to the browser.
        GovukHtml.SetIfPresent(input, "value", Type == "password" ? null : CurrentValue(Value));
        GovukHtml.SetIfPresent(input, "autocomplete", Autocomplete);
        GovukHtml.SetIfPresent(input, "inputmode", Inputmode);
        if (Spellcheck is { } spellcheck)
        {
            input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }
        GovukHtml.SetIfPresent(input, "aria-describedby", describedBy);
        group.InnerHtml.AppendHtml(input);

        output.TagName = null;
        output.Content.SetHtmlContent(group);
    }

    internal static string? WidthClass(string? width) => width switch
    {
        null or "" => null,
        _ when width.All(char.IsAsciiDigit) => "govuk-input--width-" + width,
        _ => "govuk-!-width-" + width,
    };
}
