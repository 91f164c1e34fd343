using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.DemoBorough;
using Safeguard.Core.People;
using Safeguard.Core.People.Codes;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.DemoBorough;

/// <summary>The demo borough at scale 1, generated once per database provider and read by every test here.</summary>
public partial class DemoBoroughTests(DemoBoroughFixture fixture) : IClassFixture<DemoBoroughFixture>
{
    private static readonly DateOnly AsOf = DemoBoroughFixture.AsOf;

    private async Task<(GeneratedBorough Borough, SafeguardDbContext Db)> OpenAsync(DatabaseProvider provider)
    {
        var borough = await fixture.ScaleOneAsync(provider);
        return (borough, borough.Database.Open());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ScaleOne_HasTheSeedsBoroughsVolumes(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var eighteenYearsAgo = AsOf.AddYears(-18);

        Assert.InRange(await db.People.CountAsync(), 29_000, 37_000);
        Assert.InRange(await db.People.CountAsync(p => p.DateOfBirth > eighteenYearsAgo), 16_500, 19_500);
        Assert.InRange(await db.People.CountAsync(p => p.DateOfBirth == null && p.ExpectedDateOfBirth > AsOf), 20, 200);
        var open = await db.Involvements.Where(i => i.EndDate == null).GroupBy(i => i.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Kind, g => g.Count);
        Assert.InRange(open[InvolvementKind.ChildProtection], 150, 260);
        Assert.InRange(open[InvolvementKind.LookedAfter], 170, 230);
        Assert.InRange(open[InvolvementKind.ChildInNeed], 1_100, 1_500);
        Assert.InRange(open[InvolvementKind.CareLeaver], 200, 300);
        Assert.InRange(open[InvolvementKind.EarlyHelp], 550, 850);
        Assert.InRange(open[InvolvementKind.Assessment], 180, 320);
        Assert.InRange(await db.Involvements.CountAsync(i => i.EndDate != null), 3_000, 30_000);
        Assert.InRange(await db.Users.CountAsync(), 180, 300);
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.InRange(await db.Restrictions.CountAsync(), 4, 8);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EveryIdentifierAndCode_IsValid(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;

        var people = await db.People.AsNoTracking().Select(p => new { p.NhsNumber, p.Upn, p.UpnUnknownReason, p.Sex, p.Ethnicity, p.DateOfBirth }).ToListAsync();
        var nhs = people.Where(p => p.NhsNumber is not null).Select(p => p.NhsNumber!).ToList();
        Assert.All(nhs, n => Assert.True(NhsNumber.IsValid(n), n));
        Assert.Equal(nhs.Count, nhs.Distinct().Count());
        Assert.InRange(nhs.Count / (double)people.Count, 0.90, 0.98);
        Assert.All(people.Where(p => p.Upn is not null), p => Assert.True(Upn.IsValid(p.Upn), p.Upn));
        Assert.All(people, p => Assert.True(DfeCodes.Sex.IsValid(p.Sex) && DfeCodes.Ethnicity.IsValid(p.Ethnicity)));
        // A school-age child has a UPN or the DfE's reason why not.
        var schoolAge = people.Where(p => p.DateOfBirth is { } d && d <= AsOf.AddYears(-5) && d > AsOf.AddYears(-18)).ToList();
        Assert.All(schoolAge, p => Assert.True(p.Upn is not null ^ p.UpnUnknownReason is not null));
        Assert.All(schoolAge.Where(p => p.UpnUnknownReason is not null), p => Assert.True(DfeCodes.UpnUnknown.IsValid(p.UpnUnknownReason)));

        Assert.All(await db.PersonDisabilities.Select(d => d.Code).ToListAsync(), c => Assert.True(DfeCodes.Disability.IsValid(c) && c != "NONE", c));
        var addresses = await db.Addresses.AsNoTracking().ToListAsync();
        Assert.All(addresses, a => Assert.True(Postcodes.IsValid(a.Postcode), a.Postcode));
        Assert.All(addresses, a => Assert.Equal(Address.KeyFor(a.Line1, a.Postcode), a.HouseholdKey));
        Assert.All(addresses, a => Assert.StartsWith("ZZ", a.Postcode, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EveryPerson_HasNameKeysAChronologyAndANumber(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;

        Assert.Equal(0, await db.People.CountAsync(p => !db.PersonNameKeys.Any(k => k.PersonId == p.Id)));
        Assert.Equal(0, await db.People.CountAsync(p => !db.Chronology.Any(c => c.PersonId == p.Id && c.Kind == ChronologyKinds.PersonAdded)));
        // Aliases are searchable: someone known as Muhammad under another spelling is found by "muhammad".
        var alias = await db.PersonNames.FirstAsync(n => n.Kind == "Alias");
        Assert.True(await db.PersonNameKeys.AnyAsync(k => k.PersonId == alias.PersonId && k.Token == TokenOf(alias.FirstName)));

        var count = await db.People.CountAsync();
        Assert.Equal(count, await db.People.MaxAsync(p => p.Number));
        Assert.Equal(count + 1, await db.NumberSequences.Where(s => s.Name == "Person").Select(s => s.Next).SingleAsync());
    }

    private static string TokenOf(string name) => Core.People.Search.SearchKeys.Tokens(name)[0];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AccessLog_VerifiesIntact(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;

        var result = await new AccessLogVerifier(TestKeys.Chain()).VerifyAsync(db);

        Assert.True(result.Intact, result.Message);
        var entries = await db.AccessLog.CountAsync();
        // Views, the front door's steps and social work's (each assessment, plan, visit, note and oversight recorded).
        Assert.InRange(entries, 250_000, 500_000);
        Assert.Equal(entries, result.EntriesChecked);
        Assert.Equal(entries / AccessLogChain.CheckpointEvery, await db.AccessLogCheckpoints.CountAsync());
        var since = await new AccessLogVerifier(TestKeys.Chain()).VerifyAsync(db, AsOf.AddDays(-30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        Assert.True(since.Intact, since.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DemoSignIns_HaveThePasswordTheKeyAndTheirRole(DatabaseProvider provider)
    {
        var (borough, db) = await OpenAsync(provider);
        await using var _ = db;
        // One per role, and two more partners (health and a school) besides the police one.
        Assert.Equal(Roles.All.Count, borough.Summary.SignIns.Select(s => s.Role).Distinct().Count());
        Assert.Equal(Roles.All.Count + 2, borough.Summary.SignIns.Count);

        foreach (var s in DemoBoroughGenerator.SignIns)
        {
            var email = s.Email.ToUpperInvariant();
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email);
            Assert.Equal(s.DisplayName, user.DisplayName);
            Assert.True(user is { TwoFactorEnabled: true, LockoutEnabled: true, EmailConfirmed: true, IsActive: true });
            Assert.False(string.IsNullOrEmpty(user.SecurityStamp) || string.IsNullOrEmpty(user.ConcurrencyStamp));
            Assert.Equal(user.Email!.ToUpperInvariant(), user.NormalizedUserName);
            var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([s.Role], roles);
            var key = await db.UserTokens.SingleAsync(t => t.UserId == user.Id && t.LoginProvider == "[AspNetUserStore]" && t.Name == "AuthenticatorKey");
            Assert.Equal(DemoBoroughGenerator.DemoAuthenticatorKey, key.Value);
        }
        var hashes = await db.Users.Select(u => u.PasswordHash).Distinct().ToListAsync();
        var hash = Assert.Single(hashes);
        Assert.Equal(PasswordVerificationResult.Success,
            new PasswordHasher<StaffUser>().VerifyHashedPassword(null!, hash!, DemoBoroughGenerator.DemoPassword));
        Assert.True(await db.Users.AllAsync(u => u.Email!.EndsWith(".example")));
    }

    [Fact]
    public async Task DemoUser_SignsInThroughIdentityWithThePasswordAndACodeFromTheKey()
    {
        var borough = await fixture.ScaleOneAsync(DatabaseProvider.Sqlite);
        // Identity wired as the web app wires it, so this is the check a sign-in makes.
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDataProtection();
        collection.AddSafeguardDatabase(DatabaseProvider.Sqlite, borough.Database.ConnectionString);
        collection.AddIdentityCore<StaffUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<SafeguardDbContext>().AddDefaultTokenProviders();
        await using var services = collection.BuildServiceProvider();
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        var user = await users.FindByEmailAsync("social-worker@northmoor.example");

        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, DemoBoroughGenerator.DemoPassword));
        Assert.True(await users.GetTwoFactorEnabledAsync(user));
        var code = new Totp(Base32Encoding.ToBytes(DemoBoroughGenerator.DemoAuthenticatorKey)).ComputeTotp();
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code));
        Assert.Contains(Roles.SocialWorker, await users.GetRolesAsync(user));
    }

    [Fact]
    public void DemoAuthenticatorKey_IsValidBase32()
    {
        Assert.Matches("^[A-Z2-7]{32}$", DemoBoroughGenerator.DemoAuthenticatorKey);
        Assert.Equal(20, Base32Encoding.ToBytes(DemoBoroughGenerator.DemoAuthenticatorKey).Length);
        Assert.Matches("^[0-9]{6}$", new Totp(Base32Encoding.ToBytes(DemoBoroughGenerator.DemoAuthenticatorKey)).ComputeTotp());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RestrictedDemoRecord_IsOpenToTheServiceManagerAndHiddenFromTheSocialWorker(DatabaseProvider provider)
    {
        var (borough, db) = await OpenAsync(provider);
        await using var _ = db;
        var personId = borough.Summary.RestrictedPersonId;
        var manager = await ActorAsync(db, Roles.ServiceManager);
        var worker = await ActorAsync(db, Roles.SocialWorker);

        var restriction = await db.Restrictions.Include(r => r.Members).SingleAsync(r => r.PersonId == personId);
        Assert.Equal(manager.UserId, restriction.OwnerUserId);
        Assert.DoesNotContain(restriction.Members, m => m.UserId == worker.UserId);
        Assert.InRange(restriction.Members.Count, 3, 4);
        var access = new RecordAccess(db, TimeProvider.System);
        Assert.True(await access.CanSeeAsync(manager, personId));
        Assert.False(await access.CanSeeAsync(worker, personId));
    }

    private static async Task<Actor> ActorAsync(SafeguardDbContext db, string role)
    {
        var email = DemoBoroughGenerator.SignIns.First(s => s.Role == role).Email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == email);
        return new Actor(user.Id, user.DisplayName, [role]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task OpenCases_AreHeldByTeamsOfTheirKindMostlyWithinCapacity(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var open = await db.Involvements.AsNoTracking().Include(i => i.Team).Include(i => i.Worker).Where(i => i.EndDate == null).ToListAsync();

        Assert.All(open, i => Assert.Equal(DemoVolumes.TeamFor(i.Kind), i.Team!.Kind));
        Assert.All(open.Where(i => i.Worker is not null), i => Assert.True(i.Worker!.TeamId == i.TeamId && i.Worker.IsActive));
        Assert.InRange(open.Count(i => i.WorkerId is null) / (double)open.Count, 0.005, 0.05);
        var loads = open.Where(i => i.WorkerId is not null).GroupBy(i => i.WorkerId).Select(g => g.Count() / (double)g.First().Team!.CaseloadCapacity!.Value).ToList();
        Assert.InRange(loads.Average(), 0.7, 1.1);
        Assert.InRange(loads.Max(), 1.0, 1.5);   // someone is busy...
        Assert.InRange(loads.Min(), 0.2, 0.9);   // ...and someone is light
        var demoWorker = await ActorAsync(db, Roles.SocialWorker);
        Assert.InRange(open.Count(i => i.WorkerId == demoWorker.UserId), 8, 30);
    }

    [Fact]
    public async Task Generate_RefusesADatabaseThatIsNotEmpty()
    {
        var (borough, db) = await OpenAsync(DatabaseProvider.Sqlite);
        await using var _ = db;
        var people = await db.People.CountAsync();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DemoBoroughGenerator.GenerateAsync(db, TestKeys.Chain(), new DemoOptions(2, 1, AsOf), null, CancellationToken.None));

        Assert.Contains("--reset", ex.Message, StringComparison.Ordinal);
        Assert.Equal(people, await db.People.CountAsync());
        var cli = new System.CommandLine.RootCommand { Cli.DemoCommands.Build() };
        Assert.Equal(2, await cli.Parse(["demo", "generate", "--connection", borough.Database.ConnectionString, "--provider", "Sqlite"]).InvokeAsync());
    }

    [Fact]
    public async Task Generate_WithTheSameOptions_GivesTheSameBorough()
    {
        var options = new DemoOptions(7, 1, AsOf) { Fraction = 0.03 };
        var first = await DemoBoroughFixture.GenerateAsync(DatabaseProvider.Sqlite, options);
        var second = await DemoBoroughFixture.GenerateAsync(DatabaseProvider.Sqlite, options);
        var other = await DemoBoroughFixture.GenerateAsync(DatabaseProvider.Sqlite, options with { Seed = 8 });
        await using (first.Database)
        await using (second.Database)
        await using (other.Database)
        {
            var digest = await DigestAsync(first.Database);
            Assert.Equal(digest, await DigestAsync(second.Database));
            Assert.NotEqual(digest, await DigestAsync(other.Database));
            Assert.Equal(first.Summary.Counts, second.Summary.Counts);
        }
    }

    [Fact]
    public async Task BothProviders_HoldTheSameBorough()
    {
        var sqlite = await fixture.ScaleOneAsync(DatabaseProvider.Sqlite);
        var postgres = await fixture.ScaleOneAsync(DatabaseProvider.Postgres);
        Assert.Equal(await DigestAsync(sqlite.Database), await DigestAsync(postgres.Database));
    }

    /// <summary>A fingerprint of the people, their cases, the front door and the access log, as read back through EF.</summary>
    private static async Task<string> DigestAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var text = new StringBuilder();
        foreach (var p in await db.People.AsNoTracking().OrderBy(p => p.Number).ToListAsync())
            text.AppendLine($"{p.Id}|{p.Number}|{p.FirstName}|{p.MiddleNames}|{p.LastName}|{p.DateOfBirth}|{p.ExpectedDateOfBirth}|{p.Sex}|{p.Ethnicity}|{p.NhsNumber}|{p.Upn}|{p.CreatedAtUtc:O}|{p.CreatedBy}");
        foreach (var i in await db.Involvements.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
            text.AppendLine($"{i.PersonId}|{i.Kind}|{i.StartDate}|{i.EndDate}|{i.TeamId}|{i.WorkerId}");
        foreach (var c in await db.Contacts.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            text.AppendLine($"{c.Number}|{c.ReceivedAtUtc:O}|{c.SourceCode}|{c.ReferrerName}|{c.Stage}|{c.ScreeningOutcome}|{c.ScreenedAtUtc:O}|{c.ReferrerToldOn}|{c.Concerns}");
        foreach (var m in await db.MashCases.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
            text.AppendLine($"{m.ContactId}|{m.InitialRag}|{m.CurrentRag}|{m.DueAtUtc:O}|{m.DecidedAtUtc:O}|{m.Outcome}|{m.WorkerId}");
        text.AppendLine(await db.Referrals.CountAsync() + "|" + await db.InformationRequests.CountAsync() + "|" + await db.Consultations.CountAsync());
        text.AppendLine(await db.Relationships.CountAsync() + "|" + await db.Addresses.CountAsync() + "|" + await db.Chronology.CountAsync());
        text.AppendLine(await db.AccessLog.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstAsync());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
