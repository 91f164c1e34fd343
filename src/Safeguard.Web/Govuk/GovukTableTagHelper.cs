using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// GOV.UK table: <c>&lt;govuk-table caption="Referrals" head="Model.Head" rows="Model.Rows" first-cell-is-header /&gt;</c>.
/// A cell that is <see cref="IHtmlContent"/> (a link, a tag) is written as it is; anything else is shown as text.
/// </summary>
[HtmlTargetElement("govuk-table")]
public class GovukTableTagHelper : TagHelper
{
    public string? Caption { get; set; }

    /// <summary>For example govuk-table__caption--m.</summary>
    public string? CaptionClass { get; set; }

    public IEnumerable<string>? Head { get; set; }

    public IEnumerable<IEnumerable<object?>> Rows { get; set; } = [];

    public bool FirstCellIsHeader { get; set; }

    /// <summary>Zero-based columns to right-align, for numbers.</summary>
    public IEnumerable<int> NumericColumns { get; set; } = [];

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var numeric = NumericColumns.ToHashSet();
        var table = GovukHtml.Element("table", "govuk-table");
        if (Caption is not null)
        {
            var caption = GovukHtml.Element("caption", GovukHtml.Classes("govuk-table__caption", CaptionClass));
            caption.InnerHtml.Append(Caption);
            table.InnerHtml.AppendHtml(caption);
        }

        if (Head is not null)
        {
            var row = GovukHtml.Element("tr", "govuk-table__row");
            var column = 0;
            foreach (var text in Head)
            {
                var th = GovukHtml.Element("th", GovukHtml.Classes("govuk-table__header", numeric.Contains(column++) ? "govuk-table__header--numeric" : null));
                th.Attributes["scope"] = "col";
                th.InnerHtml.Append(text);
                row.InnerHtml.AppendHtml(th);
            }
            var head = GovukHtml.Element("thead", "govuk-table__head");
            head.InnerHtml.AppendHtml(row);
            table.InnerHtml.AppendHtml(head);
        }

        var body = GovukHtml.Element("tbody", "govuk-table__body");
        foreach (var cells in Rows)
        {
            var row = GovukHtml.Element("tr", "govuk-table__row");
            var column = 0;
            foreach (var cell in cells)
            {
                var isHeader = FirstCellIsHeader && column == 0;
                var element = isHeader
                    ? GovukHtml.Element("th", "govuk-table__header")
                    : GovukHtml.Element("td", GovukHtml.Classes("govuk-table__cell", numeric.Contains(column) ? "govuk-table__cell--numeric" : null));
                if (isHeader)
                {
                    element.Attributes["scope"] = "row";
                }
                if (cell is IHtmlContent html)
                {
                    element.InnerHtml.AppendHtml(html);
                }
                else
                {
                    element.InnerHtml.Append(Convert.ToString(cell, CultureInfo.CurrentCulture) ?? "");
                }
                row.InnerHtml.AppendHtml(element);
                column++;
            }
            body.InnerHtml.AppendHtml(row);
        }
        table.InnerHtml.AppendHtml(body);

        output.TagName = null;
        output.Content.SetHtmlContent(table);
    }
}
