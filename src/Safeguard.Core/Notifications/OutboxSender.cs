using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Data;

namespace Safeguard.Core.Notifications;

/// <summary>Sends one email. The app uses SMTP when configured, otherwise it only logs; tests use a fake that records.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>When no mail server is configured (the demo, development), emails are written to the log instead.</summary>
public sealed class LogEmailSender(ILogger<LogEmailSender> log) : IEmailSender
{
    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        if (log.IsEnabled(LogLevel.Information)) log.LogInformation("Email (not sent: no mail server configured) to {To}: {Subject}", to, subject);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Sends what is waiting in the outbox every few seconds. A failed send is retried with a growing wait, up to
/// ten times; the error stays on the message for the administrator.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IEmailSender sender, IConfiguration config, TimeProvider clock,
    ILogger<OutboxSender> log) : BackgroundService
{
    public const int MaxAttempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The outbox could not be read");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends every message that is due now. Public so tests can run it without waiting.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Outbox.Where(m => m.SentAtUtc == null && m.NextAttemptAtUtc != null && m.NextAttemptAtUtc <= now)
            .OrderBy(m => m.Id).Take(50).ToListAsync(ct);
        var baseUrl = (config["Notifications:BaseUrl"] ?? "").TrimEnd('/');
        var sent = 0;
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await sender.SendAsync(message.To, message.Subject, message.Body.Replace("{BaseUrl}", baseUrl, StringComparison.Ordinal), ct);
                message.SentAtUtc = now;
                message.NextAttemptAtUtc = null;
                message.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                message.NextAttemptAtUtc = message.Attempts >= MaxAttempts ? null : now.AddMinutes(Math.Pow(2, message.Attempts));
                log.LogWarning("Email {Id} to {To} failed (attempt {Attempt}): {Error}", message.Id, message.To, message.Attempts, e.Message);
            }
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
