using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// GOV.UK pagination with numbered pages:
/// <c>&lt;govuk-pagination current-page="Model.Page" page-count="Model.PageCount" href-format="/people?page={0}" /&gt;</c>.
/// Shows the first and last pages, the current page and its neighbours, and "⋯" for the gaps. Renders nothing for a single page.
/// </summary>
[HtmlTargetElement("govuk-pagination")]
public class GovukPaginationTagHelper : TagHelper
{
    public int CurrentPage { get; set; } = 1;

    public int PageCount { get; set; }

    /// <summary>A URL with {0} where the page number goes; anything else in it must already be URL-encoded.</summary>
    public string HrefFormat { get; set; } = "?page={0}";

    /// <summary>How many pages either side of the current one get a link.</summary>
    public int AdjacentPages { get; set; } = 1;

    public string? PreviousHref { get; set; }

    public string? NextHref { get; set; }

    private const string PreviousArrow = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>";

    private const string NextArrow = "<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (PageCount <= 1)
        {
            output.SuppressOutput();
            return;
        }

        var nav = GovukHtml.Element("nav", "govuk-pagination");
        nav.Attributes["aria-label"] = "Pagination";
        if (CurrentPage > 1)
        {
            nav.InnerHtml.AppendHtml(ArrowLink("prev", "Previous", PreviousHref ?? Href(CurrentPage - 1)));
        }

        var list = GovukHtml.Element("ul", "govuk-pagination__list");
        foreach (var page in Pages(CurrentPage, PageCount, AdjacentPages))
        {
            list.InnerHtml.AppendHtml(page is null ? Ellipsis() : PageItem(page.Value));
        }
        nav.InnerHtml.AppendHtml(list);

        if (CurrentPage < PageCount)
        {
            nav.InnerHtml.AppendHtml(ArrowLink("next", "Next", NextHref ?? Href(CurrentPage + 1)));
        }

        output.TagName = null;
        output.Content.SetHtmlContent(nav);
    }

    /// <summary>The page numbers to show, with null where an ellipsis goes. A gap of one page shows that page instead.</summary>
    internal static List<int?> Pages(int current, int count, int adjacent)
    {
        var shown = new SortedSet<int> { 1, count };
        for (var page = Math.Max(1, current - adjacent); page <= Math.Min(count, current + adjacent); page++)
        {
            shown.Add(page);
        }
        var pages = new List<int?>();
        var previous = 0;
        foreach (var page in shown)
        {
            if (page - previous == 2)
            {
                pages.Add(page - 1);
            }
            else if (page - previous > 2)
            {
                pages.Add(null);
            }
            pages.Add(page);
            previous = page;
        }
        return pages;
    }

    private string Href(int page) => string.Format(CultureInfo.InvariantCulture, HrefFormat, page);

    private static TagBuilder ArrowLink(string direction, string text, string href)
    {
        var title = GovukHtml.Element("span", "govuk-pagination__link-title");
        var hidden = GovukHtml.Element("span", "govuk-visually-hidden");
        hidden.InnerHtml.Append(" page");
        title.InnerHtml.Append(text).AppendHtml(hidden);

        var link = GovukHtml.Element("a", "govuk-link govuk-pagination__link");
        link.Attributes["href"] = href;
        link.Attributes["rel"] = direction;
        // The previous arrow comes before its text and the next arrow after it.
        if (direction == "prev")
        {
            link.InnerHtml.AppendHtml(PreviousArrow).AppendHtml(title);
        }
        else
        {
            link.InnerHtml.AppendHtml(title).AppendHtml(NextArrow);
        }
        var wrapper = GovukHtml.Element("div", "govuk-pagination__" + direction);
        wrapper.InnerHtml.AppendHtml(link);
        return wrapper;
    }

    private TagBuilder PageItem(int page)
    {
        var isCurrent = page == CurrentPage;
        var link = GovukHtml.Element("a", "govuk-link govuk-pagination__link");
        link.Attributes["href"] = Href(page);
        link.Attributes["aria-label"] = $"Page {page}";
        if (isCurrent)
        {
            link.Attributes["aria-current"] = "page";
        }
        link.InnerHtml.Append(page.ToString(CultureInfo.InvariantCulture));
        var item = GovukHtml.Element("li", GovukHtml.Classes("govuk-pagination__item", isCurrent ? "govuk-pagination__item--current" : null));
        item.InnerHtml.AppendHtml(link);
        return item;
    }

    private static TagBuilder Ellipsis()
    {
        var item = GovukHtml.Element("li", "govuk-pagination__item govuk-pagination__item--ellipsis");
        item.InnerHtml.Append("⋯");
        return item;
    }
}
