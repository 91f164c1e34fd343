using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;

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

    /// <summary>
    /// Registers the context for the web app, the command line and the tests, with what every save needs: the
    /// keeper of each case's next visit due (by the registered <see cref="SocialWorkRules"/> and calendar, or the defaults).
    /// </summary>
    public static IServiceCollection AddSafeguardDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddSingleton(sp => new VisitDueKeeper(sp.GetService<SocialWorkRules>() ?? new SocialWorkRules(),
            sp.GetService<WorkingDayCalendar>() ?? DefaultCalendar()));
        return services.AddDbContext<SafeguardDbContext>((sp, o) =>
        {
            Configure(o, provider, connectionString);
            o.AddInterceptors(sp.GetRequiredService<VisitDueKeeper>());
        });
    }

    /// <summary>A context outside dependency injection (migrations, bulk work, tests), keeping visit dues by <paramref name="rules"/> or the defaults.</summary>
    public static SafeguardDbContext Open(DatabaseProvider provider, string connectionString, SocialWorkRules? rules = null)
    {
        var options = new DbContextOptionsBuilder<SafeguardDbContext>();
        Configure(options, provider, connectionString);
        options.AddInterceptors(new VisitDueKeeper(rules ?? new SocialWorkRules(), DefaultCalendar()));
        return new SafeguardDbContext(options.Options);
    }

    private static WorkingDayCalendar DefaultCalendar() => new(new BankHolidays(), TimeProvider.System);

    /// <summary>Creates or upgrades the schema. On SQLite also switches to WAL so readers never wait on the writer.</summary>
    public static async Task MigrateAsync(SafeguardDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
