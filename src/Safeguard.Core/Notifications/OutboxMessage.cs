namespace Safeguard.Core.Notifications;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that caused it, so a request
/// is never sent without being recorded nor recorded without being sent. Emails never carry a child's details:
/// only that there is something to look at, and where.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAtUtc { get; set; }
    public string? LastError { get; set; }
}
