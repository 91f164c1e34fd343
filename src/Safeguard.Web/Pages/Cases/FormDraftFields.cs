using Microsoft.AspNetCore.Http;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// A posted form as a draft: each field's values, several joined by a separator no one types (checkboxes post
/// one value each). The antiforgery token and the handler are not kept.
/// </summary>
public static class FormDraftFields
{
    private const char Separator = '\u001e';

    public static Dictionary<string, string?> From(IFormCollection form) =>
        form.Where(f => f.Key != "__RequestVerificationToken" && f.Key != "handler")
            .ToDictionary(f => f.Key, f => (string?)string.Join(Separator, f.Value.Select(v => v ?? "")));

    public static string? One(IReadOnlyDictionary<string, string?> fields, string key) => fields.TryGetValue(key, out var v) ? v : null;

    public static List<string> Many(IReadOnlyDictionary<string, string?> fields, string key) =>
        fields.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? [.. v.Split(Separator)] : [];
}
