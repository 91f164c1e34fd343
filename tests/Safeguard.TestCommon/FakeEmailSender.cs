using System.Collections.Concurrent;
using Safeguard.Core.Notifications;

namespace Safeguard.TestCommon;

/// <summary>Records emails instead of sending them, so tests can read exactly what would have gone out.</summary>
public sealed class FakeEmailSender : IEmailSender
{
    public sealed record Email(string To, string Subject, string Body);

    public ConcurrentQueue<Email> Sent { get; } = new();

    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        Sent.Enqueue(new Email(to, subject, body));
        return Task.CompletedTask;
    }
}
