using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>GOV.UK textarea: <c>&lt;govuk-textarea asp-for="Input.Notes" label="Notes" rows="8" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-textarea")]
public class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public string? Label { get; set; }

    public string? LabelClass { get; set; }

    public bool LabelIsPageHeading { get; set; }

    public string? Value { get; set; }

    public int Rows { get; set; } = 5;

    public string? Autocomplete { get; set; }

    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var hasError = FieldError is not null;
        var group = LabelledGroup(Label, LabelClass, LabelIsPageHeading, out var describedBy);

        var textarea = GovukHtml.Element("textarea",
            GovukHtml.Classes("govuk-textarea", hasError ? "govuk-textarea--error" : null));
        textarea.Attributes["id"] = FieldId;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        GovukHtml.SetIfPresent(textarea, "autocomplete", Autocomplete);
        if (Spellcheck is { } spellcheck)
        {
            textarea.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }
        GovukHtml.SetIfPresent(textarea, "aria-describedby", describedBy);
        // Browsers drop one newline straight after <textarea>, so write one to keep any the value starts with.
        textarea.InnerHtml.AppendHtml("\n").Append(CurrentValue(Value) ?? "");
        group.InnerHtml.AppendHtml(textarea);

        output.TagName = null;
        output.Content.SetHtmlContent(group);
    }
}
