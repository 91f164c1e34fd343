using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// GOV.UK error summary listing every ModelState error, each linking to its field: <c>&lt;govuk-error-summary /&gt;</c>.
/// Renders nothing when there are no errors. Errors not tied to a field (key "") are listed without a link.
/// </summary>
[HtmlTargetElement("govuk-error-summary")]
public class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public string Title { get; set; } = "There is a problem";

    public string? Description { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = Errors(ViewContext.ViewData.ModelState, ViewContext.ViewData.ModelMetadata);
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var list = GovukHtml.Element("ul", "govuk-list govuk-error-summary__list");
        foreach (var (message, href) in errors)
        {
            var item = GovukHtml.Element("li");
            if (href is null)
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = GovukHtml.Element("a");
                link.Attributes["href"] = href;
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }
            list.InnerHtml.AppendHtml(item);
        }

        var body = GovukHtml.Element("div", "govuk-error-summary__body");
        if (Description is not null)
        {
            var description = GovukHtml.Element("p");
            description.InnerHtml.Append(Description);
            body.InnerHtml.AppendHtml(description);
        }
        body.InnerHtml.AppendHtml(list);

        var title = GovukHtml.Element("h2", "govuk-error-summary__title");
        title.InnerHtml.Append(Title);
        var alert = GovukHtml.Element("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(title).AppendHtml(body);

        var summary = GovukHtml.Element("div", "govuk-error-summary");
        summary.Attributes["data-module"] = "govuk-error-summary";
        summary.InnerHtml.AppendHtml(alert);
        output.TagName = null;
        output.Content.SetHtmlContent(summary);
    }

    /// <summary>Each distinct message once, in the order of the fields on the page, with the id of the field to jump to.</summary>
    internal static List<(string Message, string? Href)> Errors(ModelStateDictionary modelState, ModelMetadata? model)
    {
        var errors = new List<(string, string?)>();
        var seen = new HashSet<string>();
        // ModelState does not keep the order errors were added in, so follow the order the model declares its properties.
        foreach (var (key, entry) in modelState.OrderBy(e => Position(model, e.Key), PositionComparer.Instance))
        {
            foreach (var error in entry?.Errors ?? [])
            {
                var message = string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;
                if (seen.Add(message))
                {
                    errors.Add((message, key.Length == 0 ? null : "#" + GovukIds.For(FieldToFocus(modelState, key))));
                }
            }
        }
        return errors;
    }

    // "Input.DateOfBirth.Month" becomes the index of each property in its parent, such as [0, 3, 1].
    // Errors for the whole model (key "") come first; keys the metadata does not know go last.
    private static List<int> Position(ModelMetadata? metadata, string key)
    {
        var position = new List<int>();
        foreach (var segment in key.Length == 0 ? [] : key.Split('.'))
        {
            var name = segment.Split('[')[0];
            var properties = metadata?.Properties.ToList() ?? [];
            var index = properties.FindIndex(p => p.PropertyName == name);
            if (index < 0)
            {
                position.Add(int.MaxValue);
                break;
            }
            position.Add(index);
            metadata = segment.Contains('[', StringComparison.Ordinal) ? properties[index].ElementMetadata : properties[index];
        }
        return position;
    }

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }
            return x.Count.CompareTo(y.Count);
        }
    }

    // A whole-date error is keyed by the date; the link should land on its day box, which binding keyed "X.Day".
    private static string FieldToFocus(ModelStateDictionary modelState, string key) =>
        modelState.ContainsKey(key + "." + nameof(DateParts.Day)) ? key + "." + nameof(DateParts.Day) : key;
}
