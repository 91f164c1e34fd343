using System.CommandLine;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Cli;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Core.Tests.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>`safeguard cases close|step-down|sign-off|step-up`, in-process against the test borough on SQLite, as named users.</summary>
public sealed class ClosureCommandsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestBorough _borough = null!;
    private readonly Dictionary<string, string?> _settings = new() { ["AccessLog:Key"] = TestKeys.AccessLogBase64, ["AccessLog:KeyFile"] = "" };

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(_settings)
        {
            ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Safeguard"] = _database.ConnectionString,
        }).Build();
        await using var services = CliServices.Build(config, s => s.AddScoped<PeopleService>().AddScoped<RestrictionService>());
        _borough = await TestBorough.SeedAsync(services);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { CaseCommands.Build(_settings) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse([.. args, "--connection", _database.ConnectionString, "--provider", "Sqlite"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Refers the child to the test team 20 days ago; returns their Safeguard ID.</summary>
    private async Task<string> ReferAsync(Guid child)
    {
        await using var db = _database.Open();
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-20);
        var contact = new Contact
        {
            Number = await db.NextNumberAsync("Contact"), ReceivedAtUtc = DateTime.UtcNow.AddDays(-20), SourceCode = "2A", Concerns = "Hungry",
            Consent = Consent.Given, ScreeningDueAtUtc = DateTime.UtcNow, RecordedById = _borough.Users[Roles.ContactServiceWorker].Id, RecordedByName = "Test", Stage = ContactStage.Closed,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral { PersonId = child, ContactId = contact.Id, ReferralDate = date, SourceCode = "2A", PrimaryNeedCode = "N0", TeamId = _borough.TeamId });
        db.Involvements.Add(new Involvement { PersonId = child, Kind = InvolvementKind.Assessment, StartDate = date, TeamId = _borough.TeamId });
        await db.SaveChangesAsync();
        return Person.FormatNumber(await db.People.Where(p => p.Id == child).Select(p => p.Number).SingleAsync());
    }

    [Fact]
    public async Task Close_ThenSignOff_ClosesTheReferral()
    {
        var aisha = await ReferAsync(_borough.Aisha);
        var worker = TestBorough.EmailFor(Roles.SocialWorker);
        var manager = TestBorough.EmailFor(Roles.TeamManager);

        var rc8 = await RunAsync("cases", "close", aisha, "--reason-code", "RC8", "--reasons", "Done", "--as", worker);
        var proposed = await RunAsync("cases", "close", aisha, "--reason-code", "RC7", "--reasons", "Needs met", "--as", worker);
        var notAManager = await RunAsync("cases", "sign-off", aisha, "--reason", "Agreed", "--as", worker);
        var signed = await RunAsync("cases", "sign-off", aisha, "--reason", "Agreed", "--as", manager);

        Assert.Equal((1, "--reason-code: RC8 Case closed after assessment, no further action needs an authorised assessment on this referral, and there is none: choose another reason"),
            (rc8.Code, rc8.Error.Trim()));
        Assert.Equal(0, proposed.Code);
        Assert.EndsWith("(RC7 Services ceased for any other reason, including child no longer in need) is proposed: it waits for a manager's sign-off.", proposed.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal(3, notAManager.Code);
        Assert.Equal(0, signed.Code);
        Assert.StartsWith("Signed off: the case is closed on ", signed.Output, StringComparison.Ordinal);
        await using var db = _database.Open();
        Assert.Equal("RC7", (await db.Referrals.SingleAsync(r => r.PersonId == _borough.Aisha)).ClosureReason);
    }

    [Fact]
    public async Task StepDown_SendBack_ThenStepUp()
    {
        var yusuf = await ReferAsync(_borough.Yusuf);
        var worker = TestBorough.EmailFor(Roles.SocialWorker);
        var manager = TestBorough.EmailFor(Roles.TeamManager);

        var noTeam = await RunAsync("cases", "step-down", yusuf, "--team", "Nowhere", "--reasons", "x", "--as", worker);
        await RunAsync("cases", "step-down", yusuf, "--team", "First Stop Early Help", "--reasons", "Routines", "--as", worker);
        var back = await RunAsync("cases", "sign-off", yusuf, "--send-back", "--reason", "Not yet", "--as", manager);
        await RunAsync("cases", "step-down", yusuf, "--team", "First Stop Early Help", "--reasons", "Routines; school agrees", "--as", worker);
        var signed = await RunAsync("cases", "sign-off", yusuf, "--reason", "Agreed", "--as", manager);
        var up = await RunAsync("cases", "step-up", yusuf, "--team", "Assessment team 1", "--reasons", "Bruise seen", "--as", manager);

        Assert.Equal((1, "--team: No active team is called 'Nowhere'"), (noTeam.Code, noTeam.Error.Trim()));
        Assert.Equal((0, "Sent back to Test Social worker."), (back.Code, back.Output.Trim()));
        Assert.StartsWith("Signed off: the case is stepped down to early help", signed.Output, StringComparison.Ordinal);
        Assert.Equal(0, up.Code);
        Assert.Matches(@"^Referred to Assessment team 1 for an assessment \(contact C-\d{7}\): a possible repeat referral\.$", up.Output.Trim());
    }
}

/// <summary>The reasons for closure must be the CIN census's, code for code and word for word.</summary>
public class ClosureCodesTests
{
    [Fact]
    public void ReasonsForClosure_MatchTheCinSchema()
    {
        var path = DfeReference.CinSchemaPath();
        if (path is null) Assert.Skip("The DfE CIN schema is not at ../shared/reference/dfe/CIN_schema_2026.xsd next to the repository.");
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var expected = XDocument.Load(path).Descendants(xs + "simpleType").Single(t => (string?)t.Attribute("name") == "reasonforclosuretype")
            .Descendants(xs + "enumeration").Select(e => ((string)e.Attribute("value")!, e.Descendants(xs + "documentation").Single().Value.Trim())).ToList();

        Assert.Equal(expected, ClosureCodes.ReasonForClosure.Items.Select(i => (i.Code, i.Label)));
        Assert.True(ClosureCodes.EndsRegardless("RC6"));
        Assert.False(ClosureCodes.EndsRegardless("RC7"));
        Assert.True(ClosureCodes.NeedsAssessment("RC9"));
    }
}
