using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Safeguard.Web.Tests.Govuk;

/// <summary>
/// Compares two pieces of HTML by structure: the same elements, classes (in any order), other attributes
/// (in any order) and text, ignoring whitespace between and around things, comments and entity spelling.
/// </summary>
internal static class HtmlStructure
{
    public static void AssertSame(string expected, string actual)
    {
        var differences = new List<string>();
        CompareChildren(Parse(expected), Parse(actual), "", differences);
        if (differences.Count > 0)
        {
            Assert.Fail(
                $"HTML differs:\n  {string.Join("\n  ", differences)}\n\nExpected:\n{expected}\n\nActual:\n{actual}");
        }
    }

    private static IElement Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html).Body!;

    private static void CompareChildren(INode expected, INode actual, string path, List<string> differences)
    {
        var expectedNodes = Significant(expected);
        var actualNodes = Significant(actual);
        if (expectedNodes.Count != actualNodes.Count)
        {
            differences.Add($"{path}: expected {expectedNodes.Count} children [{Describe(expectedNodes)}], got {actualNodes.Count} [{Describe(actualNodes)}]");
            return;
        }
        for (var i = 0; i < expectedNodes.Count; i++)
        {
            CompareNode(expectedNodes[i], actualNodes[i], $"{path}/{Name(expectedNodes[i])}[{i}]", differences);
        }
    }

    private static void CompareNode(INode expected, INode actual, string path, List<string> differences)
    {
        if (expected is IText expectedText)
        {
            var actualText = actual is IText t ? Normalise(t.Data) : $"<{Name(actual)}>";
            if (Normalise(expectedText.Data) != actualText)
            {
                differences.Add($"{path}: expected text \"{Normalise(expectedText.Data)}\", got \"{actualText}\"");
            }
            return;
        }
        if (expected is not IElement e || actual is not IElement a || e.LocalName != a.LocalName)
        {
            differences.Add($"{path}: expected <{Name(expected)}>, got <{Name(actual)}>");
            return;
        }
        var expectedAttributes = Attributes(e);
        var actualAttributes = Attributes(a);
        foreach (var name in expectedAttributes.Keys.Union(actualAttributes.Keys).Order())
        {
            expectedAttributes.TryGetValue(name, out var want);
            actualAttributes.TryGetValue(name, out var got);
            if (want != got)
            {
                differences.Add($"{path}: attribute {name} expected {Quote(want)}, got {Quote(got)}");
            }
        }
        CompareChildren(e, a, path, differences);
    }

    private static List<INode> Significant(INode parent) =>
        parent.ChildNodes
            .Where(n => n is IElement || (n is IText t && Normalise(t.Data).Length > 0))
            .ToList();

    // Classes are a set; every other attribute is compared by value with whitespace runs collapsed.
    private static Dictionary<string, string> Attributes(IElement element) =>
        element.Attributes.ToDictionary(
            a => a.Name,
            a => a.Name == "class"
                ? string.Join(' ', a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
                : Normalise(a.Value));

    private static string Normalise(string text)
    {
        var builder = new StringBuilder();
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length > 0 ? " " : "").Append(part);
        }
        return builder.ToString();
    }

    private static string Name(INode node) => node is IElement e ? e.LocalName : "#text";

    private static string Describe(IEnumerable<INode> nodes) =>
        string.Join(", ", nodes.Select(n => n is IText t ? $"\"{Normalise(t.Data)}\"" : Name(n)));

    private static string Quote(string? value) => value is null ? "(absent)" : $"\"{value}\"";
}
