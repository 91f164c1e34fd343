using System.CommandLine;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

public static class DatabaseCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Create the database, or bring it up to date, and refresh the working-day calendar table.");
        migrate.Options.Add(CliContext.Connection);
        migrate.Options.Add(CliContext.Provider);
        migrate.SetAction(async (parse, ct) =>
        {
            var config = CliContext.Configuration(parse);
            await using var db = CliContext.Open(config);
            await Database.MigrateAsync(db, ct);
            var days = await CalendarTable.RefreshAsync(db, new BankHolidays(), ct);
            Console.WriteLine($"Database is up to date ({(db.IsPostgres ? "PostgreSQL" : "SQLite")}); calendar days refreshed: {days}.");
            return 0;
        });
        return new Command("db", "Create and migrate the database.") { migrate };
    }
}
