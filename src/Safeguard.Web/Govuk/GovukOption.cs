namespace Safeguard.Web.Govuk;

/// <summary>One choice in a select, radios or checkboxes. Id and Hint are only used by radios and checkboxes.</summary>
public sealed record GovukOption(string Value, string Text, string? Hint = null, string? Id = null);
