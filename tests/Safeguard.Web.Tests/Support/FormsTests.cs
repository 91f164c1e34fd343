using System.Net;
using System.Text;

namespace Safeguard.Web.Tests.Support;

/// <summary>The test helper posts with the token of the form it posts, so a form that lacks its own token fails.</summary>
public class FormsTests
{
    /// <summary>Serves one page for every GET and keeps what was posted.</summary>
    private sealed class OnePage(string html) : HttpMessageHandler
    {
        public Dictionary<string, string> Posted { get; } = [];
        public string? PostedTo { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.Method == HttpMethod.Post)
            {
                PostedTo = request.RequestUri!.PathAndQuery;
                var body = await request.Content!.ReadAsStringAsync(ct);
                foreach (var pair in body.Split('&'))
                {
                    var parts = pair.Split('=');
                    Posted[WebUtility.UrlDecode(parts[0])] = WebUtility.UrlDecode(parts[1]);
                }
                return new HttpResponseMessage(HttpStatusCode.Redirect);
            }
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(html, Encoding.UTF8, "text/html") };
        }
    }

    private const string Header = """<header><form method="post" action="/account/sign-out"><input name="__RequestVerificationToken" value="sign-out"></form></header>""";

    private static (HttpClient, OnePage) Serving(string html)
    {
        var page = new OnePage($"<html><body>{Header}<main>{html}</main></body></html>");
        return (new HttpClient(page) { BaseAddress = new Uri("http://localhost") }, page);
    }

    [Fact]
    public async Task AFormWithoutItsOwnToken_Fails_EvenWithTheHeadersSignOutOnThePage()
    {
        var (client, _) = Serving("""<form method="post"><input name="Reason"></form>""");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Forms.PostAsync(client, "/people/1/close", new() { ["Reason"] = "x" }));

        Assert.Equal("The form on /people/1/close that posts to /people/1/close has no antiforgery token", refused.Message);
    }

    [Fact]
    public async Task TheFormForTheHandler_OrTheRowHoldingTheFields_GivesTheToken()
    {
        var (client, page) = Serving("""
            <form method="post"><input name="Decision"><input name="__RequestVerificationToken" value="main">
              <button formaction="?handler=AddAction">Add</button></form>
            <form method="post" action="/actions/1/done"><input type="hidden" name="Id" value="1"><input name="__RequestVerificationToken" value="row 1"></form>
            <form method="post" action="/actions/1/done"><input type="hidden" name="Id" value="2"><input name="Note"><input name="__RequestVerificationToken" value="row 2"></form>
            """);

        await Forms.PostAsync(client, "/oversight/new", new() { ["Decision"] = "x" });
        Assert.Equal(("/oversight/new", "main"), (page.PostedTo, page.Posted["__RequestVerificationToken"]));
        await Forms.PostAsync(client, "/oversight/new", new() { ["Decision"] = "x" }, handler: "AddAction");
        Assert.Equal(("/oversight/new?handler=AddAction", "main"), (page.PostedTo, page.Posted["__RequestVerificationToken"]));
        await Forms.PostAsync(client, "/actions/1/done", new() { ["Id"] = "2", ["Note"] = "Done" }, getUrl: "/oversight/new");
        Assert.Equal("row 2", page.Posted["__RequestVerificationToken"]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Forms.PostAsync(client, "/elsewhere", new() { ["Unknown"] = "x" }, getUrl: "/oversight/new"));
    }
}
