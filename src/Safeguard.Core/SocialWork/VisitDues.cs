using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// The next visit due to children, worked out from their open cases and the last time each was seen (the visits'
/// index on child and date), through <see cref="VisitSchedule"/>: for one child, the children a worker holds (My
/// work), and the late visits of a team or of every team (the service manager's overview).
/// </summary>
public sealed class VisitDues(SafeguardDbContext db, SocialWorkRules rules, WorkingDayCalendar calendar)
{
    /// <summary>The next visit due to one child: under which status, who holds the case, when they were last seen.</summary>
    public sealed record Due(Guid PersonId, string ChildName, InvolvementKind Status, int TeamId, string? WorkerId, string? WorkerName,
        DateOnly? LastSeen, DateOnly DueOn);

    /// <summary>The next visit due to each child the worker holds (an open case allocated to them), soonest first, bounded by <paramref name="take"/>.</summary>
    public async Task<List<Due>> HeldByAsync(string workerId, IQueryable<Person>? visible, int take, CancellationToken ct = default)
    {
        var held = db.Involvements.Where(i => i.WorkerId == workerId && i.EndDate == null);
        if (visible is not null) held = held.Where(i => visible.Any(p => p.Id == i.PersonId));
        return (await DueAsync(held, ct, limit: take * 4)).Take(take).ToList();
    }

    /// <summary>
    /// Children whose next visit was due before <paramref name="today"/>, most overdue first: in one team, or every team
    /// when <paramref name="teamId"/> is null (the service manager's overview). Works from the team's open cases (indexed
    /// by team) and each child's last seen visit (indexed by child and date). <paramref name="visible"/> leaves out the
    /// restricted records the asker may not see.
    /// </summary>
    public async Task<List<Due>> LateVisitsAsync(int? teamId, DateOnly today, int take, IQueryable<Person>? visible = null, CancellationToken ct = default)
    {
        var open = db.Involvements.Where(i => i.EndDate == null);
        if (teamId is { } id) open = open.Where(i => i.TeamId == id);
        if (visible is not null) open = open.Where(i => visible.Any(p => p.Id == i.PersonId));
        return (await DueAsync(open, ct)).Where(d => d.DueOn < today).Take(take).ToList();
    }

    /// <summary>How many children each team has whose next visit was due before <paramref name="today"/> (the service manager's overview).</summary>
    public async Task<Dictionary<int, int>> LateCountsByTeamAsync(DateOnly today, IQueryable<Person>? visible = null, CancellationToken ct = default)
    {
        var open = db.Involvements.Where(i => i.EndDate == null);
        if (visible is not null) open = open.Where(i => visible.Any(p => p.Id == i.PersonId));
        return (await DueAsync(open, ct, limit: int.MaxValue)).Where(d => d.DueOn < today).GroupBy(d => d.TeamId).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// The next visit due to each child among <paramref name="involvements"/> (their open cases with a visiting rule),
    /// soonest first. A child open under two statuses takes the sooner date. The last time the child was seen counts
    /// from the start of the episode: the open referral, or the earliest open case when there is none.
    /// </summary>
    internal async Task<List<Due>> DueAsync(IQueryable<Involvement> involvements, CancellationToken ct, int limit = 5000)
    {
        var kinds = VisitSchedule.Visited;
        var rows = await involvements.AsNoTracking()
            .Where(i => i.EndDate == null && i.TeamId != null && kinds.Contains(i.Kind))
            .Select(i => new
            {
                i.PersonId, i.Kind, i.StartDate, TeamId = i.TeamId!.Value, i.WorkerId, WorkerName = i.Worker == null ? null : i.Worker.DisplayName,
                Child = db.People.Where(p => p.Id == i.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault(),
                LastSeen = db.Visits.Where(v => v.PersonId == i.PersonId && v.ChildSeen).Max(v => (DateOnly?)v.VisitedOn),
                Referral = db.Referrals.Where(r => r.PersonId == i.PersonId && r.ClosedOn == null && !r.NoFurtherAction).Max(r => (DateOnly?)r.ReferralDate),
                AssessmentSeen = db.Assessments.Where(a => a.PersonId == i.PersonId).OrderByDescending(a => a.Id).Select(a => a.ChildSeenOn).FirstOrDefault(),
                ChildSeenDue = db.Assessments.Where(a => a.PersonId == i.PersonId).OrderByDescending(a => a.Id).Select(a => (DateOnly?)a.ChildSeenDueDate).FirstOrDefault(),
                AssessmentStart = db.Assessments.Where(a => a.PersonId == i.PersonId).OrderByDescending(a => a.Id).Select(a => (DateOnly?)a.StartDate).FirstOrDefault(),
            })
            .OrderBy(i => i.PersonId).Take(limit).ToListAsync(ct);

        var dues = new List<Due>();
        foreach (var child in rows.GroupBy(r => r.PersonId))
        {
            var episode = child.First().Referral ?? child.Min(r => r.StartDate);
            // An assessment from an earlier episode says nothing about this one.
            var current = child.First().AssessmentStart is { } started && started >= episode;
            DateOnly? lastSeen = Latest(child.First().LastSeen is { } v && v >= episode ? v : null, current ? child.First().AssessmentSeen : null);
            var due = child
                .Select(r => (Row: r, On: VisitSchedule.NextDue(r.Kind, r.StartDate, lastSeen, current ? r.ChildSeenDue : null, rules, calendar)))
                .Where(x => x.On is not null).OrderBy(x => x.On).FirstOrDefault();
            if (due.Row is { } r)
                dues.Add(new Due(r.PersonId, r.Child ?? "", r.Kind, r.TeamId, r.WorkerId, r.WorkerName, lastSeen, due.On!.Value));
        }
        return dues.OrderBy(d => d.DueOn).ThenBy(d => d.ChildName, StringComparer.Ordinal).ToList();
    }

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
