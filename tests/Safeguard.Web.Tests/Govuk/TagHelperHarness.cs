using System.Linq.Expressions;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Tests.Govuk;

/// <summary>Runs one tag helper the way Razor would, without a view, and returns its HTML.</summary>
internal static class TagHelperHarness
{
    public static async Task<string> RenderAsync(TagHelper helper, string childContent = "")
    {
        switch (helper)
        {
            case GovukFieldTagHelper field when field.ViewContext is null:
                field.ViewContext = NewViewContext();
                break;
            case GovukErrorSummaryTagHelper summary when summary.ViewContext is null:
                summary.ViewContext = NewViewContext();
                break;
        }

        var context = new TagHelperContext("govuk-test", [], new Dictionary<object, object>(), "test");
        var output = new TagHelperOutput("govuk-test", [], (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            content.SetHtmlContent(childContent);
            return Task.FromResult<TagHelperContent>(content);
        });
        helper.Init(context);
        await helper.ProcessAsync(context, output);
        // Razor uses the child content when a tag helper leaves Content alone.
        if (!output.IsContentModified)
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    public static async Task AssertMatchesFixture(string component, string fixture, TagHelper helper, string childContent = "") =>
        HtmlStructure.AssertSame(GovukFixtures.Html(component, fixture), await RenderAsync(helper, childContent));

    public static ViewContext NewViewContext(ModelStateDictionary? modelState = null) => new()
    {
        HttpContext = new DefaultHttpContext(),
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), modelState ?? new ModelStateDictionary()),
    };

    /// <summary>A view context for a page whose model is <paramref name="model"/>, and an asp-for expression on it.</summary>
    public static (ViewContext ViewContext, ModelExpression For) Bind<TModel, TValue>(
        TModel model, Expression<Func<TModel, TValue>> expression, ModelStateDictionary? modelState = null)
    {
        var metadata = new EmptyModelMetadataProvider();
        var viewData = new ViewDataDictionary<TModel>(metadata, modelState ?? new ModelStateDictionary()) { Model = model };
        var viewContext = new ViewContext { HttpContext = new DefaultHttpContext(), ViewData = viewData };
        return (viewContext, new ModelExpressionProvider(metadata).CreateModelExpression(viewData, expression));
    }
}
