using System.Runtime.CompilerServices;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>
/// Sets up MASH cases through the Core services, as the contact service and the MASH would, so the pages under test
/// start from real data. Each case is about children of its own unless told otherwise: a decision opens the children's
/// cases, and a later contact about them would then go to their worker instead of the front door.
/// </summary>
internal static class MashCases
{
    public sealed record Created(int ContactId, int CaseId, string Reference, IReadOnlyList<Guid> Children, IReadOnlyList<string> Names);

    public sealed record Seeded(Created Case, int RequestId, int DocumentId);

    private static readonly string[] Surnames =
        ["Ashdown", "Brierley", "Calloway", "Dunmore", "Everett", "Fairbairn", "Garside", "Holloway", "Ingram", "Jessop", "Kettering", "Lindley",
         "Marston", "Norbury", "Oakley", "Pryce", "Quarrie", "Rowntree", "Staveley", "Thorley", "Upton", "Varley", "Whitlock", "Yardley"];

    private static int _families;

    /// <summary>A fresh PDF: enough of one for the attachment rules (they judge the first bytes).</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n% a test document\n%%EOF\n"u8.ToArray();

    public static async Task<Created> CreateAsync(SafeguardApp app, DateTime? receivedAtUtc = null, IReadOnlyList<Guid>? children = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        children ??= await NewFamilyAsync(app, sp);
        var worker = app.Borough.Users[Roles.ContactServiceWorker].Actor;
        var contacts = sp.GetRequiredService<ContactService>();
        var contact = await contacts.RecordAsync(worker, new NewContact
        {
            ReceivedAtUtc = receivedAtUtc ?? DateTime.UtcNow.AddMinutes(-5), Method = ContactMethod.Phone, SourceCode = "3D",
            ReferrerName = "Nurse Jones", ReferrerRole = "Health visitor", ChildIds = children,
            Concerns = "Bruising seen at the clinic; the mother seemed frightened.", Consent = Consent.Given,
        });
        contact = await contacts.ScreenAsync(worker, contact.Id, contact.Version, new ContactService.Screening(ScreeningOutcome.Mash, "Needs checks with the police and health"))
            ?? throw new InvalidOperationException("The contact could not be screened");
        var db = sp.GetRequiredService<SafeguardDbContext>();
        var caseId = await db.MashCases.Where(m => m.ContactId == contact.Id).Select(m => m.Id).SingleAsync();
        var names = await db.People.Where(p => children.Contains(p.Id)).Select(p => p.FirstName + " " + p.LastName).ToListAsync();
        return new Created(contact.Id, caseId, contact.Reference, children, names);
    }

    /// <summary>Two children of a new family, with a surname no other case in the class shares.</summary>
    private static async Task<Guid[]> NewFamilyAsync(SafeguardApp app, IServiceProvider sp)
    {
        var people = sp.GetRequiredService<PeopleService>();
        var worker = app.Borough.Users[Roles.SocialWorker].Actor;
        var surname = Surnames[Interlocked.Increment(ref _families) % Surnames.Length];
        var home = new NewAddress("3 Mill Lane", null, "Northmoor", "ZZ1 9QT", new DateOnly(2021, 1, 4));
        var maya = await people.AddAsync(worker, new PersonDetails { FirstName = "Maya", LastName = surname, DateOfBirth = new DateOnly(2015, 6, 1), Sex = "F", Ethnicity = "WBRI" }, home);
        var leo = await people.AddAsync(worker, new PersonDetails { FirstName = "Leo", LastName = surname, DateOfBirth = new DateOnly(2018, 10, 12), Sex = "M", Ethnicity = "WBRI" }, home);
        return [maya.Id, leo.Id];
    }

    public static async Task<MashCase> RateAsync(SafeguardApp app, int caseId, Rag rating, string role = Roles.MashWorker, string? reason = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var version = await db.MashCases.Where(m => m.Id == caseId).Select(m => m.Version).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<MashService>().RateAsync(app.Borough.Users[role].Actor, caseId, version, rating, reason))!;
    }

    public static async Task<InformationRequest> AskAsync(SafeguardApp app, int caseId, int agencyId, string question = "What do you know about the family?")
    {
        using var scope = app.Factory.Services.CreateScope();
        var mash = scope.ServiceProvider.GetRequiredService<MashService>();
        return (await mash.RequestAsync(app.Borough.Users[Roles.MashWorker].Actor, caseId, agencyId, question))!;
    }

    /// <summary>One case for the role tests, made once per app: about the Khans, rated, asked of the police and answered with a document.</summary>
    public static Task<Seeded> SeededAsync(SafeguardApp app) => Seeds.GetValue(app, SeedAsync);

    private static readonly ConditionalWeakTable<SafeguardApp, Task<Seeded>> Seeds = new();

    private static async Task<Seeded> SeedAsync(SafeguardApp app)
    {
        var created = await CreateAsync(app, children: [app.Borough.Aisha, app.Borough.Yusuf]);
        await RateAsync(app, created.CaseId, Rag.Amber);
        var request = await AskAsync(app, created.CaseId, app.Borough.PoliceId);
        using var scope = app.Factory.Services.CreateScope();
        var partner = scope.ServiceProvider.GetRequiredService<PartnerService>();
        var answered = await partner.AnswerAsync(app.Borough.Users[Roles.PartnerAgencyUser].Actor, request.Id, request.Version,
            "Known to us: one call-out last year.", [new AttachmentService.Upload("callout.pdf", Pdf)]);
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var document = await db.Attachments.Where(a => a.InformationRequestId == answered!.Id).Select(a => a.Id).SingleAsync();
        return new Seeded(created, request.Id, document);
    }

    /// <summary>Every field of the page's post form as a browser would send it untouched: the starting point for a test's changes.</summary>
    public static Dictionary<string, string> Fields(IHtmlDocument page) =>
        page.QuerySelectorAll("form[method=post] input, form[method=post] select, form[method=post] textarea")
            .Where(e => e.GetAttribute("name") is { } n && n != "__RequestVerificationToken"
                && (e.GetAttribute("type") is not ("radio" or "checkbox") || e.HasAttribute("checked")))
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First() switch
            {
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
                AngleSharp.Html.Dom.IHtmlTextAreaElement text => text.Value,
                var input => input.GetAttribute("value") ?? "",
            });

    /// <summary>The value of a named field in the page's post form, as a browser would send it.</summary>
    public static string Field(IHtmlDocument page, string name) =>
        page.QuerySelector($"form[method=post] input[name='{name}']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No field {name} on the page");

    /// <summary>Posts a multipart form with files, with the antiforgery token from the page as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostWithFilesAsync(HttpClient client, string url, Dictionary<string, string> fields,
        params (string FileName, byte[] Content)[] files)
    {
        var page = await Forms.GetDocumentAsync(client, url);
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", fileName);
        }
        return await client.PostAsync(url, content);
    }
}
