using System.Collections.Concurrent;
using System.Text.Json;

namespace Safeguard.Web.Tests.Govuk;

/// <summary>
/// Reads the HTML that govuk-frontend's own Nunjucks macros produce for a named example, from the
/// fixtures.json files shipped in the npm package (installed by the Safeguard.Web build).
/// </summary>
internal static class GovukFixtures
{
    private static readonly ConcurrentDictionary<string, Dictionary<string, string>> Components = new();

    public static string Html(string component, string fixture)
    {
        var fixtures = Components.GetOrAdd(component, Load);
        return fixtures.TryGetValue(fixture, out var html)
            ? html
            : throw new ArgumentException($"govuk-frontend has no '{fixture}' fixture for {component}.");
    }

    private static Dictionary<string, string> Load(string component)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Safeguard.Web", "node_modules", "govuk-frontend", "dist", "govuk", "components", component, "fixtures.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("fixtures").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("html").GetString()!);
    }

    public static string RepositoryRoot() => Safeguard.TestCommon.RepoPaths.Root;
}
