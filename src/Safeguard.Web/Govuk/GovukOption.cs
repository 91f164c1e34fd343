using Microsoft.AspNetCore.Html;

namespace Safeguard.Web.Govuk;

/// <summary>
/// One choice in a select, radios or checkboxes. Id, Hint and Conditional are only used by radios and checkboxes:
/// Conditional is markup GOV.UK Frontend reveals when the choice is selected (it is always in the page and posted).
/// </summary>
public sealed record GovukOption(string Value, string Text, string? Hint = null, string? Id = null, IHtmlContent? Conditional = null);
