using Microsoft.AspNetCore.Html;
using Safeguard.Web.Govuk;
using static Safeguard.Web.Tests.Govuk.TagHelperHarness;

namespace Safeguard.Web.Tests.Govuk;

public class DisplayFixtureTests
{
    [Fact]
    public Task Button_default() => AssertMatchesFixture("button", "default", new GovukButtonTagHelper(), "Save and continue");

    [Fact]
    public Task Button_secondary() => AssertMatchesFixture("button", "secondary", new GovukButtonTagHelper { Name = "secondary", Secondary = true }, "Secondary button");

    [Fact]
    public Task Button_warning() => AssertMatchesFixture("button", "warning", new GovukButtonTagHelper { Name = "Warning", Warning = true }, "Warning button");

    [Fact]
    public Task Button_link() => AssertMatchesFixture("button", "link", new GovukButtonTagHelper { Href = "/" }, "Link button");

    [Fact]
    public Task Button_prevent_double_click() => AssertMatchesFixture("button", "prevent double click", new GovukButtonTagHelper { PreventDoubleClick = true }, "Submit");

    [Fact]
    public Task Button_type() => AssertMatchesFixture("button", "type", new GovukButtonTagHelper { Type = "button" }, "Submit");

    [Fact]
    public Task Button_value() => AssertMatchesFixture("button", "value", new GovukButtonTagHelper { Value = "start" }, "Submit");

    private static readonly HtmlString ContactHtml = new("""
        <p class="govuk-body">email@email.com</p>
        <p class="govuk-body">Address line 1<br>Address line 2<br>Address line 3<br>Address line 4<br>Address line 5</p>
        """);

    [Fact]
    public Task Summary_list_default() => AssertMatchesFixture("summary-list", "default", new GovukSummaryListTagHelper
    {
        Rows =
        [
            new("Name", "Firstname Lastname"),
            new("Date of birth", "13/08/1980"),
            new("Contact information", null) { ValueHtml = ContactHtml },
        ],
    });

    [Fact]
    public Task Summary_list_no_border() => AssertMatchesFixture("summary-list", "no-border", new GovukSummaryListTagHelper
    {
        NoBorder = true,
        Rows = [new("Name", "Firstname Lastname"), new("Date of birth", "13/08/1980"), new("Contact information", null) { ValueHtml = ContactHtml }],
    });

    [Fact]
    public Task Summary_list_actions_href() => AssertMatchesFixture("summary-list", "actions href", new GovukSummaryListTagHelper
    {
        Rows = [new("Name", "Firstname Lastname", "https://www.gov.uk", "Go to GOV.UK", ActionHiddenText: "")],
    });

    [Fact]
    public async Task Summary_list_marks_rows_without_actions_when_others_have_them()
    {
        // Like the "with some actions" fixture, but with one action per row, which is all we support.
        var html = await RenderAsync(new GovukSummaryListTagHelper
        {
            Rows = [new("Name", "Firstname Lastname", "#", "Edit", "name"), new("Date of birth", "13/08/1980")],
        });
        Assert.Contains("""<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">""", html, StringComparison.Ordinal);
        Assert.Contains("""Edit<span class="govuk-visually-hidden"> name</span>""", html, StringComparison.Ordinal);
    }

    private static readonly object[][] Months = [["January", "£85", "£95"], ["February", "£75", "£55"], ["March", "£165", "£125"]];
    private static readonly string[] Head = ["Month you apply", "Rate for bicycles", "Rate for vehicles"];

    [Fact]
    public Task Table_default() => AssertMatchesFixture("table", "default", new GovukTableTagHelper { Rows = Months, NumericColumns = [1, 2] });

    [Fact]
    public Task Table_with_head() => AssertMatchesFixture("table", "with head", new GovukTableTagHelper { Head = Head, Rows = Months, NumericColumns = [1, 2] });

    [Fact]
    public Task Table_with_head_and_caption() => AssertMatchesFixture("table", "with head and caption", new GovukTableTagHelper
    {
        Caption = "Caption 1: Months and rates", CaptionClass = "govuk-table__caption--m", FirstCellIsHeader = true,
        Head = Head, Rows = Months, NumericColumns = [1, 2],
    });

    [Fact]
    public Task Table_with_first_cell_is_header() => AssertMatchesFixture("table", "with firstCellIsHeader true",
        new GovukTableTagHelper { FirstCellIsHeader = true, Rows = Months, NumericColumns = [1, 2] });

    [Fact]
    public Task Tag_default() => AssertMatchesFixture("tag", "default", new GovukTagTagHelper(), "Alpha");

    [Fact]
    public Task Tag_grey() => AssertMatchesFixture("tag", "grey", new GovukTagTagHelper { Colour = "grey" }, "Grey");

    [Fact]
    public Task Tag_green() => AssertMatchesFixture("tag", "green", new GovukTagTagHelper { Colour = "green" }, "Green");

    [Fact]
    public Task Notification_banner_default() => AssertMatchesFixture("notification-banner", "default",
        new GovukNotificationBannerTagHelper { Heading = "This publication was withdrawn on 7 March 2014." });

    [Fact]
    public Task Notification_banner_success() => AssertMatchesFixture("notification-banner", "with type as success",
        new GovukNotificationBannerTagHelper { Success = true, Heading = "Email sent to example@email.com" });

    [Fact]
    public Task Notification_banner_with_html() => AssertMatchesFixture("notification-banner", "with text as html",
        new GovukNotificationBannerTagHelper(), """
        <h3 class="govuk-notification-banner__heading">This publication was withdrawn on 7 March 2014</h3>
        <p class="govuk-body">The following 4 files are available</p>
        <ul class="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
          <li><a href="#" class="govuk-notification-banner__link">government-strategy.pdf</a></li>
          <li><a href="#" class="govuk-notification-banner__link">government-strategy-v2.pdf</a></li>
          <li><a href="#" class="govuk-notification-banner__link">government-strategy-v3-FINAL.pdf</a></li>
          <li><a href="#" class="govuk-notification-banner__link">government-strategy-v4-FINAL-v2.pdf</a></li>
        </ul>
        """);

    [Fact]
    public Task Inset_text_default() => AssertMatchesFixture("inset-text", "default", new GovukInsetTextTagHelper(),
        "It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.");

    [Fact]
    public Task Warning_text_default() => AssertMatchesFixture("warning-text", "default", new GovukWarningTextTagHelper(),
        "You can be fined up to £5,000 if you don’t register.");

    [Fact]
    public Task Back_link_default() => AssertMatchesFixture("back-link", "default", new GovukBackLinkTagHelper());

    [Fact]
    public Task Back_link_with_custom_text_and_link() => AssertMatchesFixture("back-link", "with custom text and link",
        new GovukBackLinkTagHelper { Href = "/home" }, "Back to home");

    [Fact]
    public Task Pagination_default() => AssertMatchesFixture("pagination", "default", new GovukPaginationTagHelper
    {
        CurrentPage = 2, PageCount = 3, HrefFormat = "/page/{0}", PreviousHref = "/previous", NextHref = "/next",
    });

    [Fact]
    public Task Pagination_with_many_pages() => AssertMatchesFixture("pagination", "with many pages", new GovukPaginationTagHelper
    {
        CurrentPage = 10, PageCount = 40, AdjacentPages = 2, HrefFormat = "/page/{0}", PreviousHref = "/previous", NextHref = "/next",
    });

    [Fact]
    public Task Pagination_first_page() => AssertMatchesFixture("pagination", "first page",
        new GovukPaginationTagHelper { CurrentPage = 1, PageCount = 3, HrefFormat = "/page/{0}", NextHref = "/next" });

    [Fact]
    public Task Pagination_last_page() => AssertMatchesFixture("pagination", "last page",
        new GovukPaginationTagHelper { CurrentPage = 3, PageCount = 3, HrefFormat = "/page/{0}", PreviousHref = "/previous" });

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 5, "1 2 … 5")]
    [InlineData(3, 5, "1 2 3 4 5")]
    [InlineData(5, 10, "1 … 4 5 6 … 10")]
    [InlineData(4, 10, "1 2 3 4 5 … 10")]
    [InlineData(10, 10, "1 … 9 10")]
    public void Pagination_pages(int current, int count, string expected) =>
        Assert.Equal(expected, string.Join(' ', GovukPaginationTagHelper.Pages(current, count, 1).Select(p => p?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));

    [Fact]
    public async Task Pagination_renders_nothing_for_one_page() =>
        Assert.Equal("", await RenderAsync(new GovukPaginationTagHelper { CurrentPage = 1, PageCount = 1 }));
}
