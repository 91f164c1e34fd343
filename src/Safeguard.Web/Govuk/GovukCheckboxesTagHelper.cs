using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>GOV.UK checkboxes: <c>&lt;govuk-checkboxes asp-for="Input.Roles" legend="..." items="Model.Roles" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-checkboxes")]
public class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    /// <summary>The checked values, instead of the ones from asp-for.</summary>
    public IEnumerable<string>? Values { get; set; }

    private HashSet<string>? _checked;

    protected override string Kind => "checkboxes";

    protected override string InputType => "checkbox";

    protected override bool IsChecked(string value) => (_checked ??= CheckedValues()).Contains(value);

    private HashSet<string> CheckedValues()
    {
        if (Values is not null)
        {
            return [.. Values];
        }
        // Redisplaying a post: what was ticked, even if it did not bind.
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string one => [one],
                IEnumerable many => [.. many.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")],
                var other => [Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""],
            };
        }
        return For?.Model switch
        {
            null => [],
            bool ticked => ticked ? ["true"] : [],
            string one => [one],
            IEnumerable many => [.. many.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")],
            var other => [Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""],
        };
    }
}
