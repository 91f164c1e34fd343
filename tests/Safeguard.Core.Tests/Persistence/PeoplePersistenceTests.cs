using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Persistence;

/// <summary>The people services against a real database, once on SQLite and once on PostgreSQL.</summary>
public class PeoplePersistenceTests
{
    private static readonly Actor Worker = new("worker-1", "Sam Worker", [Roles.SocialWorker], "test");
    private static readonly Actor Manager = new("manager-1", "Tia Manager", [Roles.TeamManager], "test");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private sealed record Services(SafeguardDbContext Db, PeopleService People, PersonSearch Search, DuplicateCheck Duplicates, RestrictionService Restrictions);

    private Services For(SafeguardDbContext db)
    {
        var access = new RecordAccess(db, _clock);
        var appender = new AccessLogAppender(TestKeys.Chain());
        var queue = new AccessLogQueue();
        return new Services(db, new PeopleService(db, access, appender, queue, _clock), new PersonSearch(db, access, queue, _clock),
            new DuplicateCheck(db, access), new RestrictionService(db, access, appender, _clock));
    }

    private static PersonDetails Child(string first, string last, DateOnly? dob = null, string? nhs = null) =>
        new() { FirstName = first, LastName = last, DateOfBirth = dob ?? new DateOnly(2015, 5, 20), Sex = "F", Ethnicity = "WBRI", NhsNumber = nhs };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Add_NumbersPeopleInTurnAndLogsTheCreationInTheChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var s = For(db);

        var first = await s.People.AddAsync(Worker, Child("Ella", "Brown"));
        var second = await s.People.AddAsync(Worker, Child("Finn", "Brown"));

        Assert.Equal(first.Number + 1, second.Number);
        var log = await db.AccessLog.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([AccessAction.Created, AccessAction.Created], log.Select(e => e.Action));
        Assert.Contains("\"FirstName\":[\"\",\"Ella\"]", log[0].Changes, StringComparison.Ordinal);
        Assert.True((await new AccessLogVerifier(TestKeys.Chain()).VerifyAsync(db)).Intact);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Search_ToleratesSpellingOrderAndHyphens_AndFindsPreviousNames(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var s = For(db);
        var mo = await s.People.AddAsync(Worker, Child("Mohammed", "Ali-Hassan", new DateOnly(2012, 3, 4)));
        var kat = await s.People.AddAsync(Worker, Child("Katherine", "Smyth"));
        await s.People.AddAsync(Worker, Child("Oliver", "Jones"));
        await s.People.UpdateAsync(Worker, kat.Id, kat.Version, Child("Katherine", "Evans"));

        async Task<IEnumerable<Guid>> Find(string q) => (await s.Search.SearchAsync(Worker, new PersonQuery(q))).Items.Select(i => i.Id);

        Assert.Contains(mo.Id, await Find("muhammad ali hassan"));
        Assert.Contains(mo.Id, await Find("Hassan Mohamed"));
        Assert.Contains(mo.Id, await Find("AliHassan"));
        Assert.Contains(mo.Id, await Find("ali-hasan 04/03/2012"));
        Assert.Contains(kat.Id, await Find("Catherine Smith"));     // her previous name, spelt differently
        Assert.Contains(kat.Id, await Find("katherine evans"));
        Assert.Contains(kat.Id, await Find(kat.SafeguardId));
        Assert.DoesNotContain(mo.Id, await Find("oliver jones"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Duplicates_FindTheSameNhsNumberAndASimilarNameWithTheSameBirthday(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var s = For(db);
        var existing = await s.People.AddAsync(Worker, Child("Jayden", "Okafor", new DateOnly(2018, 1, 12), "9434765919"));

        var byName = await s.Duplicates.FindAsync(Worker, Child("Jaden", "Okafor", new DateOnly(2018, 1, 12)));
        var byNhs = await s.Duplicates.FindAsync(Worker, Child("J", "Smith", new DateOnly(2001, 1, 1), "943 476 5919"));
        var nobody = await s.Duplicates.FindAsync(Worker, Child("Grace", "Lee", new DateOnly(2010, 7, 7)));

        Assert.Equal(existing.Id, Assert.Single(byName).Person.Id);
        Assert.Equal(100, Assert.Single(byNhs).Score);
        Assert.Empty(nobody);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Update_WithAStaleVersion_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Person added;
        await using (var db = database.Open()) added = await For(db).People.AddAsync(Worker, Child("Ruby", "Hall"));

        await using (var db = database.Open()) await For(db).People.UpdateAsync(Worker, added.Id, added.Version, Child("Ruby", "Hall-Green"));
        await using (var db = database.Open())
        {
            await Assert.ThrowsAsync<ConcurrencyConflictException>(() => For(db).People.UpdateAsync(Manager, added.Id, added.Version, Child("Rubie", "Hall")));
        }

        await using var check = database.Open();
        Assert.Equal("Hall-Green", (await check.People.SingleAsync(p => p.Id == added.Id)).LastName);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Restriction_HidesTheRecordFromSearchAndOpening_ForEveryoneNotNamed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var s = For(db);
        var child = await s.People.AddAsync(Worker, Child("Noah", "Quinlan"));

        await s.Restrictions.RestrictAsync(Manager, child.Id, "High-profile case", []);

        Assert.Empty((await s.Search.SearchAsync(Worker, new PersonQuery("noah quinlan"))).Items);
        Assert.Null(await s.People.OpenAsync(Worker, child.Id));
        Assert.NotNull(await s.People.OpenAsync(Manager, child.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => s.Restrictions.BreakGlassAsync(Worker, child.Id, "I need to see it now please"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RecordedInError_LeavesSearchButIsKeptWithItsReason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var s = For(db);
        var twice = await s.People.AddAsync(Worker, Child("Isla", "Morgan"));

        await Assert.ThrowsAsync<ValidationException>(() => s.People.MarkRecordedInErrorAsync(Manager, twice.Id, " "));
        await s.People.MarkRecordedInErrorAsync(Manager, twice.Id, "Duplicate of SG-0000001");

        Assert.Empty((await s.Search.SearchAsync(Worker, new PersonQuery("isla morgan"))).Items);
        var kept = await db.People.AsNoTracking().SingleAsync(p => p.Id == twice.Id);
        Assert.Equal("Duplicate of SG-0000001", kept.RecordedInErrorReason);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CalendarTable_CountsWorkingDaysInTheDatabaseAsTheCalendarDoes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var calendar = new WorkingDayCalendar(new BankHolidays(), _clock);
        var from = new DateOnly(2026, 12, 18);
        var to = new DateOnly(2027, 1, 8);

        var inDatabase = await db.CalendarDays.Where(d => d.Date == to).Select(d => d.WorkingDayNumber).SingleAsync()
            - await db.CalendarDays.Where(d => d.Date == from).Select(d => d.WorkingDayNumber).SingleAsync();

        Assert.Equal(calendar.WorkingDaysBetween(from, to), inDatabase);
        // By hand: 21-24 Dec (4); 25 Dec and the Boxing Day substitute on 28 Dec are holidays; 29-31 Dec (3);
        // 1 Jan is a holiday; 4-8 Jan (5). 12 in all.
        Assert.Equal(12, inDatabase);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_MatchTheModel(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed: add a migration for both providers (see README).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
