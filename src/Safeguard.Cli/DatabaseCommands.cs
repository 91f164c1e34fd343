using System.CommandLine;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.SocialWork;

namespace Safeguard.Cli;

public static class DatabaseCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Create the database, or bring it up to date, refresh the working-day calendar table and work out again each open case's next visit due.");
        migrate.Options.Add(CliContext.Connection);
        migrate.Options.Add(CliContext.Provider);
        migrate.SetAction(async (parse, ct) =>
        {
            var config = CliContext.Configuration(parse);
            await using var db = CliContext.Open(config);
            await Database.MigrateAsync(db, ct);
            var days = await CalendarTable.RefreshAsync(db, new BankHolidays(), ct);
            // A new column, or a visiting rule changed in configuration, takes effect here as well as when the app starts.
            var dues = await new VisitDues(db, SocialWorkRules.From(config), new WorkingDayCalendar(new BankHolidays(), TimeProvider.System)).RefreshAllAsync(ct);
            Console.WriteLine($"Database is up to date ({(db.IsPostgres ? "PostgreSQL" : "SQLite")}); calendar days refreshed: {days}; next visits due changed: {dues}.");
            return 0;
        });
        return new Command("db", "Create and migrate the database.") { migrate };
    }
}
