using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// One row of a summary list. Value is shown as text; set ValueHtml instead for markup you have already made safe.
/// ActionHiddenText finishes the link for screen readers ("Change" + " date of birth") and defaults to the key.
/// </summary>
public sealed record SummaryListRow(string Key, string? Value, string? ActionHref = null, string ActionText = "Change", string? ActionHiddenText = null)
{
    public IHtmlContent? ValueHtml { get; init; }
}

/// <summary>GOV.UK summary list: <c>&lt;govuk-summary-list rows="Model.Rows" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-summary-list")]
public class GovukSummaryListTagHelper : TagHelper
{
    public IEnumerable<SummaryListRow> Rows { get; set; } = [];

    public bool NoBorder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var rows = Rows.ToList();
        var anyActions = rows.Any(r => r.ActionHref is not null);

        var list = GovukHtml.Element("dl", GovukHtml.Classes("govuk-summary-list", NoBorder ? "govuk-summary-list--no-border" : null));
        foreach (var row in rows)
        {
            var hasAction = row.ActionHref is not null;
            // GOV.UK keeps rows lined up when only some have actions.
            var element = GovukHtml.Element("div", GovukHtml.Classes(
                "govuk-summary-list__row", anyActions && !hasAction ? "govuk-summary-list__row--no-actions" : null));

            var key = GovukHtml.Element("dt", "govuk-summary-list__key");
            key.InnerHtml.Append(row.Key);
            var value = GovukHtml.Element("dd", "govuk-summary-list__value");
            if (row.ValueHtml is not null)
            {
                value.InnerHtml.AppendHtml(row.ValueHtml);
            }
            else
            {
                value.InnerHtml.Append(row.Value ?? "");
            }
            element.InnerHtml.AppendHtml(key).AppendHtml(value);

            if (hasAction)
            {
                var link = GovukHtml.Element("a", "govuk-link");
                link.Attributes["href"] = row.ActionHref;
                link.InnerHtml.Append(row.ActionText);
                var hidden = row.ActionHiddenText ?? row.Key;
                if (hidden.Length > 0)
                {
                    var span = GovukHtml.Element("span", "govuk-visually-hidden");
                    span.InnerHtml.Append(" " + hidden);
                    link.InnerHtml.AppendHtml(span);
                }
                var actions = GovukHtml.Element("dd", "govuk-summary-list__actions");
                actions.InnerHtml.AppendHtml(link);
                element.InnerHtml.AppendHtml(actions);
            }
            list.InnerHtml.AppendHtml(element);
        }

        output.TagName = null;
        output.Content.SetHtmlContent(list);
    }
}
