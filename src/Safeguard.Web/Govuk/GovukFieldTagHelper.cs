using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// What every GOV.UK form field shares: the name, id, value and error come from <c>asp-for</c>
/// (and ModelState after a post), and each can be given explicitly instead.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    public string? Name { get; set; }

    public string? Id { get; set; }

    public string? Hint { get; set; }

    /// <summary>Shown instead of any error ModelState holds for the field.</summary>
    public string? ErrorMessage { get; set; }

    protected string FieldName =>
        Name ?? (For is null
            ? throw new InvalidOperationException($"{GetType().Name} needs asp-for or name.")
            : ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name));

    protected string FieldId => Id ?? GovukIds.For(FieldName);

    protected string? DisplayName => For?.Metadata.DisplayName ?? For?.Metadata.PropertyName;

    protected string? FieldError => ErrorMessage ?? GovukIds.FirstError(ViewContext.ViewData.ModelState, FieldName);

    /// <summary>
    /// The form group with label, hint and error message, ready for the control to be appended;
    /// describedBy is what the control's aria-describedby should be.
    /// </summary>
    protected TagBuilder LabelledGroup(string? label, string? labelClass, bool labelIsPageHeading, out string? describedBy)
    {
        var id = FieldId;
        var error = FieldError;
        var hintId = Hint is null ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        var group = GovukHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(GovukHtml.Label(id, label ?? DisplayName, labelClass, labelIsPageHeading));
        if (Hint is not null)
        {
            group.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint));
        }
        if (error is not null)
        {
            group.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error));
        }
        describedBy = GovukHtml.DescribedBy(hintId, errorId);
        return group;
    }

    /// <summary>What the user typed if we are redisplaying a post, else the model's value.</summary>
    protected string? CurrentValue(string? explicitValue)
    {
        if (explicitValue is not null)
        {
            return explicitValue;
        }
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }
        return Convert.ToString(For?.Model, CultureInfo.CurrentCulture);
    }
}

/// <summary>One rule for ids, shared by the fields and the error summary so that summary links land on the field.</summary>
public static class GovukIds
{
    public static string For(string fieldName) => TagBuilder.CreateSanitizedId(fieldName, "_");

    public static string? FirstError(ModelStateDictionary modelState, string key)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            return null;
        }
        var message = entry.Errors[0].ErrorMessage;
        return string.IsNullOrEmpty(message) ? "Enter a valid value" : message;
    }
}
