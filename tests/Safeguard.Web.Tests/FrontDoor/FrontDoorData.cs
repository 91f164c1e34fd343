using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>
/// Contacts and children made through the Core services (quick, and the same path the pages take), and forms posted
/// with everything the page put in them (the antiforgery token and the version the page was shown with).
/// </summary>
internal static class FrontDoorData
{
    public static Actor Worker(SafeguardApp app) => app.Borough.Users[Roles.ContactServiceWorker].Actor;

    /// <summary>A child of their own for a test, so one test's referral or open case does not change another's contact.</summary>
    public static async Task<Guid> NewChildAsync(SafeguardApp app, string firstName, string lastName = "Testchild")
    {
        using var scope = app.Factory.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<PeopleService>().AddAsync(app.Borough.Users[Roles.SocialWorker].Actor,
            new PersonDetails { FirstName = firstName, LastName = lastName, DateOfBirth = new DateOnly(2017, 5, 1), Sex = "F", Ethnicity = "WBRI" });
        return person.Id;
    }

    public static NewContact Contact(IReadOnlyList<Guid> children, IReadOnlyList<ReportedChild>? reported = null, DateTime? receivedAtUtc = null) => new()
    {
        ReceivedAtUtc = receivedAtUtc ?? DateTime.UtcNow.AddHours(-1), Method = ContactMethod.Phone, SourceCode = "2A",
        ReferrerAgencyId = null, ReferrerName = "Ms Teacher", ReferrerRole = "Class teacher", ChildIds = children,
        ReportedChildren = reported ?? [], Concerns = "Came to school with bruises on both arms.", Consent = Consent.Given,
    };

    public static async Task<Contact> RecordAsync(SafeguardApp app, NewContact input, Actor? actor = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContactService>().RecordAsync(actor ?? Worker(app), input);
    }

    /// <summary>Posts the page's form (the first in its main content with method post, or the one whose action has the handler) with the given fields over its own.</summary>
    public static async Task<HttpResponseMessage> PostPageFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await Forms.GetDocumentAsync(client, url);
        var form = FindForm(page, handler);
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (k, v) in fields) values[k] = v;
        return await client.PostAsync(Target(url, form), new FormUrlEncodedContent(values));
    }

    /// <summary>Uploads files through the contact page's upload form.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int contactId, params (string Name, byte[] Content)[] files)
    {
        var url = $"/contacts/{contactId}";
        var page = await Forms.GetDocumentAsync(client, url);
        var form = FindForm(page, "Upload");
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        foreach (var (name, bytes) in files) content.Add(new ByteArrayContent(bytes), "Files", name);
        return await client.PostAsync(Target(url, form), content);
    }

    // Forms in the page's main content: the header's sign-out form is not one of them.
    private static IHtmlFormElement FindForm(IHtmlDocument page, string? handler) =>
        page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().First(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
            && (handler is null || (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase)));

    private static string Target(string url, IHtmlFormElement form) =>
        form.GetAttribute("action") is { Length: > 0 } action ? action : url;

    public static byte[] Pdf(int size = 2000)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
