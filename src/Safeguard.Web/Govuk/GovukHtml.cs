using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Safeguard.Web.Govuk;

/// <summary>Small builders for the markup pieces that several GOV.UK components share.</summary>
internal static class GovukHtml
{
    public static TagBuilder Element(string tag, string? cssClass = null)
    {
        var element = new TagBuilder(tag);
        if (!string.IsNullOrEmpty(cssClass))
        {
            element.Attributes["class"] = cssClass;
        }
        return element;
    }

    // TagBuilder would write <input></input>; void elements need the start tag only.
    public static TagBuilder Input(string cssClass)
    {
        var input = Element("input", cssClass);
        input.TagRenderMode = TagRenderMode.StartTag;
        return input;
    }

    public static string Classes(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static void SetIfPresent(TagBuilder element, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            element.Attributes[name] = value;
        }
    }

    public static IHtmlContent Label(string id, string? text, string? cssClass, bool isPageHeading)
    {
        var label = Element("label", Classes("govuk-label", cssClass));
        label.Attributes["for"] = id;
        label.InnerHtml.Append(text ?? "");
        if (!isPageHeading)
        {
            return label;
        }
        var heading = Element("h1", "govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static IHtmlContent Hint(string id, string text, string? extraClass = null)
    {
        var hint = Element("div", Classes("govuk-hint", extraClass));
        hint.Attributes["id"] = id;
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static IHtmlContent ErrorMessage(string id, string text)
    {
        var error = Element("p", "govuk-error-message");
        error.Attributes["id"] = id;
        var prefix = Element("span", "govuk-visually-hidden");
        prefix.InnerHtml.Append("Error:");
        error.InnerHtml.AppendHtml(prefix).Append(" " + text);
        return error;
    }

    public static TagBuilder FormGroup(bool hasError) =>
        Element("div", Classes("govuk-form-group", hasError ? "govuk-form-group--error" : null));

    public static TagBuilder Fieldset(string? describedBy, string? legend, string? legendClass, bool isPageHeading, bool isGroup = false)
    {
        var fieldset = Element("fieldset", "govuk-fieldset");
        if (isGroup)
        {
            fieldset.Attributes["role"] = "group";
        }
        SetIfPresent(fieldset, "aria-describedby", describedBy);

        var legendElement = Element("legend", Classes("govuk-fieldset__legend", legendClass));
        if (isPageHeading)
        {
            var heading = Element("h1", "govuk-fieldset__heading");
            heading.InnerHtml.Append(legend ?? "");
            legendElement.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legendElement.InnerHtml.Append(legend ?? "");
        }
        fieldset.InnerHtml.AppendHtml(legendElement);
        return fieldset;
    }

    /// <summary>Joins ids for aria-describedby, skipping the ones not rendered.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = Classes(ids);
        return joined.Length == 0 ? null : joined;
    }
}
