using System.CommandLine;
using System.Globalization;
using Safeguard.Core.Access.Log;

namespace Safeguard.Cli;

public static class AuditCommands
{
    public static Command Build()
    {
        var since = new Option<string?>("--since") { Description = "Verify from the checkpoint before this date (yyyy-MM-dd) instead of from the first entry" };
        var verify = new Command("verify", "Check the access log's hash chain; reports the first entry altered, removed or inserted. Exit code 1 if it is broken.") { since };
        verify.SetAction(async (parse, ct) =>
        {
            var config = CliContext.Configuration(parse);
            DateTime? from = null;
            if (parse.GetValue(since) is { } s)
            {
                if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    Console.Error.WriteLine("--since must be a date like 2026-01-31");
                    return 2;
                }
                from = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }
            await using var db = CliContext.Open(config);
            var started = DateTime.UtcNow;
            var result = await new AccessLogVerifier(CliContext.Chain(config)).VerifyAsync(db, from, ct);
            Console.WriteLine(result.Message);
            Console.WriteLine($"({result.EntriesChecked:N0} entries in {(DateTime.UtcNow - started).TotalSeconds:0.0} s)");
            return result.Intact ? 0 : 1;
        });

        var file = new Option<string>("--file") { Description = "Where to write the new key", Required = true };
        var newKey = new Command("new-key", "Write a new random access log key to a file (keep it outside the database and its backups).") { file };
        newKey.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            if (File.Exists(path))
            {
                Console.Error.WriteLine($"{path} already exists: a new key would make the existing log unverifiable. Remove it yourself if you mean to.");
                return 2;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, AccessLogKey.NewKey());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Console.WriteLine($"Wrote a new access log key to {path}.");
            return 0;
        });
        var audit = new Command("audit", "The access log: verify its chain, create its key.") { verify, newKey };
        audit.Options.Add(CliContext.Connection);
        audit.Options.Add(CliContext.Provider);
        return audit;
    }
}
