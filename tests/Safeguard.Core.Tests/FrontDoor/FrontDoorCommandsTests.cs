using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Cli;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>The front door's commands, run in-process against the test borough on SQLite, each as a named user.</summary>
public sealed class FrontDoorCommandsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestBorough _borough = null!;
    private readonly Dictionary<string, string?> _settings = new() { ["AccessLog:Key"] = TestKeys.AccessLogBase64, ["AccessLog:KeyFile"] = "" };
    private readonly List<string> _files = [];

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

    public async ValueTask DisposeAsync()
    {
        foreach (var f in _files) File.Delete(f);
        await _database.DisposeAsync();
    }

    private static string Email(string role) => TestBorough.EmailFor(role);

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand();
        foreach (var command in FrontDoorCommands.Build(_settings)) root.Subcommands.Add(command);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse([.. args, "--connection", _database.ConnectionString, "--provider", "Sqlite"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string CsvFile(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"safeguard-contacts-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        _files.Add(path);
        return path;
    }

    [Fact]
    public async Task ContactsImport_LoadsAGoodFile_AndRefusesABadOneOrAUserWhoMayNot()
    {
        const string header = "received,source_code,referrer_name,child_names,concerns,consent";
        var good = CsvFile($"{header}\n2026-11-20 14:05,1B,Neighbour,Eve Reed,\"Shouting, crying\",Given\n2026-11-20 15:00,9,,Max Reed,Left alone,NotNeeded\n");
        var bad = CsvFile($"{header}\n2026-11-20 14:05,1B,Neighbour,Eve Reed,Shouting,Perhaps\n");

        var loaded = await RunAsync("contacts", "import", good, "--as", Email(Roles.ContactServiceWorker));
        var refused = await RunAsync("contacts", "import", bad, "--as", Email(Roles.ContactServiceWorker));
        var socialWorker = await RunAsync("contacts", "import", good, "--as", Email(Roles.SocialWorker));
        var nobody = await RunAsync("contacts", "import", good, "--as", "nobody@test.example");

        Assert.Equal((0, ""), (loaded.Code, loaded.Error));
        Assert.StartsWith("Imported 2 contacts", loaded.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.Code);
        Assert.Contains("line 2, consent: 'Perhaps' is not one of", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: the file has 1 problem.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(3, socialWorker.Code);
        Assert.Contains("may not do this: \"Import contacts from a CSV file\" needs the role of Contact service worker or MASH manager, and they are Social worker.", socialWorker.Error, StringComparison.Ordinal);
        Assert.Equal((2, "No user has the email address nobody@test.example."), (nobody.Code, nobody.Error.Trim()));
        await using var db = _database.Open();
        Assert.Equal(2, await db.Contacts.CountAsync());
        Assert.All(await db.Contacts.ToListAsync(), c => Assert.Equal(_borough.Users[Roles.ContactServiceWorker].Id, c.RecordedById));
    }

    [Fact]
    public async Task AddScreenRateAndShow_AreRecordedAsTheUsersNamed()
    {
        await using var db = _database.Open();
        var ids = await db.People.Where(p => p.Id == _borough.Aisha || p.Id == _borough.Yusuf).Select(p => p.Number).ToListAsync();
        var contactWorker = Email(Roles.ContactServiceWorker);

        var added = await RunAsync("contacts", "add", "--as", contactWorker, "--method", "Phone", "--source-code", "2A", "--referrer-agency", "test primary school",
            "--referrer-name", "Ms Jones", "--child-ids", string.Join(";", ids.Select(Person.FormatNumber)), "--concerns", "Hungry again", "--consent", "Given");
        var badAdd = await RunAsync("contacts", "add", "--as", contactWorker, "--source-code", "2Z", "--child-names", "Ann Lee", "--concerns", "x", "--consent", "Given");
        var screened = await RunAsync("contacts", "screen", "C-0000001", "--as", contactWorker, "--outcome", "Mash", "--reason", "Needs checks");
        var rated = await RunAsync("mash", "rate", "C-0000001", "--as", Email(Roles.MashWorker), "--rating", "Red");
        var reRated = await RunAsync("mash", "rate", "C-0000001", "--as", Email(Roles.MashWorker), "--rating", "Amber");
        var shown = await RunAsync("contacts", "show", "C-0000001", "--as", Email(Roles.MashManager));

        Assert.Equal((0, "Recorded contact C-0000001 (id 1): awaiting screening.\n"), (added.Code, added.Output.ReplaceLineEndings("\n")));
        Assert.Equal(1, badAdd.Code);
        Assert.StartsWith("--source-code: Enter a DfE referral source code", badAdd.Error, StringComparison.Ordinal);
        Assert.Equal((0, "Contact C-0000001 screened: Into the MASH for multi-agency checks (MASH case 1)."), (screened.Code, screened.Output.Trim()));
        Assert.Equal(0, rated.Code);
        Assert.Equal((1, "--reason: Enter the reason for re-rating: the initial rating stays on the record beside it"), (reRated.Code, reRated.Error.Trim()));
        Assert.Equal(0, shown.Code);
        Assert.Contains("Aisha Khan", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Screened ", shown.Output, StringComparison.Ordinal);

        var contact = await db.Contacts.SingleAsync();
        var rating = await db.MashCases.SelectMany(m => m.Ratings).SingleAsync();
        Assert.Equal(_borough.Users[Roles.ContactServiceWorker].Id, contact.RecordedById);
        Assert.Equal(_borough.Users[Roles.ContactServiceWorker].Id, contact.ScreenedById);
        Assert.Equal(_borough.Users[Roles.MashWorker].Id, rating.RatedById);
        var managerId = _borough.Users[Roles.MashManager].Id;
        Assert.Contains(await db.AccessLog.Where(e => e.UserId == managerId).ToListAsync(), e => e.Action == AccessAction.Viewed && e.From == "cli");
    }

    [Fact]
    public async Task Match_PutsAReportedChildOnTheirRecord_ByTheNumberShowGives()
    {
        await using var db = _database.Open();
        var aisha = Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Aisha).Select(p => p.Number).SingleAsync());
        var worker = Email(Roles.ContactServiceWorker);
        await RunAsync("contacts", "add", "--as", worker, "--source-code", "1A", "--child-names", "Aisha Kahn", "--concerns", "Left alone", "--consent", "Given");

        var shown = await RunAsync("contacts", "show", "C-0000001", "--as", worker);
        var noSuchChild = await RunAsync("contacts", "match", "C-0000001", "--child", "2", "--person", aisha, "--as", worker);
        var noSuchPerson = await RunAsync("contacts", "match", "C-0000001", "--child", "1", "--person", "SG-9999999", "--as", worker);
        var notAllowed = await RunAsync("contacts", "match", "C-0000001", "--child", "1", "--person", aisha, "--as", Email(Roles.SocialWorker));
        var matched = await RunAsync("contacts", "match", "C-0000001", "--child", "1", "--person", aisha, "--as", worker);

        Assert.Contains("  1. Aisha Kahn (not matched to a record: contacts match C-0000001 --child 1 --person SG-...)", shown.Output, StringComparison.Ordinal);
        Assert.Equal((1, "--child: the contact has 1 child; give a number from 1 to 1."), (noSuchChild.Code, noSuchChild.Error.Trim()));
        Assert.Equal((1, "--person: no record has that Safeguard ID; give it as SG-0001234."), (noSuchPerson.Code, noSuchPerson.Error.Trim()));
        Assert.Equal(3, notAllowed.Code);
        Assert.Equal((0, $"Contact C-0000001: {aisha} matched; awaiting screening."), (matched.Code, matched.Output.Trim()));
        Assert.Equal(_borough.Aisha, await db.ContactChildren.Select(c => c.PersonId).SingleAsync());
    }
}
