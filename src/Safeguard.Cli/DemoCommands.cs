using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.DemoBorough;
using Safeguard.Core.People;

namespace Safeguard.Cli;

public static class DemoCommands
{
    public static Command Build()
    {
        var seed = new Option<int>("--seed") { Description = "Which of many possible boroughs (the same seed always gives the same one)", DefaultValueFactory = _ => 1 };
        var scale = new Option<int>("--scale") { Description = "1 is the seeds' borough (about 32,000 people); 10 is the size of the largest councils", DefaultValueFactory = _ => 1 };
        var asOf = new Option<string?>("--as-of") { Description = "The borough's 'today' (yyyy-MM-dd); today in UK time if not given" };
        var generate = new Command("generate", "Fill an empty database with Northmoor, a fictional borough: staff, families, cases, two years of front-door contacts, chronologies and access history.") { seed, scale, asOf };
        generate.SetAction(async (parse, ct) =>
        {
            var config = CliContext.Configuration(parse);
            var date = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
            if (parse.GetValue(asOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                Console.Error.WriteLine("--as-of must be a date like 2026-01-31");
                return 2;
            }
            if (parse.GetValue(scale) is < 1 or > 100)
            {
                Console.Error.WriteLine("--scale must be between 1 and 100");
                return 2;
            }
            await using var db = CliContext.Open(config);
            if (await DemoBoroughGenerator.RefusalAsync(db, ct) is { } refusal)
            {
                Console.Error.WriteLine(refusal);
                return 2;
            }
            Core.Access.Log.AccessLogChain chain;
            try { chain = CliContext.Chain(config); }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine(ex.Message);   // no access log key: the demo's access history could not be chained
                return 2;
            }
            var options = new DemoOptions(parse.GetValue(seed), parse.GetValue(scale), date) { FrontDoorRules = Core.FrontDoor.FrontDoorRules.From(config), SocialWorkRules = Core.SocialWork.SocialWorkRules.From(config) };
            Console.WriteLine($"Generating Northmoor (seed {options.Seed}, scale {options.Scale}, as of {date:d MMMM yyyy})...");
            var summary = await DemoBoroughGenerator.GenerateAsync(db, chain, options, m => Console.WriteLine("  " + m), ct);

            Console.WriteLine($"Done in {summary.Elapsed.TotalSeconds:0.0} s:");
            foreach (var (what, count) in summary.Counts) Console.WriteLine($"  {what,-42} {count,10:N0}");
            var restricted = await db.People.Where(p => p.Id == summary.RestrictedPersonId).Select(p => p.Number).FirstOrDefaultAsync(ct);
            Console.WriteLine($"Restricted demo record: {Person.FormatNumber(restricted)} (the service manager can open it; the social worker cannot).");
            var longHistory = await db.People.Where(p => p.Id == summary.LongHistoryPersonId).Select(p => new { p.Number, p.FirstName, p.LastName }).FirstOrDefaultAsync(ct);
            if (longHistory is not null)
                Console.WriteLine($"Long-history demo child: {Person.FormatNumber(longHistory.Number)} {longHistory.FirstName} {longHistory.LastName} (ten years of cases, hundreds of chronology events).");
            Console.WriteLine("./safeguard demo sign-ins lists one sign-in per role, the password and the authenticator key.");
            return 0;
        });

        var url = new Option<string>("--url") { Description = "Where Safeguard is being served", DefaultValueFactory = _ => "http://127.0.0.1:5000" };
        var signIns = new Command("sign-ins", "Print the demo borough's sign-ins: one user per role, the password and the authenticator key.") { url };
        signIns.SetAction(async (parse, ct) =>
        {
            var config = CliContext.Configuration(parse);
            await using var db = CliContext.Open(config);
            var emails = DemoBoroughGenerator.SignIns.Select(s => s.Email.ToUpperInvariant()).ToList();
            var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!))
                .Select(u => new { u.Id, u.NormalizedEmail, u.DisplayName }).ToListAsync(ct);
            if (users.Count == 0)
            {
                Console.Error.WriteLine("This database has no demo users: ./safeguard demo generate adds the demo borough to an empty database.");
                return 1;
            }
            var ids = users.Select(u => u.Id).ToList();
            var key = await db.UserTokens.Where(t => t.Name == "AuthenticatorKey" && ids.Contains(t.UserId)).Select(t => t.Value).FirstOrDefaultAsync(ct);

            Console.WriteLine($"Sign in at {parse.GetRequiredValue(url).TrimEnd('/')}/account/sign-in as any of these demo users:");
            foreach (var s in DemoBoroughGenerator.SignIns)
            {
                var user = users.FirstOrDefault(u => string.Equals(u.NormalizedEmail, s.Email, StringComparison.OrdinalIgnoreCase));
                if (user is not null) Console.WriteLine($"  {s.RoleLabel,-30} {s.Email,-44} {user.DisplayName}");
            }
            Console.WriteLine($"Password (every demo user): {DemoBoroughGenerator.DemoPassword}");
            Console.WriteLine($"Authenticator key (every demo user): {key ?? "(none set)"}");
            Console.WriteLine("  add it to an authenticator app, or run ./safeguard users code --email <email> for the current code.");
            return 0;
        });

        var demo = new Command("demo", "The demo borough: generate it, and list its sign-ins.") { generate, signIns };
        demo.Options.Add(CliContext.Connection);
        demo.Options.Add(CliContext.Provider);
        return demo;
    }
}
