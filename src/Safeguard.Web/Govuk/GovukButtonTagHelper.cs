using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// GOV.UK button: <c>&lt;govuk-button prevent-double-click&gt;Save&lt;/govuk-button&gt;</c>,
/// <c>&lt;govuk-button secondary href="/people"&gt;Cancel&lt;/govuk-button&gt;</c> (a link styled as a button).
/// </summary>
[HtmlTargetElement("govuk-button")]
public class GovukButtonTagHelper : TagHelper
{
    public string? Href { get; set; }

    public string Type { get; set; } = "submit";

    public string? Name { get; set; }

    public string? Value { get; set; }

    public string? Id { get; set; }

    public bool Secondary { get; set; }

    public bool Warning { get; set; }

    public bool PreventDoubleClick { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var button = GovukHtml.Element(Href is null ? "button" : "a", GovukHtml.Classes(
            "govuk-button", Secondary ? "govuk-button--secondary" : null, Warning ? "govuk-button--warning" : null));
        if (Href is null)
        {
            button.Attributes["type"] = Type;
            GovukHtml.SetIfPresent(button, "name", Name);
            GovukHtml.SetIfPresent(button, "value", Value);
            if (PreventDoubleClick)
            {
                button.Attributes["data-prevent-double-click"] = "true";
            }
        }
        else
        {
            button.Attributes["href"] = Href;
            button.Attributes["role"] = "button";
            button.Attributes["draggable"] = "false";
        }
        GovukHtml.SetIfPresent(button, "id", Id);
        button.Attributes["data-module"] = "govuk-button";
        button.InnerHtml.AppendHtml(content);

        output.TagName = null;
        output.Content.SetHtmlContent(button);
    }
}
