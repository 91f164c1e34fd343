using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Cli;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>`safeguard visits add` and `safeguard notes add`, in-process against the test borough on SQLite, as named users.</summary>
public sealed class VisitCommandsTests : IAsyncLifetime
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
        var root = new RootCommand();
        foreach (var command in VisitCommands.Build(_settings)) root.Subcommands.Add(command);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse([.. args, "--connection", _database.ConnectionString, "--provider", "Sqlite"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task VisitsAndNotesAreRecordedForAChildOpenToTheTeam()
    {
        await using var db = _database.Open();
        db.Involvements.Add(new Involvement { PersonId = _borough.Aisha, Kind = InvolvementKind.ChildInNeed, StartDate = new DateOnly(2026, 11, 2), TeamId = _borough.TeamId });
        await db.SaveChangesAsync();
        var aisha = Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Aisha).Select(p => p.Number).SingleAsync());
        var yusuf = Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Yusuf).Select(p => p.Number).SingleAsync());
        var worker = TestBorough.EmailFor(Roles.SocialWorker);

        var early = await RunAsync("visits", "add", aisha, "--date", "2026-11-01", "--seen", "alone", "--location", "Home", "--observations", "x", "--as", worker);
        var noReason = await RunAsync("visits", "add", aisha, "--date", "2026-11-03", "--seen", "no", "--location", "Home", "--observations", "x", "--as", worker);
        var notOpen = await RunAsync("visits", "add", yusuf, "--seen", "alone", "--location", "Home", "--observations", "x", "--as", worker);
        var qa = await RunAsync("visits", "add", aisha, "--seen", "alone", "--location", "Home", "--observations", "x", "--as", TestBorough.EmailFor(Roles.QaOfficer));
        var visit = await RunAsync("visits", "add", aisha, "--date", "2026-11-03", "--seen", "yes", "--reason", "Mother stayed in the room", "--location", "School",
            "--observations", "Quiet in class", "--unannounced", "--as", worker);
        var note = await RunAsync("notes", "add", aisha, "--type", "Telephone", "--at", "2026-11-03 14:30", "--significant", "--seen", "Mother",
            "--text", "Mother rang: the family is moving.", "--as", worker);

        Assert.Equal((1, "--date: The visit cannot be before the case opened: the date of the visit must be on or after 2 November 2026"), (early.Code, early.Error.Trim()));
        Assert.Equal((1, "--reason: Enter why the child was not seen"), (noReason.Code, noReason.Error.Trim()));
        Assert.Equal((1, "That child has no case open to your team."), (notOpen.Code, notOpen.Error.Trim()));
        Assert.Equal(3, qa.Code);
        Assert.Equal(0, visit.Code);
        Assert.Equal(0, note.Code);
        var saved = await db.Visits.SingleAsync();
        Assert.Equal((true, false, "Mother stayed in the room", true), (saved.ChildSeen, saved.ChildSeenAlone, saved.NotSeenReason, saved.Unannounced));
        var written = await db.CaseNotes.SingleAsync();
        Assert.Equal((true, "Mother", new DateTime(2026, 11, 3, 14, 30, 0)), (written.Significant, written.WhoWasSeen, written.OccurredAtUtc));
    }
}
