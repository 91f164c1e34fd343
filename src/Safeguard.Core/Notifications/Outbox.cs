using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Notifications;

/// <summary>
/// Writes emails to the outbox inside the caller's transaction; <see cref="OutboxSender"/> sends them.
/// "{BaseUrl}" in a body is replaced with the configured address of the service when sent.
/// </summary>
public sealed class Outbox(SafeguardDbContext db, TimeProvider clock)
{
    /// <summary>One email to each active user of the agency who has an email address.</summary>
    public async Task<int> NotifyAgencyAsync(int agencyId, string subject, string body, CancellationToken ct = default)
    {
        var emails = await db.Users.Where(u => u.AgencyId == agencyId && u.IsActive && u.Email != null)
            .Select(u => u.Email!).ToListAsync(ct);
        foreach (var to in emails) Add(to, subject, body);
        await db.SaveChangesAsync(ct);
        return emails.Count;
    }

    /// <summary>One email to one address.</summary>
    public async Task AddAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        Add(to, subject, body);
        await db.SaveChangesAsync(ct);
    }

    private void Add(string to, string subject, string body)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage { To = to, Subject = subject, Body = body, CreatedAtUtc = now, NextAttemptAtUtc = now });
    }
}
