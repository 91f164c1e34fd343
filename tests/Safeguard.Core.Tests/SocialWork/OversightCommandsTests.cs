using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Cli;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>`safeguard oversight add` and `safeguard actions complete|follow-up`, in-process against the test borough on SQLite.</summary>
public sealed class OversightCommandsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestBorough _borough = null!;
    private readonly Dictionary<string, string?> _settings = new() { ["AccessLog:Key"] = TestKeys.AccessLogBase64, ["AccessLog:KeyFile"] = "" };
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

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
        foreach (var command in OversightCommands.Build(_settings)) root.Subcommands.Add(command);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse([.. args, "--connection", _database.ConnectionString, "--provider", "Sqlite"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AddCompleteAndFollowUp_ActAsTheNamedUsers()
    {
        await using var db = _database.Open();
        db.Involvements.Add(new Involvement { PersonId = _borough.Aisha, Kind = InvolvementKind.ChildInNeed, StartDate = Today.AddDays(-40), TeamId = _borough.TeamId });
        await db.SaveChangesAsync();
        var aisha = Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Aisha).Select(p => p.Number).SingleAsync());
        var manager = TestBorough.EmailFor(Roles.TeamManager);
        var worker = TestBorough.EmailFor(Roles.SocialWorker);
        var late = Today.AddDays(-5).ToString("yyyy-MM-dd");

        var ongoing = await RunAsync("oversight", "add", aisha, "--decision", "Visit weekly", "--rationale", "Low mood", "--action", $"Visit|{worker}|ongoing", "--as", manager);
        var noReason = await RunAsync("oversight", "add", aisha, "--decision", "Visit weekly", "--rationale", " ", "--as", manager);
        var notAManager = await RunAsync("oversight", "add", aisha, "--decision", "x", "--rationale", "y", "--as", worker);
        var added = await RunAsync("oversight", "add", aisha, "--decision", "Visit weekly", "--rationale", "Low mood",
            "--date", Today.AddDays(-20).ToString("yyyy-MM-dd"), "--action", $"Visit and see Aisha alone|{worker}|{late}", "--as", manager);
        var action = await db.OversightActions.SingleAsync();
        var followedUp = await RunAsync("actions", "follow-up", $"{action.Id}", "--note", "Chased in supervision", "--due", Today.ToString("yyyy-MM-dd"), "--as", manager);
        var completed = await RunAsync("actions", "complete", $"{action.Id}", "--note", "Seen alone at school", "--as", worker);

        Assert.Equal((1, "--action: 'ongoing' is not a date: enter the date action 1 is due by, like 2027-03-31"), (ongoing.Code, ongoing.Error.Trim()));
        Assert.Equal((1, "--rationale: Enter why: the reasons for your decision"), (noReason.Code, noReason.Error.Trim()));
        Assert.Equal(3, notAManager.Code);
        Assert.Equal(0, added.Code);
        Assert.Equal((0, $"Action {action.Id} followed up: now due {Today:yyyy-MM-dd} (first due {late})."), (followedUp.Code, followedUp.Output.Trim()));
        Assert.Equal(0, completed.Code);
        await db.Entry(action).ReloadAsync();
        Assert.Equal((Today, "Seen alone at school", 1, Today.AddDays(-5)), (action.CompletedOn, action.CompletionNote, action.FollowUps, action.OriginalDueDate));
    }
}
