namespace Safeguard.Core;

/// <summary>What a person typed, as it is kept.</summary>
public static class Typed
{
    /// <summary>Null when nothing but spaces was typed; otherwise the text without leading and trailing spaces.</summary>
    public static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
