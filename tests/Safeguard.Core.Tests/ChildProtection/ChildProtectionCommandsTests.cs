using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Cli;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.ChildProtection;

/// <summary>
/// `safeguard strategy-discussions | section47 | conferences | protection-plans ...`, in-process against the test
/// borough on SQLite, as named users: the whole journey from a strategy discussion to the plan's first core group.
/// </summary>
public sealed class ChildProtectionCommandsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestBorough _borough = null!;
    private readonly Dictionary<string, string?> _settings = new() { ["AccessLog:Key"] = TestKeys.AccessLogBase64, ["AccessLog:KeyFile"] = "" };
    private static readonly DateOnly Today = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

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
        foreach (var command in ChildProtectionCommands.Build(_settings)) root.Subcommands.Add(command);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse([.. args, "--connection", _database.ConnectionString, "--provider", "Sqlite"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Aisha, referred 30 days ago and open to the test team, held by the test social worker.</summary>
    private async Task<string> ReferredAsync()
    {
        await using var db = _database.Open();
        var worker = _borough.Users[Roles.SocialWorker];
        db.Involvements.Add(new Involvement { PersonId = _borough.Aisha, Kind = InvolvementKind.Assessment, StartDate = Today.AddDays(-30), TeamId = _borough.TeamId, WorkerId = worker.Id });
        var contact = new Contact
        {
            Number = await db.NextNumberAsync("Contact"), ReceivedAtUtc = DateTime.UtcNow.AddDays(-30), SourceCode = "2A", Concerns = "Bruising",
            Consent = Consent.Given, ScreeningDueAtUtc = DateTime.UtcNow, RecordedById = worker.Id, RecordedByName = "Test", Stage = ContactStage.Closed,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral { PersonId = _borough.Aisha, ContactId = contact.Id, ReferralDate = Today.AddDays(-30), SourceCode = "2A", PrimaryNeedCode = "N1", TeamId = _borough.TeamId });
        await db.SaveChangesAsync();
        return Person.FormatNumber(await db.People.Where(p => p.Id == _borough.Aisha).Select(p => p.Number).SingleAsync());
    }

    [Fact]
    public async Task ATransferInConference_IsAskedFor_WithTheCouncilNamed()
    {
        var aisha = await ReferredAsync();
        var worker = TestBorough.EmailFor(Roles.SocialWorker);
        var noCouncil = await RunAsync("conferences", "transfer-in", aisha, "--notified-on", Iso(Today.AddDays(-2)), "--from", " ", "--as", worker);
        Assert.Equal(1, noCouncil.Code);
        Assert.Contains("--from", noCouncil.Error, StringComparison.Ordinal);
        var asked = await RunAsync("conferences", "transfer-in", aisha, "--notified-on", Iso(Today.AddDays(-2)), "--from", "Eastshire County Council", "--as", worker);
        Assert.Equal(0, asked.Code);
        Assert.Contains("Transfer-in conference", asked.Output, StringComparison.Ordinal);
        await using var db = _database.Open();
        var conference = await db.Conferences.AsNoTracking().SingleAsync();
        Assert.Equal(ConferenceKind.TransferIn, conference.Kind);
        Assert.Equal(new WorkingDayCalendar(new BankHolidays(), TimeProvider.System).AddWorkingDays(Today.AddDays(-2), 15), conference.DueDate);
        // A chair does not ask for one: that is the child's worker.
        Assert.Equal(3, (await RunAsync("conferences", "transfer-in", aisha, "--notified-on", Iso(Today), "--from", "Eastshire", "--as", TestBorough.EmailFor(Roles.ConferenceChair))).Code);
    }

    [Fact]
    public async Task FromAStrategyDiscussionToTheFirstCoreGroup_FromTheCommandLine()
    {
        var aisha = await ReferredAsync();
        var worker = TestBorough.EmailFor(Roles.SocialWorker);
        var chair = TestBorough.EmailFor(Roles.ConferenceChair);
        var partner = TestBorough.EmailFor(Roles.PartnerAgencyUser);
        var at = $"{Iso(Today.AddDays(-25))} 10:00";

        var noPolice = await RunAsync("strategy-discussions", "record", aisha, "--at", at, "--form", "Call", "--participant", "School:Ms Lee",
            "--information", "Bruising seen at school.", "--decision", "StartSection47", "--reason", "Harm suspected.", "--as", worker);
        var discussed = await RunAsync("strategy-discussions", "record", aisha, "--at", at, "--form", "Call", "--participant", "Police:DC Khan",
            "--participant", "Gp:Dr Obi:absent", "--information", "Bruising seen at school.", "--decision", "StartSection47", "--reason", "Harm suspected.", "--as", worker);
        var unseen = await RunAsync("section47", "outcome", aisha, "--outcome", "InitialConference", "--reason", "Risk continues.", "--as", worker);
        var seen = await RunAsync("section47", "seen", aisha, "--on", Iso(Today.AddDays(-24)), "--alone-on", Iso(Today.AddDays(-24)), "--as", worker);
        var policeTooLong = await RunAsync("section47", "emergency-protection", aisha, "--kind", "PolicePowers", "--start", Iso(Today.AddDays(-26)),
            "--end", Iso(Today.AddDays(-20)), "--as", worker);
        var concluded = await RunAsync("section47", "outcome", aisha, "--outcome", "InitialConference", "--on", Iso(Today.AddDays(-20)), "--reason", "Risk continues.", "--as", worker);

        Assert.Equal(1, noPolice.Code);
        Assert.Contains("--participant: Add the police officer invited", noPolice.Error, StringComparison.Ordinal);
        Assert.Equal(0, discussed.Code);
        Assert.Equal((1, "Record when the child was seen before concluding the enquiry"), (unseen.Code, unseen.Error.Trim()));
        Assert.Equal((0, 0), (seen.Code, concluded.Code));
        Assert.Equal(1, policeTooLong.Code);
        Assert.StartsWith("--end: Police protection lasts at most 72 hours", policeTooLong.Error.Trim(), StringComparison.Ordinal);

        // The chair's list, arranging, inviting; the partner's report.
        Assert.Equal(3, (await RunAsync("conferences", "list", "--as", worker)).Code);
        var list = await RunAsync("conferences", "list", "--as", chair);
        Assert.Contains("Initial child protection conference\tAisha", list.Output, StringComparison.Ordinal);
        int conferenceId;
        await using (var db = _database.Open())
            conferenceId = await db.Conferences.Where(c => c.PersonId == _borough.Aisha).Select(c => c.Id).SingleAsync();
        var id = conferenceId.ToString(CultureInfo.InvariantCulture);
        var arranged = await RunAsync("conferences", "arrange", id, "--at", $"{Iso(Today.AddDays(-16))} 14:00", "--as", chair);
        var invited = await RunAsync("conferences", "invite", id, "--member", $"Police:DC Khan:{partner}:report", "--member", "Gp:Dr Obi:report", "--as", chair);
        var asked = await RunAsync("conferences", "reports", "--as", partner);
        int policeMember;
        await using (var db = _database.Open())
            policeMember = await db.ConferenceMembers.Where(m => m.ConferenceId == conferenceId && m.Role == ProfessionalRole.Police).Select(m => m.Id).SingleAsync();
        var sent = await RunAsync("conferences", "send-report", policeMember.ToString(CultureInfo.InvariantCulture), "--text", "Two call-outs this year.", "--as", partner);
        var shown = await RunAsync("conferences", "show", id, "--as", chair);
        var held = await RunAsync("conferences", "hold", id, "--held-on", Iso(Today.AddDays(-15)), "--attended", policeMember.ToString(CultureInfo.InvariantCulture),
            "--child-participation", "ViewsThroughAdvocate", "--parents-participation", "Attended", "--decision", "Plan", "--category", "phy",
            "--reason", "Injuries not explained.", "--as", chair);

        Assert.Equal((0, 0, 0, 0), (arranged.Code, invited.Code, asked.Code, sent.Code));
        Assert.Contains("Initial child protection conference for Aisha", asked.Output, StringComparison.Ordinal);
        Assert.Contains($"{policeMember}\tPolice\tDC Khan\treport in", shown.Output, StringComparison.Ordinal);
        Assert.Contains("\tGP\tDr Obi\treport asked for", shown.Output, StringComparison.Ordinal);
        Assert.Equal(0, held.Code);
        Assert.Contains("child protection plan", held.Output, StringComparison.Ordinal);

        // The plan: "ongoing" refused, an action, progress, the core group.
        var ongoing = await RunAsync("protection-plans", "add-action", aisha, "--text", "School monitors", "--owner", "School", "--due", "ongoing", "--as", worker);
        var byChair = await RunAsync("protection-plans", "add-action", aisha, "--text", "School monitors", "--owner", "School", "--due", Iso(Today), "--as", chair);
        var added = await RunAsync("protection-plans", "add-action", aisha, "--text", "Visit weekly", "--owner-email", worker, "--due", Iso(Today.AddDays(14)), "--as", worker);
        int actionId;
        await using (var db = _database.Open())
            actionId = await db.ProtectionActions.Select(a => a.Id).SingleAsync();
        var progress = await RunAsync("protection-plans", "progress", aisha, "--action", actionId.ToString(CultureInfo.InvariantCulture), "--status", "InProgress",
            "--text", "Two visits done", "--as", worker);
        var tooEarly = await RunAsync("protection-plans", "core-group", aisha, "--held-on", Iso(Today.AddDays(-16)), "--attendees", "Mother, school",
            "--notes", "Going well", "--progress", "InProgress:Three visits done", "--as", worker);
        var coreGroup = await RunAsync("protection-plans", "core-group", aisha, "--held-on", Iso(Today.AddDays(-2)), "--attendees", "Mother, school",
            "--notes", "Going well", "--progress", "InProgress:Three visits done", "--as", worker);
        var show = await RunAsync("protection-plans", "show", aisha, "--as", chair);

        Assert.Equal((1, "--due: Enter a real date for this action: 'ongoing' is not a date. Every action needs a date by which it will be done"), (ongoing.Code, ongoing.Error.Trim()));
        Assert.Equal(3, byChair.Code);
        Assert.Equal((0, 0), (added.Code, progress.Code));
        Assert.Equal(1, tooEarly.Code);
        Assert.StartsWith($"--held-on: The core group date, {Today.AddDays(-16).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, is before the plan started", tooEarly.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, coreGroup.Code);
        Assert.Contains("Three visits done", show.Output, StringComparison.Ordinal);
        Assert.Contains("Category Physical abuse".ToLowerInvariant(), show.Output.ToLowerInvariant(), StringComparison.Ordinal);

        await using var check = _database.Open();
        var plan = await check.ChildProtectionPlans.Include(p => p.Actions).SingleAsync(p => p.PersonId == _borough.Aisha);
        Assert.Equal((Today.AddDays(-15), "PHY"), (plan.StartDate, plan.InitialCategory));
        Assert.Equal((_borough.Users[Roles.SocialWorker].Id, PlanActionStatus.InProgress), (plan.Actions.Single().OwnerUserId, plan.Actions.Single().Status));
        Assert.Equal([(DateOnly?)Today.AddDays(-2), null], await check.CoreGroups.Where(m => m.PlanId == plan.Id).OrderBy(m => m.Id).Select(m => m.HeldOn).ToListAsync());
        Assert.Equal(2, await check.ProtectionActionProgress.CountAsync());
    }
}

/// <summary>
/// The next core group is scheduled through the council's rule and the calendar: 4 weeks by default; in working days
/// (a council's choice), across Easter and the early May bank holiday.
/// </summary>
public sealed class CoreGroupSchedulingTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    // Held on Maundy Thursday 2026: 4 weeks on is a Thursday; 20 working days skip Good Friday, Easter Monday and 4 May.
    [InlineData(null, "2026-04-30")]
    [InlineData("20 working days", "2026-05-05")]
    public async Task TheNextCoreGroup_IsDueByTheCouncilsInterval_ThroughTheCalendar(string? interval, string due)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AccessLog:Key"] = TestKeys.AccessLogBase64, ["AccessLog:KeyFile"] = "", ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Safeguard"] = _database.ConnectionString, ["ChildProtection:CoreGroup"] = interval,
        }).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 10, 12, 0, 0, TimeSpan.Zero));
        await using var services = CliServices.Build(config, s => s.AddScoped<PeopleService>().AddScoped<RestrictionService>().AddSingleton<TimeProvider>(clock));
        var borough = await TestBorough.SeedAsync(services);
        var start = new DateOnly(2026, 3, 19);
        int planId, meetingId;
        Guid version;
        await using (var db = _database.Open())
        {
            db.Involvements.Add(new Involvement { PersonId = borough.Aisha, Kind = InvolvementKind.ChildProtection, StartDate = start, TeamId = borough.TeamId });
            var conference = new ChildProtectionConference
            {
                PersonId = borough.Aisha, Kind = ConferenceKind.Initial, TeamId = borough.TeamId, DueDate = start, HeldOn = start, Decision = ConferenceDecision.Plan,
                Category = "NEG", Version = Guid.NewGuid(),
            };
            db.Conferences.Add(conference);
            await db.SaveChangesAsync();
            var plan = new ChildProtectionPlan
            {
                PersonId = borough.Aisha, TeamId = borough.TeamId, InitialConferenceId = conference.Id, StartDate = start, InitialCategory = "NEG", LatestCategory = "NEG",
                Version = Guid.NewGuid(),
            };
            db.ChildProtectionPlans.Add(plan);
            await db.SaveChangesAsync();
            var meeting = new CoreGroupMeeting { PlanId = plan.Id, PersonId = borough.Aisha, DueDate = new DateOnly(2026, 4, 2), Version = Guid.NewGuid() };
            db.CoreGroups.Add(meeting);
            await db.SaveChangesAsync();
            (planId, meetingId, version) = (plan.Id, meeting.Id, meeting.Version);
        }

        using var scope = services.CreateScope();
        var held = await scope.ServiceProvider.GetRequiredService<ChildProtectionPlanService>().RecordCoreGroupAsync(borough.Users[Roles.SocialWorker].Actor,
            borough.Aisha, planId, meetingId, version, new(new DateOnly(2026, 4, 2), "Mother, school", "Going well", []));

        Assert.NotNull(held);
        await using var check = _database.Open();
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture),
            await check.CoreGroups.Where(m => m.PlanId == planId && m.HeldOn == null).Select(m => m.DueDate).SingleAsync());
    }
}
