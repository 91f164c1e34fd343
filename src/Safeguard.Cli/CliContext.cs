using Microsoft.Extensions.Configuration;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

/// <summary>
/// The same configuration as the web app: appsettings.json, then environment variables
/// (ConnectionStrings__Safeguard, Database__Provider, AccessLog__KeyFile...), then --connection/--provider.
/// </summary>
public static class CliContext
{
    public static readonly System.CommandLine.Option<string?> Connection = new("--connection") { Description = "Connection string (overrides ConnectionStrings:Safeguard)", Recursive = true };
    public static readonly System.CommandLine.Option<string?> Provider = new("--provider") { Description = "Sqlite or Postgres (overrides Database:Provider)", Recursive = true };

    /// <param name="settings">Settings under the options' overrides (the tests give the access log key this way).</param>
    public static IConfiguration Configuration(System.CommandLine.ParseResult parse, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (parse.GetValue(Connection) is { } cs) overrides["ConnectionStrings:Safeguard"] = cs;
        if (parse.GetValue(Provider) is { } p) overrides["Database:Provider"] = p;
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    public static SafeguardDbContext Open(IConfiguration config)
    {
        var (provider, cs) = Database.FromConfiguration(config);
        if (provider == DatabaseProvider.Sqlite) EnsureSqliteFolder(cs);
        return Database.Open(provider, cs, Safeguard.Core.SocialWork.SocialWorkRules.From(config));
    }

    public static AccessLogChain Chain(IConfiguration config) => new(AccessLogKey.From(config));

    private static void EnsureSqliteFolder(string cs)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
