using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Safeguard.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the database from configuration alone: Database:Provider (Sqlite or Postgres) and the
/// connection string ConnectionStrings:Safeguard. Each provider has its own migrations assembly.
/// </summary>
public static class Database
{
    public const string SqliteMigrations = "Safeguard.Migrations.Sqlite";
    public const string PostgresMigrations = "Safeguard.Migrations.Postgres";

    public static (DatabaseProvider Provider, string ConnectionString) FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var cs = configuration.GetConnectionString("Safeguard")
            ?? throw new InvalidOperationException("Set the connection string ConnectionStrings:Safeguard.");
        return (provider, cs);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));
        else
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
    }

    public static SafeguardDbContext Open(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<SafeguardDbContext>();
        Configure(options, provider, connectionString);
        return new SafeguardDbContext(options.Options);
    }

    /// <summary>Creates or upgrades the schema. On SQLite also switches to WAL so readers never wait on the writer.</summary>
    public static async Task MigrateAsync(SafeguardDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
