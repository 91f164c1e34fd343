using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Web.Govuk;
using static Safeguard.Web.Tests.Govuk.TagHelperHarness;

namespace Safeguard.Web.Tests.Govuk;

/// <summary>The asp-for side: names, ids, values and errors taken from the model and ModelState.</summary>
public class BindingTests
{
    public sealed class PersonForm
    {
        public string? FamilyName { get; set; }

        public DateParts DateOfBirth { get; set; } = new();

        public string? Sex { get; set; }

        public List<string> Needs { get; set; } = [];
    }

    [Fact]
    public async Task Input_takes_name_id_label_and_value_from_the_model()
    {
        var (viewContext, aspFor) = Bind(new PersonForm { FamilyName = "Smith" }, m => m.FamilyName);
        var input = (await Render(new GovukInputTagHelper { ViewContext = viewContext, For = aspFor })).QuerySelector("input")!;

        Assert.Equal("FamilyName", input.GetAttribute("name"));
        Assert.Equal("FamilyName", input.Id);
        Assert.Equal("Smith", input.GetAttribute("value"));
    }

    [Fact]
    public async Task Input_shows_the_modelstate_error_and_what_was_typed()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("FamilyName", "Sm1th", "Sm1th");
        modelState.AddModelError("FamilyName", "Family name must only include letters");
        var (viewContext, aspFor) = Bind(new PersonForm { FamilyName = "Smith" }, m => m.FamilyName, modelState);

        var document = await Render(new GovukInputTagHelper { ViewContext = viewContext, For = aspFor, Label = "Family name", Hint = "As on their birth certificate" });

        var input = document.QuerySelector("input")!;
        Assert.Equal("Sm1th", input.GetAttribute("value"));
        Assert.Equal("govuk-input govuk-input--error", input.ClassName);
        Assert.Equal("FamilyName-hint FamilyName-error", input.GetAttribute("aria-describedby"));
        Assert.Contains("govuk-form-group--error", document.QuerySelector(".govuk-form-group")!.ClassList);
        Assert.Equal("Error: Family name must only include letters", document.QuerySelector("#FamilyName-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task Date_input_names_parts_for_binding_and_highlights_only_the_parts_in_error()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("DateOfBirth.Day", "12", "12");
        modelState.SetModelValue("DateOfBirth.Month", "", "");
        modelState.SetModelValue("DateOfBirth.Year", "", "");
        var parts = new DateParts { Day = "12" };
        modelState.AddDateError("DateOfBirth", parts.Validate("Date of birth")!);
        var (viewContext, aspFor) = Bind(new PersonForm { DateOfBirth = parts }, m => m.DateOfBirth, modelState);

        var document = await Render(new GovukDateInputTagHelper { ViewContext = viewContext, For = aspFor, Legend = "What is their date of birth?" });

        var inputs = document.QuerySelectorAll("input").ToList();
        Assert.Equal(["DateOfBirth.Day", "DateOfBirth.Month", "DateOfBirth.Year"], inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(["DateOfBirth_Day", "DateOfBirth_Month", "DateOfBirth_Year"], inputs.Select(i => i.Id));
        Assert.Equal([false, true, true], inputs.Select(i => i.ClassList.Contains("govuk-input--error")));
        Assert.Equal("12", inputs[0].GetAttribute("value"));
        Assert.Equal("Error: Date of birth must include a month and year", document.QuerySelector(".govuk-error-message")!.TextContent.Trim());
        Assert.Equal("DateOfBirth-error", document.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task Error_summary_lists_errors_once_in_field_order_linking_to_each_field()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("FamilyName", "", "");
        modelState.AddModelError("FamilyName", "Enter their family name");
        foreach (var part in new[] { "Day", "Month", "Year" })
        {
            modelState.SetModelValue("DateOfBirth." + part, "", "");
        }
        modelState.AddDateError("DateOfBirth", new DateParts { Day = "12" }.Validate("Date of birth")!);
        modelState.AddModelError("Sex", "Select their sex");
        var (viewContext, _) = Bind(new PersonForm(), m => m.Sex, modelState);

        var document = await Render(new GovukErrorSummaryTagHelper { ViewContext = viewContext });

        var links = document.QuerySelectorAll(".govuk-error-summary__list a")
            .Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal(
            [("#FamilyName", "Enter their family name"), ("#DateOfBirth_Month", "Date of birth must include a month and year"), ("#Sex", "Select their sex")],
            links);
    }

    [Fact]
    public async Task Error_summary_sends_a_whole_date_error_to_the_day_box()
    {
        var modelState = new ModelStateDictionary();
        foreach (var part in new[] { "Day", "Month", "Year" })
        {
            modelState.SetModelValue("DateOfBirth." + part, "", "");
        }
        modelState.AddDateError("DateOfBirth", new DateParts().Validate("Date of birth")!);

        var document = await Render(new GovukErrorSummaryTagHelper { ViewContext = NewViewContext(modelState) });

        Assert.Equal("#DateOfBirth_Day", document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Radios_check_the_model_value_and_the_first_radio_has_the_field_id()
    {
        var (viewContext, aspFor) = Bind(new PersonForm { Sex = "F" }, m => m.Sex);
        var document = await Render(new GovukRadiosTagHelper
        {
            ViewContext = viewContext, For = aspFor, Legend = "Sex", Items = [new("M", "Male"), new("F", "Female")],
        });

        var radios = document.QuerySelectorAll("input").ToList();
        Assert.Equal(["Sex", "Sex-2"], radios.Select(r => r.Id));
        Assert.Equal([false, true], radios.Select(r => r.HasAttribute("checked")));
    }

    [Fact]
    public async Task Checkboxes_tick_what_was_posted()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Needs", new[] { "a", "c" }, "a,c");
        var (viewContext, aspFor) = Bind(new PersonForm { Needs = ["b"] }, m => m.Needs, modelState);
        var document = await Render(new GovukCheckboxesTagHelper
        {
            ViewContext = viewContext, For = aspFor, Legend = "Needs", Items = [new("a", "A"), new("b", "B"), new("c", "C")],
        });

        Assert.Equal(["a", "c"], document.QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value")));
    }

    private static async Task<IDocument> Render(Microsoft.AspNetCore.Razor.TagHelpers.TagHelper helper) =>
        new HtmlParser().ParseDocument(await RenderAsync(helper));
}
