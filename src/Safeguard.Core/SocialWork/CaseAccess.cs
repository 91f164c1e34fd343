using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Who may open a child's social work (assessments, plans, visits): the members of a team the child is open to,
/// or was, and service managers and QA officers, who oversee every team. A worker of another team cannot, even
/// though they can see the child's record; restricted records stay restricted.
/// </summary>
public sealed class CaseAccess(SafeguardDbContext db, RecordAccess records)
{
    public async Task<bool> CanOpenAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        if (!await records.CanSeeAsync(actor, personId, ct)) return false;
        if (actor.UserId == "system" || actor.Roles.Contains(Roles.ServiceManager) || actor.Roles.Contains(Roles.QaOfficer)) return true;
        var teamId = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
        return teamId is not null && await db.Involvements.AnyAsync(i => i.PersonId == personId && i.TeamId == teamId, ct);
    }

    /// <summary>The child's name for a page heading, once access has been checked (reading it is logged by the caller's own read).</summary>
    public Task<string?> NameAsync(Guid personId, CancellationToken ct = default) =>
        db.People.Where(p => p.Id == personId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefaultAsync(ct);

    /// <summary>Who a case page is about, for its heading: the name, Safeguard ID and whether the record was made in error.</summary>
    public sealed record Child(Guid Id, string FullName, string SafeguardId, DateTime? RecordedInErrorAtUtc);

    /// <summary>
    /// The child for the heading of a page whose own read (a visit, a note, a plan...) has checked access and logged the
    /// view, so one page is one entry in the access log. Null when there is no such person.
    /// </summary>
    public async Task<Child?> ChildAsync(Guid personId, CancellationToken ct = default)
    {
        var p = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.FirstName, p.MiddleNames, p.LastName, p.Number, p.RecordedInErrorAtUtc }).FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var name = p.MiddleNames is { Length: > 0 } ? $"{p.FirstName} {p.MiddleNames} {p.LastName}" : $"{p.FirstName} {p.LastName}";
        return new Child(p.Id, name, Person.FormatNumber(p.Number), p.RecordedInErrorAtUtc);
    }
}
