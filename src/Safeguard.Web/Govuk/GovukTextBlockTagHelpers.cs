using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Open&lt;/govuk-tag&gt;</c>.</summary>
[HtmlTargetElement("govuk-tag")]
public class GovukTagTagHelper : TagHelper
{
    /// <summary>grey, green, turquoise, blue, light-blue, purple, pink, red, orange or yellow; none for the default blue.</summary>
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukHtml.Classes("govuk-tag", Colour is null ? null : "govuk-tag--" + Colour));
    }
}

/// <summary>GOV.UK inset text: <c>&lt;govuk-inset-text&gt;...&lt;/govuk-inset-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-inset-text")]
public class GovukInsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-inset-text");
    }
}

/// <summary>GOV.UK warning text: <c>&lt;govuk-warning-text&gt;...&lt;/govuk-warning-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-warning-text")]
public class GovukWarningTextTagHelper : TagHelper
{
    /// <summary>Read by screen readers in place of the "!" icon.</summary>
    public string IconFallbackText { get; set; } = "Warning";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        var icon = GovukHtml.Element("span", "govuk-warning-text__icon");
        icon.Attributes["aria-hidden"] = "true";
        icon.InnerHtml.Append("!");
        var fallback = GovukHtml.Element("span", "govuk-visually-hidden");
        fallback.InnerHtml.Append(IconFallbackText);
        var text = GovukHtml.Element("strong", "govuk-warning-text__text");
        text.InnerHtml.AppendHtml(fallback).Append(" ").AppendHtml(content);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-warning-text");
        output.Content.SetHtmlContent(icon);
        output.Content.AppendHtml(text);
    }
}

/// <summary>GOV.UK back link: <c>&lt;govuk-back-link href="/people" /&gt;</c> reads "Back" unless given content.</summary>
[HtmlTargetElement("govuk-back-link")]
public class GovukBackLinkTagHelper : TagHelper
{
    public string Href { get; set; } = "#";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", Href);
        output.Attributes.SetAttribute("class", "govuk-back-link");
        if (content.IsEmptyOrWhiteSpace)
        {
            output.Content.SetContent("Back");
        }
    }
}
