using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Cli;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.SocialWork;

/// <summary>`safeguard plans ...`, in-process against the test borough on SQLite, as named users.</summary>
public sealed class PlanCommandsTests : IAsyncLifetime
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
        var root = new RootCommand { PlanCommands.Build(_settings), AssessmentCommands.Build(_settings) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse([.. args, "--connection", _database.ConnectionString, "--provider", "Sqlite"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task APlan_IsWrittenAfterTheAuthorisedAssessment_SubmittedAndAuthorisedFromTheCommandLine_AndOngoingIsRefused()
    {
        var today = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
        var worker = _borough.Users[Roles.SocialWorker];
        await using (var db = _database.Open())
        {
            db.Involvements.Add(new Involvement { PersonId = _borough.Aisha, Kind = InvolvementKind.Assessment, StartDate = today.AddDays(-10), TeamId = _borough.TeamId, WorkerId = worker.Id });
            var contact = new Contact
            {
                Number = await db.NextNumberAsync("Contact"), ReceivedAtUtc = DateTime.UtcNow.AddDays(-10), SourceCode = "2A", Concerns = "Hungry",
                Consent = Consent.Given, ScreeningDueAtUtc = DateTime.UtcNow, RecordedById = worker.Id, RecordedByName = "Test", Stage = ContactStage.Closed,
            };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            db.Referrals.Add(new Referral { PersonId = _borough.Aisha, ContactId = contact.Id, ReferralDate = today.AddDays(-10), SourceCode = "2A", PrimaryNeedCode = "N1", TeamId = _borough.TeamId });
            await db.SaveChangesAsync();
        }
        await using var check = _database.Open();
        var aisha = Person.FormatNumber(await check.People.Where(p => p.Id == _borough.Aisha).Select(p => p.Number).SingleAsync());
        var workerEmail = TestBorough.EmailFor(Roles.SocialWorker);
        var manager = TestBorough.EmailFor(Roles.TeamManager);
        var due = today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // A plan follows the assessment: refused until a manager authorises it with the outcome "a child in need plan".
        var beforeAssessment = await RunAsync("plans", "create", aisha, "--aims", "Aisha is fed", "--as", workerEmail);
        var file = Path.Combine(Path.GetTempPath(), $"assessment-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""
            { "childSeenOn": "{{today.AddDays(-8):yyyy-MM-dd}}", "childSeenAloneOn": "{{today.AddDays(-8):yyyy-MM-dd}}", "factorCodes": ["2B"],
              "analysis": "Low mood; hungry children.", "childViews": "Hungry at school.", "familyViews": "Wants help.", "outcome": "ChildInNeedPlan", "primaryNeedCode": "N1" }
            """);
        var assessed = new[]
        {
            await RunAsync("assessments", "start", aisha, "--on", today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--as", workerEmail),
            await RunAsync("assessments", "submit", aisha, "--from", file, "--as", workerEmail),
        };
        var beforeAuthorised = await RunAsync("plans", "create", aisha, "--aims", "Aisha is fed", "--as", workerEmail);
        var authorisedAssessment = await RunAsync("assessments", "authorise", aisha, "--reason", "A sound analysis", "--as", manager);
        var tooEarly = await RunAsync("plans", "create", aisha, "--aims", "Aisha is fed", "--start", today.AddDays(-11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--as", workerEmail);
        var created = await RunAsync("plans", "create", aisha, "--aims", "Aisha is fed", "--as", workerEmail);
        var ongoing = await RunAsync("plans", "add-action", aisha, "--text", "School monitors", "--owner", "School", "--due", "ongoing", "--as", workerEmail);
        var added = await RunAsync("plans", "add-action", aisha, "--text", "Weekly visit", "--owner-email", workerEmail, "--due", due, "--as", workerEmail);
        var submitted = await RunAsync("plans", "submit", aisha, "--as", workerEmail);
        var byWorker = await RunAsync("plans", "authorise", aisha, "--reason", "Mine", "--as", workerEmail);
        var authorised = await RunAsync("plans", "authorise", aisha, "--reason", "Clear", "--as", manager);
        var meeting = await RunAsync("plans", "meeting", aisha, "--held-on", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "--attendees", "Aisha, mother", "--minutes", "Going well", "--decision", "Continue", "--progress", "InProgress:One visit done", "--as", workerEmail);

        Assert.Equal((1, "A child in need plan follows an authorised assessment: no assessment has been started for this referral yet. "
            + "Start the child and family assessment first"), (beforeAssessment.Code, beforeAssessment.Error.Trim()));
        Assert.All(assessed, r => Assert.Equal(0, r.Code));
        Assert.Equal(1, beforeAuthorised.Code);
        Assert.Contains("the assessment for this referral has not been authorised yet", beforeAuthorised.Error, StringComparison.Ordinal);
        Assert.Equal(0, authorisedAssessment.Code);
        Assert.Equal(1, tooEarly.Code);
        Assert.StartsWith("--start: ", tooEarly.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, created.Code);
        Assert.Equal((1, "--due: Enter a real date for this action: 'ongoing' is not a date. Every action needs a date by which it will be done"), (ongoing.Code, ongoing.Error.Trim()));
        Assert.Equal((0, 0), (added.Code, submitted.Code));
        Assert.Equal(3, byWorker.Code);
        Assert.Equal(0, authorised.Code);
        Assert.Equal(0, meeting.Code);
        var plan = await check.ChildInNeedPlans.Include(p => p.Actions).Include(p => p.Meetings).SingleAsync(p => p.PersonId == _borough.Aisha);
        Assert.Equal(PlanStage.Active, plan.Stage);
        Assert.Equal((worker.Id, PlanActionStatus.InProgress), (plan.Actions.Single().OwnerUserId, plan.Actions.Single().Status));
        Assert.Equal([(DateOnly?)today, null], plan.Meetings.OrderBy(m => m.Id).Select(m => m.HeldOn));
        Assert.Equal("Continues from the assessment", (await check.Allocations.SingleAsync(a => a.PersonId == _borough.Aisha)).Reason);
    }
}
