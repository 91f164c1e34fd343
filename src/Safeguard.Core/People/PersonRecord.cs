using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

public sealed record RelatedPerson(int RelationshipId, Guid PersonId, string SafeguardId, string Name, DateOnly? DateOfBirth,
    string Relationship, bool ParentalResponsibility, DateOnly? From, DateOnly? To);

public sealed record HouseholdMember(Guid PersonId, string SafeguardId, string Name, DateOnly? DateOfBirth, DateOnly LivingThereSince);

public sealed record CurrentInvolvement(InvolvementKind Kind, DateOnly StartDate, string? Team, string? Worker);

/// <summary>
/// Everything on a person's page besides their own details: family, household, current involvement and the
/// chronology. People the reader may not see (restricted records) are left out, so a sibling's page never
/// reveals them.
/// </summary>
public sealed class PersonRecord(SafeguardDbContext db, RecordAccess access)
{
    public async Task<IReadOnlyList<RelatedPerson>> FamilyAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var visible = access.VisiblePeople(actor).Where(p => p.RecordedInErrorAtUtc == null);
        var rows = await db.Relationships.AsNoTracking()
            .Where(r => r.RecordedInErrorAtUtc == null && (r.PersonId == personId || r.RelatedPersonId == personId))
            .Select(r => new { Rel = r, OtherId = r.PersonId == personId ? r.RelatedPersonId : r.PersonId })
            .Join(visible, x => x.OtherId, p => p.Id, (x, p) => new { x.Rel, Other = p })
            .ToListAsync(ct);
        return rows
            .Select(x => new RelatedPerson(x.Rel.Id, x.Other.Id, x.Other.SafeguardId, x.Other.FullName, x.Other.DateOfBirth,
                RelationshipTypes.Describe(x.Rel, personId), x.Rel.ParentalResponsibility, x.Rel.From, x.Rel.To))
            .OrderBy(r => r.To is not null).ThenBy(r => r.DateOfBirth ?? DateOnly.MaxValue)
            .ToList();
    }

    /// <summary>Everyone else living now at the person's current address.</summary>
    public async Task<IReadOnlyList<HouseholdMember>> HouseholdAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var key = await db.Addresses.Where(a => a.PersonId == personId && a.To == null)
            .OrderByDescending(a => a.From).Select(a => a.HouseholdKey).FirstOrDefaultAsync(ct);
        if (key is null) return [];
        var visible = access.VisiblePeople(actor).Where(p => p.RecordedInErrorAtUtc == null && p.Id != personId);
        var rows = await db.Addresses.AsNoTracking().Where(a => a.HouseholdKey == key && a.To == null)
            .Join(visible, a => a.PersonId, p => p.Id, (a, p) => new { a.From, Person = p })
            .Take(50).ToListAsync(ct);
        return rows.Select(r => new HouseholdMember(r.Person.Id, r.Person.SafeguardId, r.Person.FullName, r.Person.DateOfBirth, r.From))
            .OrderBy(m => m.DateOfBirth ?? DateOnly.MaxValue).ToList();
    }

    public Task<List<CurrentInvolvement>> InvolvementAsync(Guid personId, CancellationToken ct = default) =>
        db.Involvements.AsNoTracking().Where(i => i.PersonId == personId && i.EndDate == null)
            .OrderBy(i => i.StartDate)
            .Select(i => new CurrentInvolvement(i.Kind, i.StartDate, i.Team != null ? i.Team.Name : null, i.Worker != null ? i.Worker.DisplayName : null))
            .ToListAsync(ct);

    public Task<List<ChronologyEntry>> ChronologyAsync(Guid personId, int take = 200, CancellationToken ct = default) =>
        ChronologyAsync(personId, ChronologyFilter.All, take, ct);

    /// <summary>The person's events that pass the filter, newest first, at most <paramref name="take"/>.</summary>
    public Task<List<ChronologyEntry>> ChronologyAsync(Guid personId, ChronologyFilter filter, int take, CancellationToken ct = default) =>
        filter.Apply(db.Chronology.AsNoTracking().Where(c => c.PersonId == personId))
            .OrderByDescending(c => c.OccurredAtUtc).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);

    /// <summary>How many of the person's events pass the filter (so a page can say when it shows only the newest).</summary>
    public Task<int> ChronologyCountAsync(Guid personId, ChronologyFilter filter, CancellationToken ct = default) =>
        filter.Apply(db.Chronology.Where(c => c.PersonId == personId)).CountAsync(ct);

    /// <summary>The kinds of event on the person's chronology, for the filter's choices.</summary>
    public Task<List<string>> ChronologyKindsAsync(Guid personId, CancellationToken ct = default) =>
        db.Chronology.AsNoTracking().Where(c => c.PersonId == personId).Select(c => c.Kind).Distinct().OrderBy(k => k).ToListAsync(ct);
}
