using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;

namespace Safeguard.TestCommon;

/// <summary>
/// A fresh, migrated database for one test, on SQLite or the throwaway PostgreSQL that ./test.sh starts
/// (SAFEGUARD_TEST_POSTGRES). Each provider's schema is migrated once per run into a template that every
/// test copies (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static bool _postgresTemplateReady;
    private const string PostgresTemplate = "safeguard_test_template";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _pgName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? file, string? pgName)
    {
        Provider = provider; ConnectionString = connectionString; _file = file; _pgName = pgName;
    }

    public static string? PostgresServer => Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES");

    /// <summary>Skips the test when PostgreSQL is asked for but no server was given (running one suite by hand).</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (PostgresServer is null) Assert.Skip("SAFEGUARD_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL and sets it.");
            return await CreatePostgresAsync();
        }
        return await CreateSqliteAsync();
    }

    public SafeguardDbContext Open() => Database.Open(Provider, ConnectionString);

    private static async Task<TestDatabase> CreateSqliteAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var path = Path.Combine(Path.GetTempPath(), $"safeguard-template-{Guid.NewGuid():N}.db");
                await using (var db = Database.Open(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False"))
                {
                    await db.Database.MigrateAsync();
                    await CalendarTable.RefreshAsync(db, new BankHolidays());
                }
                _sqliteTemplate = path;
            }
        }
        finally { TemplateLock.Release(); }
        var file = Path.Combine(Path.GetTempPath(), $"safeguard-test-{Guid.NewGuid():N}.db");
        File.Copy(_sqliteTemplate, file);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", file, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer!;
        await TemplateLock.WaitAsync();
        try
        {
            if (!_postgresTemplateReady)
            {
                await Execute(server, $"DROP DATABASE IF EXISTS {PostgresTemplate} WITH (FORCE)");
                await Execute(server, $"CREATE DATABASE {PostgresTemplate}");
                await using (var db = Database.Open(DatabaseProvider.Postgres, With(server, PostgresTemplate, pooling: false)))
                {
                    await db.Database.MigrateAsync();
                    await CalendarTable.RefreshAsync(db, new BankHolidays());
                }
                _postgresTemplateReady = true;
            }
            // CREATE DATABASE ... TEMPLATE needs the template idle, so copies are made one at a time.
            var name = "safeguard_test_" + Guid.NewGuid().ToString("N")[..16];
            await Execute(server, $"CREATE DATABASE {name} TEMPLATE {PostgresTemplate}");
            return new TestDatabase(DatabaseProvider.Postgres, With(server, name, pooling: true), null, name);
        }
        finally { TemplateLock.Release(); }
    }

    private static string With(string server, string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = pooling }.ConnectionString;

    private static async Task Execute(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(With(server, "postgres", pooling: false));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
        }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(PostgresServer!, $"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)");
        }
    }
}
