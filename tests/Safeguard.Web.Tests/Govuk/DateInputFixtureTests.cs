using Safeguard.Web.Govuk;
using static Safeguard.Web.Tests.Govuk.TagHelperHarness;

namespace Safeguard.Web.Tests.Govuk;

public class DateInputFixtureTests
{
    private const string Legend = "What is your date of birth?";
    private const string Hint = "For example, 31 3 1980";

    [Fact]
    public Task Default() => AssertMatchesFixture("date-input", "default",
        new GovukDateInputTagHelper { Id = "dob", Legend = Legend, Hint = Hint });

    [Fact]
    public Task With_values() => AssertMatchesFixture("date-input", "with values",
        new GovukDateInputTagHelper { Id = "with-values", Legend = Legend, Hint = Hint, Value = new DateParts { Day = "31", Month = "3", Year = "1980" } });

    [Fact]
    public Task With_values_and_name_prefix() => AssertMatchesFixture("date-input", "with values and name prefix",
        new GovukDateInputTagHelper
        {
            Id = "with-values-name-prefix", NamePrefix = "dob", Legend = Legend, Hint = Hint,
            Value = new DateParts { Day = "31", Month = "3", Year = "1980" },
        });

    [Fact]
    public Task With_errors_only() => AssertMatchesFixture("date-input", "with errors only",
        new GovukDateInputTagHelper { Id = "dob-errors", Legend = Legend, ErrorFields = DateFields.All });

    [Fact]
    public Task With_error_message_and_hint() => AssertMatchesFixture("date-input", "with error message and hint",
        new GovukDateInputTagHelper { Id = "dob-errors", Legend = Legend, Hint = Hint, ErrorMessage = "Error message goes here" });

    [Fact]
    public Task With_error_on_day_input() => AssertMatchesFixture("date-input", "with error on day input",
        new GovukDateInputTagHelper { Id = "dob-day-error", Legend = Legend, Hint = Hint, ErrorMessage = "Error message goes here", ErrorFields = DateFields.Day });

    [Fact]
    public Task With_error_on_month_input() => AssertMatchesFixture("date-input", "with error on month input",
        new GovukDateInputTagHelper { Id = "dob-month-error", Legend = Legend, Hint = Hint, ErrorMessage = "Error message goes here", ErrorFields = DateFields.Month });

    [Fact]
    public Task With_autocomplete_values() => AssertMatchesFixture("date-input", "with autocomplete values",
        new GovukDateInputTagHelper
        {
            Id = "dob-with-autocomplete-attribute", NamePrefix = "dob-with-autocomplete", Legend = Legend, Hint = Hint, Autocomplete = "bday",
        });
}
