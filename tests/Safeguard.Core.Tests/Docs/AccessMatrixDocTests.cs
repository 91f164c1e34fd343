using System.Text;
using Safeguard.Core.Access;

namespace Safeguard.Core.Tests.Docs;

/// <summary>
/// docs/access.md shows the access matrix the code enforces. This test fails when they differ; run it with
/// SAFEGUARD_WRITE_DOCS=1 to rewrite the table from the code.
/// </summary>
public class AccessMatrixDocTests
{
    private const string Start = "<!-- matrix:start -->";
    private const string End = "<!-- matrix:end -->";

    public static string Table()
    {
        var sb = new StringBuilder();
        sb.Append("| Role |");
        foreach (var c in Capabilities.All) sb.Append(' ').Append(c.Name).Append(" |");
        sb.AppendLine();
        sb.Append("| --- |");
        foreach (var _ in Capabilities.All) sb.Append(" :-: |");
        sb.AppendLine();
        foreach (var (role, label) in Roles.All)
        {
            sb.Append("| ").Append(label).Append(" |");
            foreach (var c in Capabilities.All) sb.Append(c.Roles.Contains(role) ? " yes |" : " |");
            sb.AppendLine();
        }
        sb.AppendLine();
        foreach (var c in Capabilities.All) sb.Append("- **").Append(c.Name).Append("**: ").AppendLine(c.Description);
        return sb.ToString();
    }

    [Fact]
    public void AccessDoc_ShowsExactlyTheMatrixTheCodeEnforces()
    {
        var path = Path.Combine(Safeguard.TestCommon.RepoPaths.Root, "docs", "access.md");
        var doc = File.ReadAllText(path);
        var start = doc.IndexOf(Start, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/access.md needs {Start} and {End} around the matrix");
        var expected = Start + "\n" + Table() + End;
        var actual = doc[start..(end + End.Length)];
        if (actual != expected && Environment.GetEnvironmentVariable("SAFEGUARD_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, doc.Replace(actual, expected, StringComparison.Ordinal));
            return;
        }
        Assert.Equal(expected, actual);
    }
}
