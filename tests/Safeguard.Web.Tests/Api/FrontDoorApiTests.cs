using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Api;

/// <summary>The front door over the API, each step by the role that does it in a council.</summary>
public class FrontDoorApiTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static object Contact(params Guid[] children) => new
    {
        receivedAtUtc = DateTime.UtcNow.AddHours(-2), method = "Phone", sourceCode = "2A", referrerAgencyId = (int?)null,
        referrerName = "Ms Jones", referrerRole = "Head teacher", childIds = children, factorCodes = new[] { "16A" },
        concerns = "Came to school hungry and with a bruise on her arm", consent = "Given",
    };

    /// <summary>A child of their own for a test, so no other test's decision gives them an open case.</summary>
    private async Task<Guid> NewChildAsync(string first)
    {
        var worker = await app.As(Roles.ContactServiceWorker);
        var created = await Json(await worker.PostAsJsonAsync("/api/people", new
        {
            details = new { firstName = first, lastName = "Rowe", dateOfBirth = "2017-04-02", sex = "F", ethnicity = "WBRI" },
        }), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>A contact recorded and screened into the MASH by the contact service: the MASH case's id.</summary>
    private async Task<int> IntoMashAsync(params Guid[] children)
    {
        var worker = await app.As(Roles.ContactServiceWorker);
        var contact = await Json(await worker.PostAsJsonAsync("/api/contacts", Contact(children)), HttpStatusCode.Created);
        var screened = await Json(await worker.PostAsJsonAsync($"/api/contacts/{contact.GetProperty("id").GetInt32()}/screening",
            new { version = contact.GetProperty("version").GetGuid(), outcome = "Mash", reason = "Needs checks with the police and school" }), HttpStatusCode.OK);
        return screened.GetProperty("mashCaseId").GetInt32();
    }

    private static async Task<Guid> VersionOf(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetGuid();

    [Fact]
    public async Task TheFrontDoor_FromContactToDecision_EachStepByItsRole()
    {
        var contactWorker = await app.As(Roles.ContactServiceWorker);
        var mashWorker = await app.As(Roles.MashWorker);
        var partner = await app.As(Roles.PartnerAgencyUser);
        var manager = await app.As(Roles.MashManager);
        var b = app.Borough;

        var created = await Json(await contactWorker.PostAsJsonAsync("/api/contacts", Contact(b.Aisha, b.Yusuf)), HttpStatusCode.Created);
        var contactId = created.GetProperty("id").GetInt32();
        var contact = await contactWorker.GetFromJsonAsync<JsonElement>($"/api/contacts/{contactId}");
        var queue = await contactWorker.GetFromJsonAsync<JsonElement>("/api/contacts?pageSize=200");
        Assert.Equal(["Aisha Khan", "Yusuf Khan"], contact.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("AwaitingScreening", contact.GetProperty("stage").GetString());
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("contactId").GetInt32() == contactId);

        var screened = await Json(await contactWorker.PostAsJsonAsync($"/api/contacts/{contactId}/screening",
            new { version = contact.GetProperty("version").GetGuid(), outcome = "Mash", reason = "Bruising and hunger: needs multi-agency checks" }), HttpStatusCode.OK);
        Assert.Equal("WithMash", screened.GetProperty("stage").GetString());
        var caseUrl = $"/api/mash/{screened.GetProperty("mashCaseId").GetInt32()}";

        var rated = await Json(await mashWorker.PostAsJsonAsync($"{caseUrl}/rating", new { version = await VersionOf(mashWorker, caseUrl), rating = "Amber" }), HttpStatusCode.OK);
        Assert.Equal("Amber", rated.GetProperty("initialRag").GetString());
        var noReason = await Json(await mashWorker.PostAsJsonAsync($"{caseUrl}/rating", new { version = rated.GetProperty("version").GetGuid(), rating = "Red" }), HttpStatusCode.BadRequest);
        Assert.StartsWith("Enter the reason for re-rating", noReason.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);

        var request = await Json(await mashWorker.PostAsJsonAsync($"{caseUrl}/requests", new { agencyId = b.PoliceId, question = "Any call-outs to 14 Larkspur Road?" }), HttpStatusCode.Created);
        var requestUrl = $"/api/partner/requests/{request.GetProperty("id").GetInt32()}";

        var waiting = await partner.GetFromJsonAsync<JsonElement>("/api/partner/requests");
        var opened = await partner.GetFromJsonAsync<JsonElement>(requestUrl);
        Assert.Contains(waiting.EnumerateArray(), r => r.GetProperty("id").GetInt32() == request.GetProperty("id").GetInt32());
        Assert.Equal("Any call-outs to 14 Larkspur Road?", opened.GetProperty("question").GetString());
        Assert.Contains(opened.GetProperty("children").EnumerateArray(), c => c.GetProperty("name").GetString() == "Aisha Khan");
        var answered = await Json(await partner.PostAsJsonAsync($"{requestUrl}/answer",
            new { version = opened.GetProperty("version").GetGuid(), answer = "Two domestic call-outs in October." }), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, answered.GetProperty("answeredAtUtc").ValueKind);

        var beforeDecision = await manager.GetFromJsonAsync<JsonElement>(caseUrl);
        Assert.Equal("Two domestic call-outs in October.", beforeDecision.GetProperty("requests")[0].GetProperty("answer").GetString());
        var decided = await Json(await manager.PostAsJsonAsync($"{caseUrl}/decision", new
        {
            version = beforeDecision.GetProperty("version").GetGuid(), outcome = "Assessment", rationale = "Pattern of neglect and domestic abuse: assess",
            toTeamId = b.AssessmentTeamId, primaryNeedCode = "N1",
        }), HttpStatusCode.OK);
        Assert.Equal("Assessment", decided.GetProperty("outcome").GetString());
        Assert.Equal("Closed", (await manager.GetFromJsonAsync<JsonElement>($"/api/contacts/{contactId}")).GetProperty("stage").GetString());
        var afterDecision = await manager.GetFromJsonAsync<JsonElement>(caseUrl);
        Assert.Equal("Assessment team 1", afterDecision.GetProperty("toTeam").GetString());
        Assert.Equal(["Amber"], afterDecision.GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("rating").GetString()));
    }

    [Fact]
    public async Task APartner_AskingForAnotherAgencysRequest_IsNotFound()
    {
        var mashWorker = await app.As(Roles.MashWorker);
        var partner = await app.As(Roles.PartnerAgencyUser);
        var caseId = await IntoMashAsync(await NewChildAsync("Mia"));
        var request = await Json(await mashWorker.PostAsJsonAsync($"/api/mash/{caseId}/requests",
            new { agencyId = app.Borough.HealthId, question = "Is she registered with a GP?" }), HttpStatusCode.Created);
        var url = $"/api/partner/requests/{request.GetProperty("id").GetInt32()}";

        var read = await partner.GetAsync(url);
        var answer = await partner.PostAsJsonAsync($"{url}/answer", new { version = request.GetProperty("version").GetGuid(), answer = "No" });
        var list = await partner.GetFromJsonAsync<JsonElement>("/api/partner/requests");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("id").GetInt32() == request.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task ASocialWorker_CannotScreenAContact()
    {
        var contactWorker = await app.As(Roles.ContactServiceWorker);
        var socialWorker = await app.As(Roles.SocialWorker);
        var contact = await Json(await contactWorker.PostAsJsonAsync("/api/contacts", Contact(await NewChildAsync("Ava"))), HttpStatusCode.Created);

        var response = await socialWorker.PostAsJsonAsync($"/api/contacts/{contact.GetProperty("id").GetInt32()}/screening",
            new { version = contact.GetProperty("version").GetGuid(), outcome = "NoFurtherAction", reason = "Not our case" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AContactWithBadInput_AnswersProblemDetailsNamingEachField()
    {
        var worker = await app.As(Roles.ContactServiceWorker);

        var problem = await Json(await worker.PostAsJsonAsync("/api/contacts", new
        {
            receivedAtUtc = DateTime.UtcNow, method = "Fax", sourceCode = "2A", consent = "Maybe", factorCodes = new[] { "99Z" },
        }), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal(["children", "concerns", "consent", "factorCodes", "method", "referrerName"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.StartsWith("Choose one of: Phone, Email", errors.GetProperty("method")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreeningTwiceFromTheSameVersion_TheSecondIsAConflict()
    {
        var worker = await app.As(Roles.ContactServiceWorker);
        var contact = await Json(await worker.PostAsJsonAsync("/api/contacts", Contact(await NewChildAsync("Isla"))), HttpStatusCode.Created);
        var url = $"/api/contacts/{contact.GetProperty("id").GetInt32()}/screening";
        var decision = new { version = contact.GetProperty("version").GetGuid(), outcome = "InformationAndAdvice", reason = "Advice given to the school" };

        var first = await worker.PostAsJsonAsync(url, decision);
        var second = await worker.PostAsJsonAsync(url, decision);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    private static StringContent Csv(string text, string type = "text/csv") => new(text, Encoding.UTF8, type);

    private const string ImportHeader = "received,source_code,referrer_name,child_names,child_dobs,concerns,consent";

    [Fact]
    public async Task Import_AGoodFileLoadsEveryContact_ABadOneNoneWithEveryLinesProblems()
    {
        var worker = await app.As(Roles.ContactServiceWorker);
        var good = $"{ImportHeader}\n2026-11-20 14:05,3B,Health visitor Ali,Noah Reed,2025-01-02,Baby often left alone,Given\n2026-11-20 15:00,1B,Neighbour,\"Eve Reed; Max Reed\",,\"Shouting, crying at night\",NotNeeded\n";
        var bad = $"{ImportHeader}\n2026-11-20 14:05,3B,,Noah Reed,,Baby often left alone,Given\n2026-11-20 15:00,1B,Neighbour,Eve Reed,,Shouting,Perhaps\n";

        var loaded = await Json(await worker.PostAsync("/api/contacts/import", Csv(good)), HttpStatusCode.OK);
        var refused = await Json(await worker.PostAsync("/api/contacts/import", Csv(bad)), HttpStatusCode.BadRequest);
        var notCsv = await worker.PostAsync("/api/contacts/import", Csv(good, "application/json"));

        Assert.Equal(2, loaded.GetProperty("imported").GetInt32());
        Assert.Equal(2, loaded.GetProperty("awaitingScreening").GetInt32());
        Assert.Equal([(2, "referrer_name"), (3, "consent")], refused.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notCsv.StatusCode);
    }

    [Fact]
    public async Task Import_ByAMashWorker_IsRefused()
    {
        var worker = await app.As(Roles.MashWorker);

        var response = await worker.PostAsync("/api/contacts/import", Csv($"{ImportHeader}\n2026-11-20 14:05,1B,Neighbour,Eve Reed,,Shouting,Given\n"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheFrontDoor_AndTheImportsCsvBody()
    {
        var document = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/openapi.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/contacts", "/api/contacts/{id}/screening", "/api/mash/{id}/rating", "/api/requests/{id}/withdraw", "/api/partner/requests/{id}/answer" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        Assert.True(paths.GetProperty("/api/contacts/import").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
    }
}
