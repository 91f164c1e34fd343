using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Cli;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>`safeguard assessments start|show|submit|authorise`, in-process against the test borough on SQLite, as named users.</summary>
public sealed class AssessmentCommandsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestBorough _borough = null!;
    private string _aisha = "";
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

        // Aisha was referred three days ago and is allocated to the test social worker.
        await using var db = _database.Open();
        var contact = new Contact
        {
            Number = await db.NextNumberAsync("Contact"), ReceivedAtUtc = DateTime.UtcNow.AddDays(-3), SourceCode = "2A", Concerns = "Hungry at school",
            Consent = Consent.Given, ScreeningDueAtUtc = DateTime.UtcNow, RecordedById = _borough.Users[Roles.ContactServiceWorker].Id,
            RecordedByName = "Test Contact service worker", Stage = ContactStage.Closed,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral { PersonId = _borough.Aisha, ContactId = contact.Id, ReferralDate = Today.AddDays(-3), SourceCode = "2A", PrimaryNeedCode = "N0", TeamId = _borough.TeamId });
        db.Involvements.Add(new Involvement { PersonId = _borough.Aisha, Kind = InvolvementKind.Assessment, StartDate = Today.AddDays(-3), TeamId = _borough.TeamId,
            WorkerId = _borough.Users[Roles.SocialWorker].Id });
        await db.SaveChangesAsync();
        _aisha = Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Aisha).Select(p => p.Number).SingleAsync());
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { AssessmentCommands.Build(_settings) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse([.. args, "--connection", _database.ConnectionString, "--provider", "Sqlite"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AnAssessment_StartsIsSentFromAFile_AndIsAuthorisedByTheManagerNotTheWorker()
    {
        var worker = TestBorough.EmailFor(Roles.SocialWorker);
        var manager = TestBorough.EmailFor(Roles.TeamManager);
        var file = Path.Combine(Path.GetTempPath(), $"assessment-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""
            { "childSeenOn": "{{Today:yyyy-MM-dd}}", "childSeenAloneOn": "{{Today:yyyy-MM-dd}}", "factorCodes": ["2B"], "analysis": "Low mood; hungry children.",
              "childViews": "Hungry at school.", "familyViews": "Wants help.", "outcome": "ChildInNeedPlan", "primaryNeedCode": "N1" }
            """);

        var future = await RunAsync("assessments", "start", _aisha, "--on", Today.AddDays(1).ToString("yyyy-MM-dd"), "--as", worker);
        var started = await RunAsync("assessments", "start", _aisha, "--as", worker);
        var incomplete = await RunAsync("assessments", "submit", _aisha, "--from", WriteTemp("""{ "analysis": "Only this." }"""), "--as", worker);
        var sent = await RunAsync("assessments", "submit", _aisha, "--from", file, "--as", worker);
        var workerAuthorises = await RunAsync("assessments", "authorise", _aisha, "--reason", "Mine", "--as", worker);
        var authorised = await RunAsync("assessments", "authorise", _aisha, "--reason", "A sound analysis", "--as", manager);
        var shown = await RunAsync("assessments", "show", _aisha, "--as", manager);

        Assert.Equal((1, "--on: The start date cannot be in the future"), (future.Code, future.Error.Trim()));
        Assert.Equal(0, started.Code);
        Assert.Matches(@"^Assessment \d+ started", started.Output);
        Assert.Equal(1, incomplete.Code);
        Assert.Contains("Enter the date the child was seen", incomplete.Error, StringComparison.Ordinal);
        Assert.Equal(0, sent.Code);
        Assert.Equal(3, workerAuthorises.Code);
        Assert.Equal(0, authorised.Code);
        Assert.Contains($"authorised {Today:yyyy-MM-dd} by Test Team manager", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Authorised", shown.Output, StringComparison.Ordinal);
    }

    private static string WriteTemp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assessment-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
