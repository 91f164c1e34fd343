using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Access;

/// <summary>The chain written to a real database, read back, and tampered with in the ways an intruder might.</summary>
public class AccessLogVerificationTests
{
    private static readonly AccessLogChain Chain = TestKeys.Chain();

    private static async Task<TestDatabase> LogWithEntriesAsync(DatabaseProvider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var appender = new AccessLogAppender(Chain);
        var start = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        for (var written = 0; written < count; written += 500)
        {
            var batch = Enumerable.Range(written, Math.Min(500, count - written))
                .Select(i => new AccessRecord(start.AddMinutes(i).AddTicks(i * 37), $"user{i % 7}", "Worker é ñ 李", AccessAction.Viewed,
                    Guid.CreateVersion7(), $"Person record {i}", i % 3 == 0 ? "{\"a\":[\"x\",\"y\"]}" : null, "10.0.0.1"))
                .ToList();
            await appender.AppendOwnTransactionAsync(db, batch);
        }
        return database;
    }

    private static async Task<VerificationResult> VerifyAsync(TestDatabase database, DateTime? since = null)
    {
        await using var db = database.Open();
        return await new AccessLogVerifier(Chain).VerifyAsync(db, since);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_AnUntouchedLog_IsIntactAndHasACheckpointEveryThousand(DatabaseProvider provider)
    {
        await using var database = await LogWithEntriesAsync(provider, 2300);

        var result = await VerifyAsync(database);

        Assert.True(result.Intact, result.Message);
        Assert.Equal(2300, result.EntriesChecked);
        await using var db = database.Open();
        Assert.Equal([1000L, 2000L], await db.AccessLogCheckpoints.OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_AnAlteredEntry_IsReportedByNumber(DatabaseProvider provider)
    {
        await using var database = await LogWithEntriesAsync(provider, 1200);
        await using (var db = database.Open())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AccessLog\" SET \"UserName\" = 'Someone else' WHERE \"Sequence\" = 777");

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(777, result.FirstBadSequence);
        Assert.Contains("altered", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_ARemovedEntry_IsReportedByNumber(DatabaseProvider provider)
    {
        await using var database = await LogWithEntriesAsync(provider, 600);
        await using (var db = database.Open())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AccessLog\" WHERE \"Sequence\" = 321");

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(321, result.FirstBadSequence);
        Assert.Contains("removed", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_AnInsertedEntry_IsReportedByNumber(DatabaseProvider provider)
    {
        await using var database = await LogWithEntriesAsync(provider, 600);
        await using (var db = database.Open())
        {
            // Make room after entry 400 and forge an entry there, as someone without the key would have to.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AccessLog\" SET \"Sequence\" = \"Sequence\" + 100000 WHERE \"Sequence\" > 400");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AccessLog\" SET \"Sequence\" = \"Sequence\" - 100000 + 1 WHERE \"Sequence\" > 100000");
            db.AccessLog.Add(new AccessLogEntry
            {
                Sequence = 401, AtUtc = new DateTime(2026, 1, 5, 16, 0, 0, DateTimeKind.Utc), UserId = "intruder", UserName = "Intruder",
                Action = AccessAction.Viewed, What = "Person record", Hash = new string('a', 64),
            });
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(401, result.FirstBadSequence);
        Assert.Contains("inserted", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_SinceADate_StartsAtTheCheckpointBeforeItAndStillFindsLaterTampering(DatabaseProvider provider)
    {
        await using var database = await LogWithEntriesAsync(provider, 2500);
        var since = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc).AddMinutes(2100);

        var intact = await VerifyAsync(database, since);
        Assert.True(intact.Intact, intact.Message);
        Assert.Equal(500, intact.EntriesChecked);   // from checkpoint 2000 to 2500

        await using (var db = database.Open())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AccessLog\" SET \"What\" = 'nothing to see' WHERE \"Sequence\" = 2222");
        var broken = await VerifyAsync(database, since);
        Assert.Equal(2222, broken.FirstBadSequence);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_AForgedCheckpoint_IsRefused(DatabaseProvider provider)
    {
        await using var database = await LogWithEntriesAsync(provider, 1100);
        await using (var db = database.Open())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AccessLogCheckpoints\" SET \"Hash\" = 'ff' WHERE \"Sequence\" = 1000");

        var result = await VerifyAsync(database, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.False(result.Intact);
        Assert.Contains("Checkpoint 1000", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Append_FromManyWritersAtOnce_KeepsOneUnbrokenChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var appender = new AccessLogAppender(Chain);
        var writers = Enumerable.Range(0, 8).Select(async w =>
        {
            await using var db = database.Open();
            for (var i = 0; i < 10; i++)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await appender.AppendOwnTransactionAsync(db, [new AccessRecord(DateTime.UtcNow, $"w{w}", "Writer", AccessAction.Viewed, null, $"view {i}")]);
                        break;
                    }
                    catch (Exception) when (attempt < 50)
                    {
                        db.ChangeTracker.Clear();   // SQLite busy: the one writer is elsewhere; try again
                        await Task.Delay(10);
                    }
                }
            }
        });
        await Task.WhenAll(writers);

        var result = await VerifyAsync(database);
        Assert.True(result.Intact, result.Message);
        Assert.Equal(80, result.EntriesChecked);
    }
}
