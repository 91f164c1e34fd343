using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Access.Log;

public sealed record AccessHistoryPage(IReadOnlyList<AccessLogEntry> Entries, long? OlderThan);

/// <summary>Who viewed and changed one person's record, newest first, a page at a time (keyset paging on the index).</summary>
public static class AccessHistory
{
    public const int PageSize = 50;

    public static async Task<AccessHistoryPage> ForPersonAsync(SafeguardDbContext db, Guid personId, long? before, CancellationToken ct = default)
    {
        var q = db.AccessLog.AsNoTracking().Where(e => e.PersonId == personId);
        if (before is not null) q = q.Where(e => e.Sequence < before);
        var rows = await q.OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync(ct);
        var more = rows.Count > PageSize;
        if (more) rows.RemoveAt(PageSize);
        return new AccessHistoryPage(rows, more ? rows[^1].Sequence : null);
    }
}
