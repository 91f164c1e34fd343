using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// Fields revealed under one radio or checkbox when it is chosen:
/// <c>&lt;govuk-radios ...&gt;&lt;govuk-conditional value="Other"&gt;&lt;govuk-input ... /&gt;&lt;/govuk-conditional&gt;&lt;/govuk-radios&gt;</c>.
/// It writes nothing where it stands: the parent places it after the item.
/// </summary>
[HtmlTargetElement("govuk-conditional", ParentTag = "govuk-radios")]
[HtmlTargetElement("govuk-conditional", ParentTag = "govuk-checkboxes")]
public class GovukConditionalTagHelper : TagHelper
{
    /// <summary>The value of the item that reveals this content.</summary>
    public string Value { get; set; } = "";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = await output.GetChildContentAsync();
        if (context.Items.TryGetValue(typeof(GovukChoicesTagHelper), out var parent))
        {
            ((GovukChoicesTagHelper)parent).Conditionals[Value] = content;
        }
        output.SuppressOutput();
    }
}
