using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;

// How fast does the access log absorb views? N producers (page requests) queue views as fast as they can;
// the app's own background writer chains them into the database. Reports views per second from the first
// view queued to the last one committed, and checks the chain afterwards.
//   dotnet run --project bench/AccessLogLoad -c Release -- <views> <producers>   (database and key from the usual settings)
var views = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var producers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 16;
var config = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var (provider, cs) = Database.FromConfiguration(config);

var services = new ServiceCollection();
services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
services.AddSafeguardDatabase(provider, cs);
services.AddSingleton(new AccessLogChain(AccessLogKey.From(config)));
services.AddSingleton<AccessLogAppender>();
services.AddSingleton<AccessLogQueue>();
services.AddSingleton<IHostedService, AccessLogWriter>();
await using var sp = services.BuildServiceProvider();
var writer = sp.GetRequiredService<IHostedService>();
var queue = sp.GetRequiredService<AccessLogQueue>();
await writer.StartAsync(CancellationToken.None);

var clock = Stopwatch.StartNew();
var person = Guid.CreateVersion7();
await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
{
    for (var i = p; i < views; i += producers)
        await queue.EnqueueAsync(new AccessRecord(DateTime.UtcNow, $"bench-{p}", "Benchmark", AccessAction.Viewed, person, "Person record (benchmark)"));
})));
var queued = clock.Elapsed;
await queue.FlushAsync(TimeSpan.FromMinutes(10));
var written = clock.Elapsed;
await writer.StopAsync(CancellationToken.None);

Console.WriteLine($"RESULT views={views} producers={producers} queued_s={queued.TotalSeconds:0.00} written_s={written.TotalSeconds:0.00} rate={views / written.TotalSeconds:0}");
