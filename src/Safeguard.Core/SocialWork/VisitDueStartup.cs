using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Data;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Before the app takes requests, works out again every open case's next visit due, so a visiting rule the council
/// has changed in configuration applies at once to every child. It writes only what changed (nothing, usually).
/// </summary>
public sealed class VisitDueStartup(IServiceScopeFactory scopes, ILogger<VisitDueStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var scope = scopes.CreateScope();
            var changed = await scope.ServiceProvider.GetRequiredService<VisitDues>().RefreshAllAsync(cancellationToken);
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("Next visit due worked out again for every open case in {Ms} ms: {Changed} changed", clock.ElapsedMilliseconds, changed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pages still work from the stored dates; the next start tries again.
            log.LogError(e, "The next visit due could not be worked out again at start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
