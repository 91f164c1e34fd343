using Safeguard.Core.Data;
using Safeguard.Core.DemoBorough;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.DemoBorough;

/// <summary>A demo borough at scale 1 on one database, with what the generator said about it.</summary>
public sealed record GeneratedBorough(TestDatabase Database, DemoSummary Summary);

/// <summary>
/// Generates the scale-1 borough at most once per provider per test run (the first test that asks waits
/// for it, ten seconds or so), and shares it across the tests, which only read it.
/// </summary>
public sealed class DemoBoroughFixture : IAsyncDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 20);
    public const int Seed = 1;

    private readonly Dictionary<DatabaseProvider, Task<GeneratedBorough>> _boroughs = [];
    private readonly Lock _lock = new();

    public Task<GeneratedBorough> ScaleOneAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres && TestDatabase.PostgresServer is null)
            Assert.Skip("SAFEGUARD_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
        lock (_lock)
        {
            if (_boroughs.Count == 0)
            {
                // Both are built at once, on first use: PostgreSQL does much of its share in its own process.
                var options = new DemoOptions(Seed, 1, AsOf);
                _boroughs[DatabaseProvider.Sqlite] = Task.Run(() => GenerateAsync(DatabaseProvider.Sqlite, options));
                if (TestDatabase.PostgresServer is not null)
                    _boroughs[DatabaseProvider.Postgres] = Task.Run(() => GenerateAsync(DatabaseProvider.Postgres, options));
            }
            return _boroughs[provider];
        }
    }

    public static async Task<GeneratedBorough> GenerateAsync(DatabaseProvider provider, DemoOptions options)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        var summary = await DemoBoroughGenerator.GenerateAsync(db, TestKeys.Chain(), options, null, CancellationToken.None);
        return new GeneratedBorough(database, summary);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var borough in _boroughs.Values.Where(b => b.IsCompletedSuccessfully))
            await borough.Result.Database.DisposeAsync();
    }
}
