namespace Safeguard.Core.SocialWork;

/// <summary>
/// What someone has typed into a long form and not yet saved, kept on the server so nothing is lost when the
/// sign-in expires or the browser closes. One per person and form; saving the form for real removes it.
/// </summary>
public class FormDraft
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>Which form: for example "assessment/42".</summary>
    public required string FormKey { get; set; }
    /// <summary>The form's fields as JSON (name to value).</summary>
    public required string Fields { get; set; }
    public DateTime SavedAtUtc { get; set; }
}
