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

/// <summary>`safeguard cases allocate`, in-process against the test borough on SQLite, as named users.</summary>
public sealed class CaseCommandsTests : IAsyncLifetime
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

    [Fact]
    public async Task Allocate_GivesTheChildsCaseInTheManagersTeamToTheWorker()
    {
        await using var db = _database.Open();
        db.Involvements.Add(new Involvement { PersonId = _borough.Aisha, Kind = InvolvementKind.ChildInNeed, StartDate = new DateOnly(2026, 11, 2), TeamId = _borough.TeamId });
        await db.SaveChangesAsync();
        var aisha = Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Aisha).Select(p => p.Number).SingleAsync());
        var yusuf = Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Yusuf).Select(p => p.Number).SingleAsync());
        var manager = TestBorough.EmailFor(Roles.TeamManager);
        var worker = TestBorough.EmailFor(Roles.SocialWorker);

        var noReason = await RunAsync("cases", "allocate", aisha, "--worker", worker, "--reason", " ", "--as", manager);
        var noCase = await RunAsync("cases", "allocate", yusuf, "--worker", worker, "--reason", "x", "--as", manager);
        var notAManager = await RunAsync("cases", "allocate", aisha, "--worker", worker, "--reason", "x", "--as", worker);
        var done = await RunAsync("cases", "allocate", aisha, "--worker", worker, "--reason", "Knows the school", "--as", manager);

        Assert.Equal((1, "--reason: Enter why you are allocating the case to this worker"), (noReason.Code, noReason.Error.Trim()));
        Assert.Equal((1, "That child has no open case in your team to allocate."), (noCase.Code, noCase.Error.Trim()));
        Assert.Equal(3, notAManager.Code);
        Assert.Equal((0, $"{aisha}'s case is allocated to Test Social worker."), (done.Code, done.Output.Trim()));
        var allocation = await db.Allocations.SingleAsync();
        Assert.Equal((_borough.Users[Roles.SocialWorker].Id, "Knows the school", _borough.Users[Roles.TeamManager].Id),
            (allocation.WorkerId, allocation.Reason, allocation.AllocatedById));
    }
}
