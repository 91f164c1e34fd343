using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Oversight across a team, for the service manager's view of each team: children open to the team with no
/// management oversight since a date, and actions set by oversight that are overdue. Each is bounded (take) with
/// the full count beside it, and runs on the indexes (ManagementOversight: PersonId, RecordedOn; OversightAction:
/// PersonId), starting from the team's open involvements.
/// </summary>
public sealed class OversightQueries(SafeguardDbContext db, RecordAccess records)
{
    public sealed record ChildWithoutOversight(Guid PersonId, string Name, string? WorkerName, DateOnly OpenSince, DateOnly? LastOversightOn);

    public sealed record OverdueAction(int Id, Guid PersonId, string ChildName, string Text, string OwnerName, string SetById,
        DateOnly DueDate, DateOnly OriginalDueDate, int FollowUps);

    /// <summary>
    /// Children open to the team with no oversight on or after <paramref name="since"/> (for the rule, today less
    /// SocialWorkRules.Oversight): never overseen first, then the longest without; and how many there are in all.
    /// </summary>
    public async Task<(List<ChildWithoutOversight> Rows, int Total)> WithoutOversightAsync(Actor actor, int teamId, DateOnly since, int take, CancellationToken ct = default)
    {
        var query = db.Involvements.AsNoTracking()
            .Where(i => i.TeamId == teamId && i.EndDate == null && i.StartDate < since && !db.Oversights.Any(o => o.PersonId == i.PersonId && o.RecordedOn >= since))
            .Join(records.VisiblePeople(actor), i => i.PersonId, p => p.Id, (i, p) => new
            {
                i.PersonId, Name = p.FirstName + " " + p.LastName, Worker = i.Worker == null ? null : i.Worker.DisplayName, i.StartDate,
                Last = db.Oversights.Where(o => o.PersonId == i.PersonId).Max(o => (DateOnly?)o.RecordedOn),
            });
        var total = await query.Select(x => x.PersonId).Distinct().CountAsync(ct);
        var rows = await query.OrderBy(x => x.Last != null).ThenBy(x => x.Last).ThenBy(x => x.StartDate).Take(take).ToListAsync(ct);
        return (rows.DistinctBy(r => r.PersonId).Select(r => new ChildWithoutOversight(r.PersonId, r.Name, r.Worker, r.StartDate, r.Last)).ToList(), total);
    }

    /// <summary>
    /// Actions not completed and due before <paramref name="today"/>, for children open to the team (every team when
    /// null), longest overdue first; and how many there are in all.
    /// </summary>
    public async Task<(List<OverdueAction> Rows, int Total)> OverdueActionsAsync(Actor actor, int? teamId, DateOnly today, int take, CancellationToken ct = default)
    {
        var actions = db.OversightActions.AsNoTracking().Where(a => a.CompletedOn == null && a.DueDate < today);
        if (teamId is { } team)
            actions = actions.Where(a => db.Involvements.Any(i => i.PersonId == a.PersonId && i.TeamId == team && i.EndDate == null));
        var query = actions.Join(records.VisiblePeople(actor), a => a.PersonId, p => p.Id, (a, p) => new { a, Name = p.FirstName + " " + p.LastName });
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.a.DueDate).ThenBy(x => x.a.Id).Take(take)
            .Select(x => new OverdueAction(x.a.Id, x.a.PersonId, x.Name, x.a.Text, x.a.OwnerName, x.a.SetById, x.a.DueDate, x.a.OriginalDueDate, x.a.FollowUps))
            .ToListAsync(ct);
        return (rows, total);
    }
}
