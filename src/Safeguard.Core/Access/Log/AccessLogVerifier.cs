using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Access.Log;

/// <summary>What a verification found: the first entry that does not fit the chain, and how.</summary>
public sealed record VerificationResult(bool Intact, long EntriesChecked, long? FirstBadSequence, string Message);

/// <summary>
/// Walks the log in sequence order, recomputing each HMAC. Reports the first entry altered (its content no
/// longer matches its hash), removed (a gap in the sequence, or a hash that only fits an entry now missing)
/// or inserted (an entry that fits nowhere, whose successor still follows the entry before it).
/// Reads in pages, so memory stays flat however long the log.
/// </summary>
public sealed class AccessLogVerifier(AccessLogChain chain)
{
    private const int Page = 5000;

    public async Task<VerificationResult> VerifyAsync(SafeguardDbContext db, DateTime? sinceUtc = null, CancellationToken ct = default)
    {
        var (afterSequence, previousHash, startNote) = await StartingPointAsync(db, sinceUtc, ct);
        if (startNote is not null) return new VerificationResult(false, 0, afterSequence, startNote);

        long checkedCount = 0;
        long expected = afterSequence + 1;
        AccessLogEntry? suspect = null;    // an entry that did not fit; decided by the one after it
        string hashBeforeSuspect = previousHash;

        while (true)
        {
            var page = await db.AccessLog.AsNoTracking().Where(e => e.Sequence >= expected)
                .OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            if (page.Count == 0) break;
            foreach (var entry in page)
            {
                checkedCount++;
                if (suspect is not null)
                {
                    // Does this entry follow the suspect's stored hash (suspect altered) or the one before it (suspect inserted)?
                    if (chain.HashOf(suspect.Hash, entry) == entry.Hash)
                        return Bad(suspect.Sequence, checkedCount, $"Entry {suspect.Sequence} was altered: its content no longer matches its hash (or the entry before it was removed and the rest renumbered).");
                    if (chain.HashOf(hashBeforeSuspect, entry) == entry.Hash)
                        return Bad(suspect.Sequence, checkedCount, $"Entry {suspect.Sequence} was inserted: it is not part of the chain.");
                    return Bad(suspect.Sequence, checkedCount, $"The chain breaks at entry {suspect.Sequence}: it or an entry before it was altered or removed.");
                }
                if (entry.Sequence != expected)
                    return Bad(expected, checkedCount, $"Entry {expected} was removed (the log jumps from {expected - 1} to {entry.Sequence}).");
                if (chain.HashOf(previousHash, entry) != entry.Hash)
                {
                    suspect = entry;
                    hashBeforeSuspect = previousHash;
                }
                previousHash = entry.Hash;
                expected = entry.Sequence + 1;
            }
        }
        if (suspect is not null)
            return Bad(suspect.Sequence, checkedCount, $"The last entry, {suspect.Sequence}, was altered or inserted.");
        return new VerificationResult(true, checkedCount, null,
            checkedCount == 0 ? "The access log is empty." : $"The access log is intact: {checkedCount:N0} entries checked, up to entry {expected - 1}.");
    }

    private async Task<(long After, string Hash, string? Problem)> StartingPointAsync(SafeguardDbContext db, DateTime? sinceUtc, CancellationToken ct)
    {
        if (sinceUtc is null) return (0, AccessLogChain.Genesis, null);
        var checkpoint = await db.AccessLogCheckpoints.AsNoTracking().Where(c => c.AtUtc <= sinceUtc)
            .OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(ct);
        if (checkpoint is null) return (0, AccessLogChain.Genesis, null);
        if (chain.SealOf(checkpoint.Sequence, checkpoint.Hash) != checkpoint.Seal)
            return (checkpoint.Sequence, "", $"Checkpoint {checkpoint.Sequence} has been altered: its seal does not match.");
        var stored = await db.AccessLog.AsNoTracking().Where(e => e.Sequence == checkpoint.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (stored != checkpoint.Hash)
            return (checkpoint.Sequence, "", $"Entry {checkpoint.Sequence} does not match its checkpoint: it was altered or removed.");
        return (checkpoint.Sequence, checkpoint.Hash, null);
    }

    private static VerificationResult Bad(long sequence, long checkedCount, string message) => new(false, checkedCount, sequence, message);
}
