using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.Core.Access;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Api;

public class PeopleApiTests(SafeguardApp app) : IClassFixture<SafeguardApp>
{
    private static object NewChild(string nhs = "", string first = "Leo") => new
    {
        details = new { firstName = first, lastName = "Marsh", dateOfBirth = "2021-06-01", sex = "M", ethnicity = "WBRI", nhsNumber = nhs },
        address = new { line1 = "3 Elm Close", town = "Northmoor", postcode = "zz2 7qd", from = "2021-06-01" },
    };

    [Fact]
    public async Task Post_InvalidDetails_AnswersProblemDetailsNamingEachField()
    {
        var client = await app.As(Roles.SocialWorker);

        var response = await client.PostAsJsonAsync("/api/people", NewChild(nhs: "1234567890", first: ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("Enter a first name", errors.GetProperty("firstName")[0].GetString());
        Assert.Equal("Enter a valid NHS number, like 943 476 5919", errors.GetProperty("nhsNumber")[0].GetString());
    }

    [Fact]
    public async Task PostThenPut_WithAStaleVersion_AnswersConflictAndKeepsTheFirstChange()
    {
        var client = await app.As(Roles.SocialWorker);
        var created = await client.PostAsJsonAsync("/api/people", NewChild());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var location = created.Headers.Location!.OriginalString;
        var version = body.GetProperty("version").GetGuid();

        var change = new { firstName = "Leon", lastName = "Marsh", dateOfBirth = "2021-06-01", sex = "M", ethnicity = "WBRI" };
        var first = await client.PutAsJsonAsync(location, new { version, details = change });
        var second = await client.PutAsJsonAsync(location, new { version, details = change with { } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var person = await client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("Leon", person.GetProperty("details").GetProperty("firstName").GetString());
        Assert.Equal("ZZ2 7QD", person.GetProperty("addresses")[0].GetProperty("postcode").GetString());
    }

    [Fact]
    public async Task Get_WithAnApiToken_ActsWithTheOwnersRoles()
    {
        var worker = await app.As(Roles.SocialWorker);
        var tokens = await Forms.ParseAsync(await Forms.PostAsync(worker, "/account/api-tokens", new() { ["Name"] = "nightly export" }, handler: "Create"));
        var secret = tokens.QuerySelector("#new-token")!.TextContent.Trim();
        using var script = app.Anonymous();
        script.DefaultRequestHeaders.Authorization = new("Bearer", secret);

        var found = await script.GetFromJsonAsync<JsonElement>("/api/people?q=aisha+khan");
        var users = await script.GetAsync("/api/users");
        script.DefaultRequestHeaders.Authorization = new("Bearer", secret + "x");
        var wrong = await script.GetAsync("/api/people?q=khan");

        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Aisha Khan");
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Get_APartnerAskingForAChildsRecord_IsNotFound_ExactlyAsForNoOne()
    {
        var partner = await app.As(Roles.PartnerAgencyUser);

        var known = await partner.GetAsync($"/api/people/{app.Borough.Aisha}");
        var unknown = await partner.GetAsync($"/api/people/{Guid.NewGuid()}");

        // A partner may not learn whether a child is known to children's social care.
        Assert.Equal(HttpStatusCode.NotFound, known.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (a, b) = (await known.Content.ReadFromJsonAsync<JsonElement>(), await unknown.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(b.GetProperty("title").GetString(), a.GetProperty("title").GetString());
        Assert.Equal(b.GetProperty("detail").GetString(), a.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesThePeopleEndpoints()
    {
        var doc = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/openapi.json");

        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/people/{id}", out _));
    }
}

/// <summary>The same API against PostgreSQL, the production database.</summary>
public class PeopleApiOnPostgresTests(SafeguardAppOnPostgres app) : IClassFixture<SafeguardAppOnPostgres>
{
    [Fact]
    public async Task SearchAddAndRead_WorkOnPostgres()
    {
        var client = await app.As(Roles.SocialWorker);
        var created = await client.PostAsJsonAsync("/api/people", new
        {
            details = new { firstName = "Zofia", lastName = "Nowak-Smith", dateOfBirth = "2015-03-09", sex = "F", ethnicity = "WOTH", upn = (string?)null },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var search = await client.GetFromJsonAsync<JsonElement>("/api/people?q=zophia+nowak");
        var record = await client.GetFromJsonAsync<JsonElement>(created.Headers.Location!.OriginalString);

        Assert.Contains(search.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "Zofia Nowak-Smith");
        Assert.Equal("Nowak-Smith", record.GetProperty("details").GetProperty("lastName").GetString());
        await using var db = app.OpenDb();
        Assert.True(db.IsPostgres);
    }
}
