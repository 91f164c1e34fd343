using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// A child's case changing status within a team (assessment to child in need, child in need to child protection
/// and back): the open case of the old kind ends and one of the new kind opens on the same day, held by the same
/// worker, with the allocation carried over so the history of who held the case stays whole.
/// </summary>
public static class CaseStatus
{
    /// <summary>
    /// Ends the child's open case of one of <paramref name="from"/> kinds in the team and opens a <paramref name="to"/>
    /// case from <paramref name="on"/>. Returns the new case, and who holds it (null when unallocated); null when there
    /// was no such open case (the caller decides whether that matters).
    /// </summary>
    public static async Task<(Involvement Case, string? WorkerName)?> MoveAsync(SafeguardDbContext db, Actor actor, Guid personId, int teamId,
        InvolvementKind[] from, InvolvementKind to, DateOnly on, string reason, DateTime now, CancellationToken ct)
    {
        var old = await db.Involvements.Include(i => i.Worker)
            .Where(i => i.PersonId == personId && i.TeamId == teamId && i.EndDate == null && from.Contains(i.Kind))
            .OrderByDescending(i => i.StartDate).FirstOrDefaultAsync(ct);
        if (old is null) return null;
        old.EndDate = on < old.StartDate ? old.StartDate : on;
        var next = new Involvement { PersonId = personId, Kind = to, StartDate = on, TeamId = teamId, WorkerId = old.WorkerId };
        db.Involvements.Add(next);
        await db.SaveChangesAsync(ct);
        if (old.WorkerId is null) return (next, null);
        var current = await db.Allocations.FirstOrDefaultAsync(a => a.InvolvementId == old.Id && a.ToUtc == null, ct);
        if (current is not null) current.ToUtc = now;
        var workerName = current?.WorkerName ?? old.Worker?.DisplayName ?? old.WorkerId;
        db.Allocations.Add(new Allocation
        {
            PersonId = personId, InvolvementId = next.Id, TeamId = teamId, WorkerId = old.WorkerId, WorkerName = workerName,
            FromUtc = now, Reason = reason, AllocatedById = actor.UserId, AllocatedByName = actor.DisplayName,
        });
        return (next, workerName);
    }
}
