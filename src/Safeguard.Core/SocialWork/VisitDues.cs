using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// The next visit due to children. Each open case keeps its own (<see cref="Involvement.NextVisitDue"/>), worked out
/// by <see cref="RefreshAsync"/> through <see cref="VisitSchedule"/> whenever what it depends on is saved
/// (<see cref="VisitDueKeeper"/>). Reading is then one indexed query: for one child, the children a worker holds
/// (My work), and the late visits of a team or of every team (the service manager's overview).
/// </summary>
public sealed class VisitDues(SafeguardDbContext db, SocialWorkRules rules, WorkingDayCalendar calendar)
{
    /// <summary>The next visit due to one child: under which status, who holds the case, when they were last seen.</summary>
    public sealed record Due(Guid PersonId, string ChildName, InvolvementKind Status, int TeamId, string? WorkerId, string? WorkerName,
        DateOnly? LastSeen, DateOnly DueOn);

    /// <summary>The next visit due to one child (the soonest of their open cases), or null when none has a visiting rule.</summary>
    public async Task<Due?> ForChildAsync(Guid personId, CancellationToken ct = default) =>
        (await ReadAsync(db.Involvements.Where(i => i.PersonId == personId), 10, ct)).FirstOrDefault();

    /// <summary>The next visit due to each child the worker holds (an open case allocated to them), soonest first, bounded by <paramref name="take"/>.</summary>
    public async Task<List<Due>> HeldByAsync(string workerId, IQueryable<Person>? visible, int take, CancellationToken ct = default)
    {
        var held = db.Involvements.Where(i => i.WorkerId == workerId);
        if (visible is not null) held = held.Where(i => visible.Any(p => p.Id == i.PersonId));
        return (await ReadAsync(held, Rows(take), ct)).Take(take).ToList();
    }

    /// <summary>
    /// Children whose next visit was due before <paramref name="today"/>, most overdue first: in one team, or every team
    /// when <paramref name="teamId"/> is null. <paramref name="visible"/> leaves out the restricted records the asker may not see.
    /// </summary>
    public async Task<List<Due>> LateVisitsAsync(int? teamId, DateOnly today, int take, IQueryable<Person>? visible = null, CancellationToken ct = default)
    {
        var late = db.Involvements.Where(i => i.NextVisitDue < today);
        if (teamId is { } id) late = late.Where(i => i.TeamId == id);
        if (visible is not null) late = late.Where(i => visible.Any(p => p.Id == i.PersonId));
        return (await ReadAsync(late, Rows(take), ct)).Take(take).ToList();
    }

    /// <summary>
    /// How many children each team has whose next visit was due before <paramref name="today"/> (the service manager's
    /// overview), leaving out <paramref name="hidden"/>: the restricted records the asker may not see.
    /// </summary>
    public async Task<Dictionary<int, int>> LateCountsByTeamAsync(DateOnly today, IQueryable<Person>? hidden = null, CancellationToken ct = default)
    {
        var late = db.Involvements.Where(i => i.NextVisitDue < today && i.EndDate == null && i.TeamId != null);
        if (hidden is not null) late = late.Where(i => !hidden.Any(p => p.Id == i.PersonId));
        var counts = await late.GroupBy(i => i.TeamId!.Value)
            .Select(g => new { TeamId = g.Key, Children = g.Select(i => i.PersonId).Distinct().Count() })
            .ToListAsync(ct);
        return counts.ToDictionary(c => c.TeamId, c => c.Children);
    }

    // A child open under two statuses has two rows; reading twice what is wanted leaves enough after keeping their soonest.
    private static int Rows(int take) => take >= int.MaxValue / 2 ? int.MaxValue : Math.Max(take, 0) * 2;

    /// <summary>The stored next visit due of the first <paramref name="rows"/> of <paramref name="involvements"/>, soonest first, one per child (their soonest).</summary>
    private async Task<List<Due>> ReadAsync(IQueryable<Involvement> involvements, int rows, CancellationToken ct)
    {
        var found = await involvements.AsNoTracking()
            .Where(i => i.EndDate == null && i.NextVisitDue != null && i.TeamId != null)
            .OrderBy(i => i.NextVisitDue).ThenBy(i => i.Id)
            .Take(rows)
            .Select(i => new
            {
                i.PersonId, i.Kind, TeamId = i.TeamId!.Value, i.WorkerId, WorkerName = i.Worker == null ? null : i.Worker.DisplayName,
                Child = db.People.Where(p => p.Id == i.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault(),
                i.LastSeenOn, Due = i.NextVisitDue!.Value,
            })
            .ToListAsync(ct);
        return found.DistinctBy(r => r.PersonId)
            .Select(r => new Due(r.PersonId, r.Child ?? "", r.Kind, r.TeamId, r.WorkerId, r.WorkerName, r.LastSeenOn, r.Due))
            .OrderBy(d => d.DueOn).ThenBy(d => d.ChildName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Works out again the next visit due of these children's cases and saves what changed.</summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        if (personIds.Count == 0) return 0;
        var ids = personIds.Distinct().ToList();
        var worked = await WorkOutAsync(db.Involvements.Where(i => ids.Contains(i.PersonId)), ct);
        var cases = await db.Involvements.Where(i => ids.Contains(i.PersonId) && (i.EndDate == null || i.NextVisitDue != null || i.LastSeenOn != null))
            .ToListAsync(ct);
        return await ApplyAsync(cases, worked, ct);
    }

    /// <summary>
    /// Works out again every open case's next visit due and saves what changed: after the demo borough is written in
    /// bulk, and when the application starts (a council may have changed a visiting rule). Returns how many changed.
    /// </summary>
    public async Task<int> RefreshAllAsync(CancellationToken ct = default)
    {
        var worked = await WorkOutAsync(db.Involvements, ct);
        var stale = await db.Involvements.Where(i => i.EndDate == null || i.NextVisitDue != null || i.LastSeenOn != null).ToListAsync(ct);
        return await ApplyAsync(stale, worked, ct);
    }

    private async Task<int> ApplyAsync(List<Involvement> cases, Dictionary<int, (DateOnly? Due, DateOnly? LastSeen)> worked, CancellationToken ct)
    {
        var changed = 0;
        foreach (var c in cases)
        {
            var (due, seen) = worked.GetValueOrDefault(c.Id);
            if (c.NextVisitDue == due && c.LastSeenOn == seen) continue;
            c.NextVisitDue = due;
            c.LastSeenOn = seen;
            changed++;
        }
        if (changed > 0) await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>
    /// The next visit due and the last time seen for each open case among <paramref name="involvements"/> that has a
    /// visiting rule. A child's cases share when they were last seen, counted from the start of the episode: the open
    /// referral, or the earliest open case when there is none. A few grouped queries over the children concerned, not a
    /// lookup per case, so working out a whole borough takes seconds even before the planner has statistics.
    /// </summary>
    private async Task<Dictionary<int, (DateOnly? Due, DateOnly? LastSeen)>> WorkOutAsync(IQueryable<Involvement> involvements, CancellationToken ct)
    {
        var kinds = VisitSchedule.Visited;
        var open = involvements.Where(i => i.EndDate == null && i.TeamId != null && kinds.Contains(i.Kind));
        var cases = await open.AsNoTracking().Select(i => new { i.Id, i.PersonId, i.Kind, i.StartDate }).ToListAsync(ct);
        var children = open.Select(i => i.PersonId);
        var lastVisit = await db.Visits.Where(v => v.ChildSeen && children.Contains(v.PersonId))
            .GroupBy(v => v.PersonId).Select(g => new { g.Key, Last = g.Max(v => v.VisitedOn) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var referred = await db.Referrals.Where(r => r.ClosedOn == null && !r.NoFurtherAction && children.Contains(r.PersonId))
            .GroupBy(r => r.PersonId).Select(g => new { g.Key, Last = g.Max(r => r.ReferralDate) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var latestIds = db.Assessments.Where(a => children.Contains(a.PersonId)).GroupBy(a => a.PersonId).Select(g => g.Max(a => a.Id));
        var assessed = await db.Assessments.Where(a => latestIds.Contains(a.Id))
            .Select(a => new { a.PersonId, a.StartDate, a.ChildSeenOn, a.ChildSeenDueDate }).ToDictionaryAsync(a => a.PersonId, ct);

        var worked = new Dictionary<int, (DateOnly?, DateOnly?)>();
        foreach (var child in cases.GroupBy(c => c.PersonId))
        {
            var episode = referred.TryGetValue(child.Key, out var referral) ? referral : child.Min(c => c.StartDate);
            // An assessment from an earlier episode says nothing about this one.
            var assessment = assessed.GetValueOrDefault(child.Key);
            var current = assessment is not null && assessment.StartDate >= episode;
            DateOnly? visited = lastVisit.TryGetValue(child.Key, out var v) && v >= episode ? v : null;
            var lastSeen = Latest(visited, current ? assessment!.ChildSeenOn : null);
            foreach (var c in child)
                worked[c.Id] = (VisitSchedule.NextDue(c.Kind, c.StartDate, lastSeen, current ? assessment!.ChildSeenDueDate : null, rules, calendar), lastSeen);
        }
        return worked;
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
