using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// GOV.UK notification banner: <c>&lt;govuk-notification-banner success heading="Referral saved" /&gt;</c>,
/// or with HTML content inside it. The success variant is announced (role alert) and focused by GOV.UK's script.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public class GovukNotificationBannerTagHelper : TagHelper
{
    public bool Success { get; set; }

    /// <summary>Defaults to "Success" or "Important".</summary>
    public string? Title { get; set; }

    /// <summary>A one-line message, shown as the banner's heading before any content.</summary>
    public string? Heading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();

        var title = GovukHtml.Element("h2", "govuk-notification-banner__title");
        title.Attributes["id"] = "govuk-notification-banner-title";
        title.InnerHtml.Append(Title ?? (Success ? "Success" : "Important"));
        var header = GovukHtml.Element("div", "govuk-notification-banner__header");
        header.InnerHtml.AppendHtml(title);

        var body = GovukHtml.Element("div", "govuk-notification-banner__content");
        if (Heading is not null)
        {
            var heading = GovukHtml.Element("p", "govuk-notification-banner__heading");
            heading.InnerHtml.Append(Heading);
            body.InnerHtml.AppendHtml(heading);
        }
        body.InnerHtml.AppendHtml(content);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", GovukHtml.Classes("govuk-notification-banner", Success ? "govuk-notification-banner--success" : null));
        output.Attributes.SetAttribute("role", Success ? "alert" : "region");
        output.Attributes.SetAttribute("aria-labelledby", "govuk-notification-banner-title");
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");
        output.Content.SetHtmlContent(header);
        output.Content.AppendHtml(body);
    }
}
