using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.Access.Restrictions;

/// <summary>
/// Decides which people's records someone may know exist. A restricted record is visible only to those
/// named on its restriction (its owner always is) and to someone who has broken the glass, until that expires.
/// Used as a filter in every query, so restricted records never appear in search or lists.
/// </summary>
public sealed class RecordAccess(SafeguardDbContext db, TimeProvider clock)
{
    public IQueryable<Person> VisiblePeople(Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = actor.UserId;
        return db.People.Where(p => !p.IsRestricted
            || db.Restrictions.Any(r => r.PersonId == p.Id && r.LiftedAtUtc == null
                && (r.OwnerUserId == userId || r.Members.Any(m => m.UserId == userId)))
            || db.BreakGlassAccesses.Any(b => b.PersonId == p.Id && b.UserId == userId && b.ExpiresAtUtc > now));
    }

    /// <summary>
    /// The restricted records someone may not see: the complement of <see cref="VisiblePeople"/>, and a handful of
    /// rows. Counting across the borough, "not hidden" is one small anti-join where "visible" is a lookup per row.
    /// </summary>
    public IQueryable<Person> HiddenPeople(Actor actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = actor.UserId;
        return db.People.Where(p => p.IsRestricted
            && !db.Restrictions.Any(r => r.PersonId == p.Id && r.LiftedAtUtc == null
                && (r.OwnerUserId == userId || r.Members.Any(m => m.UserId == userId)))
            && !db.BreakGlassAccesses.Any(b => b.PersonId == p.Id && b.UserId == userId && b.ExpiresAtUtc > now));
    }

    public Task<bool> CanSeeAsync(Actor actor, Guid personId, CancellationToken ct = default) =>
        VisiblePeople(actor).AnyAsync(p => p.Id == personId, ct);
}
