using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>The CSV import against a real database, once on SQLite and once on PostgreSQL.</summary>
public class ContactImportTests
{
    private static readonly Actor ContactWorker = new("csw-1", "Cal Contact", [Roles.ContactServiceWorker], "test");
    private static readonly Actor SocialWorker = new("sw-1", "Sam Worker", [Roles.SocialWorker], "test");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private const string Header = "received,method,source_code,referrer_agency,referrer_name,referrer_role,referrer_contact,child_ids,child_names,child_dobs,child_address,factor_codes,concerns,referrer_request,consent,consent_reason,police_rag";

    private sealed record World(SafeguardDbContext Db, ContactImport Import, Person Aisha, Person Yusuf);

    private async Task<World> SetUpAsync(SafeguardDbContext db)
    {
        var access = new RecordAccess(db, _clock);
        var appender = new AccessLogAppender(TestKeys.Chain());
        var people = new PeopleService(db, access, appender, new AccessLogQueue(), _clock);
        var contacts = new ContactService(db, access, appender, new FrontDoorRules(), new WorkingDayCalendar(new BankHolidays(), _clock), _clock);
        db.Agencies.AddRange(new Agency { Name = "Test Police", Kind = AgencyKind.Police },
            new Agency { Name = "Test Primary School", Kind = AgencyKind.Education },
            new Agency { Name = "Closed Clinic", Kind = AgencyKind.Health, IsActive = false });
        await db.SaveChangesAsync();
        var aisha = await people.AddAsync(SocialWorker, new PersonDetails { FirstName = "Aisha", LastName = "Khan", DateOfBirth = new DateOnly(2016, 2, 14), Sex = "F", Ethnicity = "APKN" });
        var yusuf = await people.AddAsync(SocialWorker, new PersonDetails { FirstName = "Yusuf", LastName = "Khan", DateOfBirth = new DateOnly(2019, 7, 3), Sex = "M", Ethnicity = "APKN" });
        return new World(db, new ContactImport(db, access, contacts, _clock), aisha, yusuf);
    }

    private static MemoryStream File(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    private static string Good(World w) => $"""
        {Header}
        2026-11-20 14:05,Phone,2A,Test Primary School,Ms Jones,Head teacher,01632 960000,{w.Aisha.SafeguardId};{w.Yusuf.SafeguardId},,,,16A;3b,"Aisha came to school hungry, again",Please visit,Given,,
        2026-11-21 09:30,Police notification,6,test police,PC Smith,,,,Lily Moss;Jack Moss,2018-03-01;,"3 Elm Close, Northmoor",3B,Domestic incident at home,,NotSoughtSafeguarding,Telling the father would put the mother at risk,amber
        2026-11-22 18:00,,1A,,Ben's grandmother,,,,Ben Smith,,,,Worried about Ben,,not needed,,

        """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AGoodFile_LoadsEveryRow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);

        var result = await w.Import.ImportAsync(ContactWorker, File(Good(w)));

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Contacts.Count);
        var saved = await db.Contacts.AsNoTracking().Include(c => c.Children).Include(c => c.Factors).Include(c => c.ReferrerAgency)
            .OrderBy(c => c.Number).ToListAsync();
        Assert.Equal(3, saved.Count);
        var school = saved[0];
        Assert.Equal(new DateTime(2026, 11, 20, 14, 5, 0, DateTimeKind.Utc), school.ReceivedAtUtc);   // November: UK time is UTC
        Assert.Equal(ContactMethod.Phone, school.Method);
        Assert.Equal("Test Primary School", school.ReferrerAgency!.Name);
        Assert.Equal("Aisha came to school hungry, again", school.Concerns);
        Assert.Equal([w.Aisha.Id, w.Yusuf.Id], school.Children.OrderBy(c => c.Id).Select(c => c.PersonId!.Value));
        Assert.Equal(["16A", "3B"], school.Factors.Select(f => f.Code).Order());
        Assert.Equal("csw-1", school.RecordedById);
        var police = saved[1];
        Assert.Equal(ContactMethod.PoliceNotification, police.Method);
        Assert.Equal(Rag.Amber, police.PoliceRag);
        Assert.Equal(Consent.NotSoughtSafeguarding, police.Consent);
        Assert.Equal([("Lily Moss", (DateOnly?)new DateOnly(2018, 3, 1)), ("Jack Moss", null)],
            police.Children.OrderBy(c => c.Id).Select(c => (c.ReportedName!, c.ReportedDateOfBirth)));
        Assert.All(police.Children, c => Assert.Equal("3 Elm Close, Northmoor", c.ReportedAddress));
        Assert.Equal(ContactMethod.Import, saved[2].Method);   // no method given
        Assert.Equal(Consent.NotNeeded, saved[2].Consent);
        Assert.All(saved, c => Assert.Equal(ContactStage.AwaitingScreening, c.Stage));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AFileWithThreeBadRows_ReportsExactlyThoseLinesAndReasons_AndLoadsNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);
        Assert.True((await w.Import.ImportAsync(ContactWorker, File(Good(w)))).Succeeded);
        var before = await db.Contacts.CountAsync();
        var file = $"""
            {Header}
            2026-11-20 14:05,Phone,2A,Test Primary School,Ms Jones,,,{w.Aisha.SafeguardId},,,,,Hungry,,Given,,
            2026-11-20 14:10,Phone,2Z,Test Primary School,Ms Jones,,,{w.Aisha.SafeguardId},,,,,Hungry,,Given,,
            2026-11-20 14:15,Phone,3A,Test Health Trust,Dr Patel,,,{w.Yusuf.SafeguardId},,,,,Bruise,,Given,,
            2026-11-20 14:20,Email,9,,,,,,Sam Doe,,,,Shouting at night,,Given,,
            20/11/2026,Phone,1A,,Neighbour,,,,Ann Lee,2030-01-01,,99Z,,,Maybe,,Red
            """;

        var result = await w.Import.ImportAsync(ContactWorker, File(file));

        Assert.Empty(result.Contacts);
        Assert.Equal(
        [
            (3, "source_code"),
            (4, "referrer_agency"),
            (6, "received"), (6, "child_dobs"), (6, "factor_codes"), (6, "concerns"), (6, "consent"), (6, "police_rag"),
        ], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.StartsWith("Enter a DfE referral source code", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'Test Health Trust'", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("'20/11/2026' is not a date and time", result.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("10 months ahead", result.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal("'99Z' is not a DfE factor code", result.Errors[4].Message);
        Assert.Equal("Describe the concerns", result.Errors[5].Message);
        Assert.StartsWith("'Maybe' is not one of: Given, NotNeeded", result.Errors[6].Message, StringComparison.Ordinal);
        Assert.Equal("Only a police notification has a police RAG rating", result.Errors[7].Message);
        Assert.Equal(before, await db.Contacts.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task QuotedValues_KeepTheirCommasQuotesAndLineBreaks_AndLinesAreCountedInTheFile(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);
        var concerns = "Aisha said: \"\"Mum hits me, sometimes\"\".\nShe asked us not to tell.\n\nSeen by the nurse.";
        var good = $"{Header}\n2026-11-20 14:05,Phone,3C,,Nurse Ray,,,{w.Aisha.SafeguardId},,,,,\"{concerns}\",,Given,,\n";
        var bad = good + "2026-11-20 14:06,Phone,3C,,Nurse Ray,,,SG-99999999,,,,,Again,,Given,,\n";

        var loaded = await w.Import.ImportAsync(ContactWorker, File(good));
        var refused = await w.Import.ImportAsync(ContactWorker, File(bad));

        Assert.Empty(loaded.Errors);
        Assert.Equal("Aisha said: \"Mum hits me, sometimes\".\nShe asked us not to tell.\n\nSeen by the nurse.", loaded.Contacts[0].Concerns);
        Assert.Equal((6, "child_ids"), (refused.Errors.Single().Line, refused.Errors.Single().Field));   // the quoted value spans lines 2 to 5
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AnUnknownOrInactiveAgency_IsReportedByName(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);
        var file = $"""
            {Header}
            2026-11-20 14:05,Phone,6,Northmoor Police,PC Smith,,,{w.Aisha.SafeguardId},,,,,Domestic incident,,Given,,
            2026-11-20 14:06,Phone,3A,Closed Clinic,Dr Lee,,,{w.Aisha.SafeguardId},,,,,Bruising,,Given,,
            """;

        var result = await w.Import.ImportAsync(ContactWorker, File(file));

        Assert.Equal([(2, "referrer_agency"), (3, "referrer_agency")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal("No active agency is called 'Northmoor Police': use the agency's name exactly as Safeguard has it", result.Errors[0].Message);
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ABadOrUnknownSafeguardId_IsReported(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);
        var file = $"""
            {Header}
            2026-11-20 14:05,Phone,2A,Test Primary School,Ms Jones,,,{w.Aisha.SafeguardId};SG-0999999;Aisha,,,,,Hungry,,Given,,
            """;

        var result = await w.Import.ImportAsync(ContactWorker, File(file));

        Assert.Equal(
        [
            (2, "child_ids", "No record has the Safeguard ID SG-0999999, or you may not see it"),
            (2, "child_ids", "'Aisha' is not a Safeguard ID like SG-0001234"),
        ], result.Errors.Select(e => (e.Line, e.Field, e.Message)));
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AFileFromExcel_WithAByteOrderMarkWindowsLineEndsAndBlankLinesAtTheEnd_Loads(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);
        var text = Good(w).ReplaceLineEndings("\r\n") + "\r\n,,,,,,,,,,,,,,,,\r\n\r\n";

        var result = await w.Import.ImportAsync(ContactWorker, File(text, bom: true));

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Contacts.Count);
        Assert.Equal(ContactMethod.Phone, result.Contacts[0].Method);   // the first column was read despite the BOM
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ARoleWithoutImportContacts_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Import.ImportAsync(SocialWorker, File(Good(w))));
        var mashWorker = new Actor("mw-1", "Mo Mash", [Roles.MashWorker], "test");
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Import.ImportAsync(mashWorker, File(Good(w))));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheDocumentedExampleFile_ImportsCleanly_GivenTheDemoBoroughsAgencies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var w = await SetUpAsync(db);
        foreach (var name in new[] { "Northmoor Police (Safeguarding Hub)", "Stonegate Primary School", "Redside Surgery", "Northmoor Community Health", "Northmoor Homes" })
            db.Agencies.Add(new Agency { Name = name, Kind = AgencyKind.Other });
        await db.SaveChangesAsync();

        await using var file = System.IO.File.OpenRead(Path.Combine(RepoPaths.Root, "docs", "examples", "contacts.csv"));
        var result = await w.Import.ImportAsync(ContactWorker, file);

        Assert.Empty(result.Errors);
        Assert.Equal(8, result.Contacts.Count);
    }

    [Fact]
    public void TheHeader_MustNameKnownColumnsOnce_AndTheRequiredOnes()
    {
        var (rows, errors) = ContactImport.Parse(Encoding.UTF8.GetBytes("Received,source_code,notes,Concerns,concerns\n2026-11-20 14:05,2A,x,y,z\n"));

        Assert.Empty(rows);
        Assert.Equal([(1, "notes"), (1, "concerns"), (1, "consent")], errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void Parse_ReportsStrayQuotesAndWrongValueCounts_WithTheirLines()
    {
        var text = "received,source_code,concerns,consent\n2026-11-20 14:05,2A,He said \"no\",Given\n2026-11-20 14:05,2A,Hungry,Given,extra\n2026-11-20 14:05,2A,Fine,Given,,\n";

        var (rows, errors) = ContactImport.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal([4], rows.Select(r => r.Line));
        Assert.Equal([2, 3], errors.Select(e => e.Line));
        Assert.StartsWith("A double quote is out of place", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("This line has 5 values but the header has 4 columns", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesAFileThatIsNotUtf8_NamingTheLine()
    {
        var latin1 = Encoding.Latin1.GetBytes("received,source_code,concerns,consent,child_names\n2026-11-20 14:05,1B,Hungry,Given,Zoë Reed\n");

        var (rows, errors) = ContactImport.Parse(latin1);

        Assert.Empty(rows);
        Assert.Equal((2, "The file is not UTF-8 text: in Excel, save it as \"CSV UTF-8 (comma delimited)\""), (errors.Single().Line, errors.Single().Message));
    }

    [Fact]
    public void Parse_RefusesMoreThanTheMaximumRows_AndEmptyFiles()
    {
        var big = new StringBuilder("received,source_code,concerns,consent\n");
        for (var i = 0; i < ContactImport.MaxRows + 1; i++) big.Append("2026-11-20 14:05,2A,Hungry,Given\n");

        var (rows, errors) = ContactImport.Parse(Encoding.UTF8.GetBytes(big.ToString()));
        var (_, empty) = ContactImport.Parse([]);
        var (_, headerOnly) = ContactImport.Parse(Encoding.UTF8.GetBytes("received,source_code,concerns,consent\n\n"));

        Assert.Empty(rows);
        Assert.Equal((ContactImport.MaxRows + 2, "The file has more than 10,000 contacts: split it into smaller files"), (errors.Single().Line, errors.Single().Message));
        Assert.StartsWith("The file is empty", empty.Single().Message, StringComparison.Ordinal);
        Assert.Equal("The file has a header but no contacts", headerOnly.Single().Message);
    }
}
