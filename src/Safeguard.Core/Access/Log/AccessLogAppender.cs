using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Access.Log;

/// <summary>
/// Appends to the chain. One appender at a time holds the tail: on PostgreSQL an advisory lock held to the
/// end of the transaction (so several app servers can share one log), on SQLite the database's single
/// writer (EF's transactions there begin IMMEDIATE). Call inside the transaction that makes the change, so a
/// change and its log entry commit together or not at all.
/// </summary>
public sealed class AccessLogAppender(AccessLogChain chain)
{
    private const long LockId = 0x5AFE_6A2D;

    public async Task AppendAsync(SafeguardDbContext db, IReadOnlyCollection<AccessRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Append to the access log inside a transaction.");
        if (db.IsPostgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockId})", ct);

        var tail = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var entries = chain.Link(tail?.Sequence ?? 0, tail?.Hash ?? AccessLogChain.Genesis, records);
        db.AccessLog.AddRange(entries);
        foreach (var e in entries.Where(e => e.Sequence % AccessLogChain.CheckpointEvery == 0))
        {
            db.AccessLogCheckpoints.Add(new AccessLogCheckpoint
            {
                Sequence = e.Sequence, AtUtc = e.AtUtc, Hash = e.Hash, Seal = chain.SealOf(e.Sequence, e.Hash),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Appends in a transaction of its own (views, sign-ins: nothing else to commit with them).</summary>
    public async Task AppendOwnTransactionAsync(SafeguardDbContext db, IReadOnlyCollection<AccessRecord> records, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AppendAsync(db, records, ct);
        await tx.CommitAsync(ct);
    }
}
