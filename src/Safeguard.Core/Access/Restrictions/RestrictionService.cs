using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.Access.Restrictions;

/// <summary>Restricting a record, naming who may see it, lifting it, and breaking the glass.</summary>
public sealed class RestrictionService(SafeguardDbContext db, RecordAccess access, AccessLogAppender appender, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<RecordRestriction?> CurrentAsync(Guid personId, CancellationToken ct = default) =>
        db.Restrictions.Include(r => r.Members).AsNoTracking()
            .FirstOrDefaultAsync(r => r.PersonId == personId && r.LiftedAtUtc == null, ct);

    /// <summary>Restricts a record. The person restricting it owns the restriction and is always named on it.</summary>
    public async Task<RecordRestriction?> RestrictAsync(Actor actor, Guid personId, string reason, IReadOnlyCollection<string> memberUserIds, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RestrictRecord);
        if (string.IsNullOrWhiteSpace(reason)) throw Refuse.Invalid("Reason", "Enter why this record is restricted");
        if (reason.Length > 1000) throw Refuse.Invalid("Reason", "The reason must be 1,000 characters or fewer");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await access.VisiblePeople(actor).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return null;
        if (person.IsRestricted) throw Refuse.Invalid("Reason", "This record is already restricted: change who is named on the restriction instead");
        var known = await db.Users.Where(u => memberUserIds.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var unknown = memberUserIds.Except(known).ToList();
        if (unknown.Count > 0) throw Refuse.Invalid("Members", "Choose people who have an active account");

        var now = Now;
        var restriction = new RecordRestriction { PersonId = personId, Reason = reason.Trim(), OwnerUserId = actor.UserId, CreatedAtUtc = now };
        foreach (var id in known.Append(actor.UserId).Distinct()) restriction.Members.Add(new RestrictionMember { UserId = id });
        db.Restrictions.Add(restriction);
        person.IsRestricted = true;
        ChronologyWriter.Add(db, personId, now, now, actor, PeopleService.Area, ChronologyKinds.Restricted, "Record restricted", significant: true);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Restricted, personId, "Restriction",
            JsonSerializer.Serialize(new { reason = restriction.Reason, members = restriction.Members.Select(m => m.UserId) }))], ct);
        await tx.CommitAsync(ct);
        return restriction;
    }

    public async Task<bool> LiftAsync(Actor actor, Guid personId, string reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RestrictRecord);
        if (string.IsNullOrWhiteSpace(reason)) throw Refuse.Invalid("Reason", "Enter why the restriction is being lifted");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await access.CanSeeAsync(actor, personId, ct)) return false;
        var restriction = await db.Restrictions.FirstOrDefaultAsync(r => r.PersonId == personId && r.LiftedAtUtc == null, ct);
        var person = await db.People.FirstAsync(p => p.Id == personId, ct);
        if (restriction is null) return false;
        var now = Now;
        restriction.LiftedAtUtc = now;
        restriction.LiftedBy = actor.DisplayName;
        person.IsRestricted = false;
        ChronologyWriter.Add(db, personId, now, now, actor, PeopleService.Area, ChronologyKinds.RestrictionLifted, "Restriction lifted: " + reason.Trim(), significant: true);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.RestrictionLifted, personId, "Restriction", JsonSerializer.Serialize(new { reason }))], ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Opens a restricted record to someone not named on it, for a working shift, with a reason the owner sees.
    /// Returns false when there is no such restricted record (so nothing is revealed about other records).
    /// </summary>
    public async Task<bool> BreakGlassAsync(Actor actor, Guid personId, string reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.BreakGlass);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 10)
            throw Refuse.Invalid("Reason", "Enter why you need to see this record (at least 10 characters)");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var restriction = await db.Restrictions.FirstOrDefaultAsync(r => r.PersonId == personId && r.LiftedAtUtc == null, ct);
        if (restriction is null) return false;
        var now = Now;
        db.BreakGlassAccesses.Add(new BreakGlassAccess
        {
            RestrictionId = restriction.Id, PersonId = personId, UserId = actor.UserId, UserName = actor.DisplayName,
            Reason = reason.Trim(), AtUtc = now, ExpiresAtUtc = now + BreakGlassAccess.Lasts,
        });
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.BrokeGlass, personId, "Restricted record", JsonSerializer.Serialize(new { reason = reason.Trim() }))], ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Break-glass openings of the restrictions this user owns that they have not yet acknowledged.</summary>
    public Task<List<BreakGlassAccess>> UnacknowledgedForOwnerAsync(string ownerUserId, CancellationToken ct = default) =>
        db.BreakGlassAccesses.AsNoTracking()
            .Where(b => b.AcknowledgedAtUtc == null && db.Restrictions.Any(r => r.Id == b.RestrictionId && r.OwnerUserId == ownerUserId))
            .OrderByDescending(b => b.AtUtc).Take(50).ToListAsync(ct);

    public async Task AcknowledgeAsync(Actor actor, int breakGlassId, CancellationToken ct = default)
    {
        var b = await db.BreakGlassAccesses.FirstOrDefaultAsync(x => x.Id == breakGlassId
            && db.Restrictions.Any(r => r.Id == x.RestrictionId && r.OwnerUserId == actor.UserId), ct);
        if (b is null) return;
        b.AcknowledgedAtUtc = Now;
        await db.SaveChangesAsync(ct);
    }
}
