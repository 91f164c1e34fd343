using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// GOV.UK date input bound to a <see cref="DateParts"/>:
/// <c>&lt;govuk-date-input asp-for="Input.DateOfBirth" legend="What is their date of birth?" hint="For example, 27 3 2007" autocomplete="bday" /&gt;</c>.
/// With asp-for the boxes are named "X.Day", "X.Month" and "X.Year" so they bind, and errors are read from
/// ModelState under "X" (whole date) or "X.Day" etc. (single boxes); see <see cref="DateErrorExtensions.AddDateError"/>.
/// Without asp-for, give id and optionally name-prefix, and the boxes are named as GOV.UK does ("prefix-day").
/// </summary>
[HtmlTargetElement("govuk-date-input")]
public class GovukDateInputTagHelper : GovukFieldTagHelper
{
    public string? Legend { get; set; }

    public string? LegendClass { get; set; }

    public bool LegendIsPageHeading { get; set; }

    public string? NamePrefix { get; set; }

    /// <summary>The values, instead of the ones from asp-for.</summary>
    public DateParts? Value { get; set; }

    /// <summary>Which boxes to highlight, instead of the ones ModelState says.</summary>
    public DateFields? ErrorFields { get; set; }

    /// <summary>A prefix for the boxes' autocomplete, such as "bday" for bday-day, bday-month and bday-year.</summary>
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = For is null ? Id ?? throw new InvalidOperationException("govuk-date-input needs asp-for or id.") : FieldId;
        var modelState = ViewContext.ViewData.ModelState;
        var key = For is null ? null : FieldName;

        var partErrors = DateInputParts.All
            .Select(p => key is null ? null : GovukIds.FirstError(modelState, $"{key}.{p.Property}"))
            .ToArray();
        var wholeError = key is null ? null : GovukIds.FirstError(modelState, key);
        var error = ErrorMessage ?? wholeError ?? partErrors.FirstOrDefault(e => e is not null);

        var highlighted = ErrorFields ?? Highlighted(wholeError, partErrors, error);

        var hintId = Hint is null ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";
        var fieldset = GovukHtml.Fieldset(GovukHtml.DescribedBy(hintId, errorId), Legend ?? DisplayName, LegendClass, LegendIsPageHeading, isGroup: true);
        if (Hint is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint));
        }
        if (error is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error));
        }

        var inputs = GovukHtml.Element("div", "govuk-date-input");
        inputs.Attributes["id"] = id;
        foreach (var part in DateInputParts.All)
        {
            inputs.InnerHtml.AppendHtml(Item(part, id, key, highlighted.HasFlag(part.Field)));
        }
        fieldset.InnerHtml.AppendHtml(inputs);

        var group = GovukHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(fieldset);
        output.TagName = null;
        output.Content.SetHtmlContent(group);
    }

    private static DateFields Highlighted(string? wholeError, string?[] partErrors, string? error)
    {
        var fields = wholeError is null ? DateFields.None : DateFields.All;
        for (var i = 0; i < partErrors.Length; i++)
        {
            if (partErrors[i] is not null)
            {
                fields |= DateInputParts.All[i].Field;
            }
        }
        // As in GOV.UK: an error message with no box singled out highlights them all.
        return fields == DateFields.None && error is not null ? DateFields.All : fields;
    }

    private TagBuilder Item(DateInputParts part, string id, string? key, bool hasError)
    {
        var name = key is not null ? $"{key}.{part.Property}" : NamePrefix is null ? part.Name : $"{NamePrefix}-{part.Name}";
        var partId = key is not null ? GovukIds.For(name) : $"{id}-{part.Name}";

        var input = GovukHtml.Input(GovukHtml.Classes(
            "govuk-input govuk-date-input__input", hasError ? "govuk-input--error" : null, "govuk-input--width-" + part.Width));
        input.Attributes["id"] = partId;
        input.Attributes["name"] = name;
        input.Attributes["type"] = "text";
        GovukHtml.SetIfPresent(input, "value", PartValue(part, key));
        GovukHtml.SetIfPresent(input, "autocomplete", Autocomplete is null ? null : $"{Autocomplete}-{part.Name}");
        input.Attributes["inputmode"] = "numeric";

        var group = GovukHtml.Element("div", "govuk-form-group");
        group.InnerHtml.AppendHtml(GovukHtml.Label(partId, part.Property, "govuk-date-input__label", isPageHeading: false));
        group.InnerHtml.AppendHtml(input);
        var item = GovukHtml.Element("div", "govuk-date-input__item");
        item.InnerHtml.AppendHtml(group);
        return item;
    }

    private string? PartValue(DateInputParts part, string? key)
    {
        if (Value is not null || key is null)
        {
            return part.ValueOf(Value);
        }
        if (ViewContext.ViewData.ModelState.TryGetValue($"{key}.{part.Property}", out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }
        return part.ValueOf(For?.Model as DateParts);
    }
}
