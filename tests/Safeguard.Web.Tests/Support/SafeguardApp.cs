using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Safeguard.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;
using Safeguard.TestCommon;

namespace Safeguard.Web.Tests.Support;

/// <summary>
/// The whole app in-process against a real migrated database (SQLite unless asked otherwise), seeded with the
/// test borough once per test class. Clients sign in through the real pages, password and authenticator code.
/// </summary>
public class SafeguardApp : IAsyncLifetime
{
    private TestDatabase? _database;
    private readonly Dictionary<string, HttpClient> _clients = [];
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public TestBorough Borough { get; private set; } = null!;
    /// <summary>Every email the app sent through its outbox (call <see cref="SendOutboxAsync"/> first).</summary>
    public FakeEmailSender Emails { get; } = new();
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public async ValueTask InitializeAsync()
    {
        // Without a PostgreSQL server (a suite run by hand) the PostgreSQL tests skip rather than fail.
        if (Provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null) return;
        _database = await TestDatabase.CreateAsync(Provider);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting("ConnectionStrings:Safeguard", _database.ConnectionString);
            b.UseSetting("AccessLog:Key", TestKeys.AccessLogBase64);
            b.UseSetting("AccessLog:KeyFile", "");
            b.UseSetting("Notifications:BaseUrl", "https://safeguard.test");
            b.ConfigureTestServices(s => s.AddSingleton<IEmailSender>(Emails));
        });
        Borough = await TestBorough.SeedAsync(Factory.Services);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients.Values) c.Dispose();
        if (Factory is not null) await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as the test user holding the role (cached per class: signing in is slow by design).</summary>
    public async Task<HttpClient> As(string role)
    {
        if (_database is null) Assert.Skip("SAFEGUARD_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
        if (_clients.TryGetValue(role, out var cached)) return cached;
        var user = Borough.Users[role];
        var client = Anonymous();
        var signIn = await Forms.PostAsync(client, "/account/sign-in", new() { ["Email"] = user.Email, ["Password"] = TestBorough.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/two-factor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var code = await Forms.PostAsync(client, "/account/two-factor", new() { ["Code"] = user.CurrentCode() });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        _clients[role] = client;
        return client;
    }

    public Task FlushAccessLogAsync() => Factory.Services.GetRequiredService<AccessLogQueue>().FlushAsync();

    /// <summary>Sends what is in the outbox now, instead of waiting for the background sender.</summary>
    public Task<int> SendOutboxAsync() => Factory.Services.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None);

    public SafeguardDbContext OpenDb() => _database!.Open();
}

/// <summary>The same app on PostgreSQL.</summary>
public sealed class SafeguardAppOnPostgres : SafeguardApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Posting forms as a browser does: with the antiforgery token from the page.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} gave {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Fetches <paramref name="getUrl"/> (or the url itself), finds the form that posts to the url and handler, and posts the
    /// fields with that form's own antiforgery token, as a browser would: a form missing its token fails the test, even
    /// when another form on the page (the header's sign out) has one.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string? getUrl = null, string? handler = null)
    {
        var pageUrl = getUrl ?? url;
        var page = await GetDocumentAsync(client, pageUrl);
        var target = handler is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? "&" : "?")}handler={handler}";
        var form = FormPostingTo(page, pageUrl, target, fields.Keys)
            ?? throw new InvalidOperationException($"No form on {pageUrl} posts to {target}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The form on {pageUrl} that posts to {target} has no antiforgery token");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// A post the page does not offer (a form the user is not shown), to prove the server refuses it on its own: sent with
    /// an antiforgery token from <paramref name="tokenFrom"/>, so it is refused for who is asking, not for a missing token.
    /// </summary>
    public static async Task<HttpResponseMessage> PostNotOfferedAsync(HttpClient client, string url, Dictionary<string, string> fields, string tokenFrom)
    {
        var page = await GetDocumentAsync(client, tokenFrom);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenFrom}");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    private static readonly Uri Site = new("http://localhost");

    /// <summary>
    /// The post form whose action (or a button's formaction) goes to the target's page and handler; among several (a
    /// list with a form per row), the one holding most of the fields. With none, the post form holding most of them.
    /// </summary>
    internal static IElement? FormPostingTo(IHtmlDocument page, string pageUrl, string target, IEnumerable<string> fields)
    {
        var here = new Uri(Site, pageUrl);
        var wanted = new Uri(Site, target);
        var names = fields.ToHashSet(StringComparer.Ordinal);
        var forms = page.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)).ToList();
        int Holds(IElement form) => form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")!).Distinct().Count(names.Contains);
        bool GoesTo(IElement form) =>
            new[] { form.GetAttribute("action") }.Concat(form.QuerySelectorAll("[formaction]").Select(b => b.GetAttribute("formaction")))
                .Any(action => SamePageAndHandler(new Uri(here, action ?? ""), wanted));
        var posting = forms.Where(GoesTo).ToList();
        if (posting.Count > 0) return posting.OrderByDescending(Holds).First();
        return forms.Where(f => Holds(f) > 0).OrderByDescending(Holds).FirstOrDefault();
    }

    private static bool SamePageAndHandler(Uri a, Uri b) =>
        string.Equals(a.AbsolutePath.TrimEnd('/'), b.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && string.Equals(Handler(a), Handler(b), StringComparison.OrdinalIgnoreCase);

    private static string Handler(Uri uri) =>
        System.Web.HttpUtility.ParseQueryString(uri.Query)["handler"] ?? "";

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The messages in the GOV.UK error summary.</summary>
    public static IReadOnlyList<string> Errors(IHtmlDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();
}
