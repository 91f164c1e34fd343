namespace Safeguard.Core.People.Codes;

/// <summary>One code with the words shown to users.</summary>
public sealed record CodeItem(string Code, string Label);

/// <summary>
/// A fixed list of codes from a DfE return, in the order the DfE lists them.
/// Codes are compared exactly (upper-case), as the census expects.
/// </summary>
public sealed class CodeList
{
    private readonly Dictionary<string, string> _labels;

    public CodeList(params CodeItem[] items)
    {
        Items = Array.AsReadOnly(items);
        _labels = items.ToDictionary(i => i.Code, i => i.Label, StringComparer.Ordinal);
    }

    /// <summary>All codes, in DfE order (for drop-down lists).</summary>
    public IReadOnlyList<CodeItem> Items { get; }

    public bool IsValid(string? code) => code is not null && _labels.ContainsKey(code);

    /// <summary>The label for a code, or null when the code is not in the list.</summary>
    public string? Label(string? code) => code is not null && _labels.TryGetValue(code, out var label) ? label : null;
}
