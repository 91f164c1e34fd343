using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Safeguard.Web.Govuk;

/// <summary>
/// Radios and checkboxes share their markup: a fieldset with legend, hint and error,
/// then one item per option. The first item's id is the field id, so error summary links land on it.
/// An item can reveal more fields when chosen: put <c>&lt;govuk-conditional value="..."&gt;</c> inside the tag
/// (GOV.UK Frontend's script shows and hides it; without script it is always shown).
/// </summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    public string? Legend { get; set; }

    /// <summary>For example govuk-fieldset__legend--l.</summary>
    public string? LegendClass { get; set; }

    public bool LegendIsPageHeading { get; set; }

    public IEnumerable<GovukOption> Items { get; set; } = [];

    /// <summary>"radios" or "checkboxes", as in the GOV.UK class names.</summary>
    protected abstract string Kind { get; }

    protected abstract string InputType { get; }

    protected virtual string? ListClass => null;

    protected abstract bool IsChecked(string value);

    /// <summary>Content revealed under an item when it is chosen, by the item's value (filled by govuk-conditional children).</summary>
    [HtmlAttributeNotBound]
    public Dictionary<string, IHtmlContent> Conditionals { get; } = [];

    // Children see a copy of the items, but the same helper, so govuk-conditional can add to Conditionals.
    public override void Init(TagHelperContext context) => context.Items[typeof(GovukChoicesTagHelper)] = this;

    /// <summary>What an item reveals: given on the option itself, or by a govuk-conditional child.</summary>
    private IHtmlContent? Revealed(GovukOption option) => option.Conditional ?? Conditionals.GetValueOrDefault(option.Value);

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        await output.GetChildContentAsync();
        var idPrefix = FieldId;
        var error = FieldError;
        var hintId = Hint is null ? null : idPrefix + "-hint";
        var errorId = error is null ? null : idPrefix + "-error";

        var fieldset = GovukHtml.Fieldset(GovukHtml.DescribedBy(hintId, errorId), Legend ?? DisplayName, LegendClass, LegendIsPageHeading);
        if (Hint is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint));
        }
        if (error is not null)
        {
            fieldset.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error));
        }

        var list = GovukHtml.Element("div", GovukHtml.Classes("govuk-" + Kind, ListClass));
        list.Attributes["data-module"] = "govuk-" + Kind;
        var index = 0;
        foreach (var item in Items)
        {
            index++;
            var id = item.Id ?? (index == 1 ? idPrefix : $"{idPrefix}-{index}");
            list.InnerHtml.AppendHtml(Item(item, id));
            if (Revealed(item) is { } revealed)
            {
                var conditional = GovukHtml.Element("div", GovukHtml.Classes(
                    $"govuk-{Kind}__conditional", IsChecked(item.Value) ? null : $"govuk-{Kind}__conditional--hidden"));
                conditional.Attributes["id"] = "conditional-" + id;
                conditional.InnerHtml.AppendHtml(revealed);
                list.InnerHtml.AppendHtml(conditional);
            }
        }
        fieldset.InnerHtml.AppendHtml(list);

        var group = GovukHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(fieldset);
        output.TagName = null;
        output.Content.SetHtmlContent(group);
    }

    private TagBuilder Item(GovukOption option, string id)
    {
        var hintId = option.Hint is null ? null : id + "-item-hint";

        var input = GovukHtml.Input($"govuk-{Kind}__input");
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = InputType;
        input.Attributes["value"] = option.Value;
        if (IsChecked(option.Value))
        {
            input.Attributes["checked"] = "";
        }
        GovukHtml.SetIfPresent(input, "aria-describedby", hintId);
        if (Revealed(option) is not null)
        {
            input.Attributes["data-aria-controls"] = "conditional-" + id;
        }

        var item = GovukHtml.Element("div", $"govuk-{Kind}__item");
        item.InnerHtml.AppendHtml(input);
        item.InnerHtml.AppendHtml(GovukHtml.Label(id, option.Text, $"govuk-{Kind}__label", isPageHeading: false));
        if (option.Hint is not null)
        {
            item.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, option.Hint, $"govuk-{Kind}__hint"));
        }
        return item;
    }
}

/// <summary>GOV.UK radios: <c>&lt;govuk-radios asp-for="Input.Answer" legend="..." items="Model.Options" inline /&gt;</c>.</summary>
[HtmlTargetElement("govuk-radios")]
public class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    /// <summary>The checked value, instead of the one from asp-for.</summary>
    public string? Value { get; set; }

    public bool Inline { get; set; }

    /// <summary>GOV.UK's small radios, for a question repeated down a list (one per row).</summary>
    public bool Small { get; set; }

    protected override string Kind => "radios";

    protected override string InputType => "radio";

    protected override string? ListClass => GovukHtml.Classes(Inline ? "govuk-radios--inline" : null, Small ? "govuk-radios--small" : null);

    protected override bool IsChecked(string value) => value == CurrentValue(Value);
}
