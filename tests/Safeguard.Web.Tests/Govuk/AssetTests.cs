using System.Text.RegularExpressions;

namespace Safeguard.Web.Tests.Govuk;

/// <summary>The build copies GOV.UK Frontend into wwwroot; every url() in its CSS must point at a copied file.</summary>
public partial class AssetTests
{
    private static readonly string WebRoot = Path.Combine(GovukFixtures.RepositoryRoot(), "src", "Safeguard.Web", "wwwroot");

    [Fact]
    public void Css_and_js_are_copied()
    {
        Assert.True(File.Exists(Path.Combine(WebRoot, "govuk", "govuk-frontend.min.css")));
        Assert.True(File.Exists(Path.Combine(WebRoot, "govuk", "govuk-frontend.min.js")));
    }

    [Fact]
    public void Every_url_in_the_css_resolves_to_a_file_in_wwwroot()
    {
        var css = File.ReadAllText(Path.Combine(WebRoot, "govuk", "govuk-frontend.min.css"));
        var urls = CssUrl().Matches(css).Select(m => m.Groups[1].Value.Trim('"', '\'')).Distinct().ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, url =>
        {
            Assert.StartsWith("/", url, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(WebRoot, url.TrimStart('/'))), $"{url} is not in wwwroot");
        });
    }

    [Fact]
    public void Css_uses_arial_not_the_gov_uk_only_typeface()
    {
        var css = File.ReadAllText(Path.Combine(WebRoot, "govuk", "govuk-frontend.min.css"));

        Assert.DoesNotContain("GDS Transport", css, StringComparison.Ordinal);
        Assert.Contains("font-family:arial,sans-serif", css, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(WebRoot, "assets", "fonts")));
    }

    [GeneratedRegex(@"url\(([^)]+)\)")]
    private static partial Regex CssUrl();
}
