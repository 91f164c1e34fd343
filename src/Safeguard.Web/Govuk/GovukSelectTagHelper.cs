using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>GOV.UK select: <c>&lt;govuk-select asp-for="Input.Team" label="Team" items="Model.Teams" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-select")]
public class GovukSelectTagHelper : GovukFieldTagHelper
{
    public string? Label { get; set; }

    public string? LabelClass { get; set; }

    public bool LabelIsPageHeading { get; set; }

    public IEnumerable<GovukOption> Items { get; set; } = [];

    /// <summary>The selected value, instead of the one from asp-for.</summary>
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var hasError = FieldError is not null;
        var group = LabelledGroup(Label, LabelClass, LabelIsPageHeading, out var describedBy);

        var select = GovukHtml.Element("select",
            GovukHtml.Classes("govuk-select", hasError ? "govuk-select--error" : null));
        select.Attributes["id"] = FieldId;
        select.Attributes["name"] = FieldName;
        GovukHtml.SetIfPresent(select, "aria-describedby", describedBy);

        var selected = CurrentValue(Value);
        foreach (var item in Items)
        {
            var option = GovukHtml.Element("option");
            option.Attributes["value"] = item.Value;
            if (item.Value == selected)
            {
                option.Attributes["selected"] = "";
            }
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }
        group.InnerHtml.AppendHtml(select);

        output.TagName = null;
        output.Content.SetHtmlContent(group);
    }
}
