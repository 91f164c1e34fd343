using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Web.Govuk;
using static Safeguard.Web.Tests.Govuk.TagHelperHarness;

namespace Safeguard.Web.Tests.Govuk;

public class ErrorSummaryFixtureTests
{
    [Fact]
    public Task Default() => AssertMatchesFixture("error-summary", "default", Summary(
        ("example-error-1", "The date your passport was issued must be in the past"),
        ("example-error-2", "Enter a postcode, like AA1 1AA")));

    [Fact]
    public Task Without_links() => AssertMatchesFixture("error-summary", "without links", Summary(
        ("", "Invalid username or password")));

    [Fact]
    public Task Mixed_with_and_without_links() => AssertMatchesFixture("error-summary", "mixed with and without links", Summary(
        ("", "Invalid username or password"),
        ("example-error-1", "Agree to the terms of service to log in")));

    [Fact]
    public Task With_everything()
    {
        var summary = Summary(("", "Invalid username or password"), ("example-error-1", "Agree to the terms of service to log in"));
        summary.Description = "Please fix the errors below.";
        return AssertMatchesFixture("error-summary", "with everything", summary);
    }

    [Fact]
    public async Task Renders_nothing_when_there_are_no_errors()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Name", "Ann", "Ann");
        Assert.Equal("", await RenderAsync(new GovukErrorSummaryTagHelper { ViewContext = NewViewContext(modelState) }));
    }

    private static GovukErrorSummaryTagHelper Summary(params (string Key, string Message)[] errors)
    {
        var modelState = new ModelStateDictionary();
        foreach (var (key, message) in errors)
        {
            modelState.AddModelError(key, message);
        }
        return new GovukErrorSummaryTagHelper { ViewContext = NewViewContext(modelState) };
    }
}
