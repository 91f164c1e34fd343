using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// What is late in each social work team: assessments past their due date, visits, child in need reviews, plan
/// actions, oversight actions, and children with no management oversight within the council's interval. The
/// service manager sees every team's counts; a team's own page lists the children. Counts are grouped queries on
/// the indexes, one per kind of work, whatever the number of teams.
/// </summary>
public sealed class TeamOverdue(SafeguardDbContext db, RecordAccess records, VisitDues visits, OversightQueries oversight, SocialWorkRules rules)
{
    /// <summary>The teams that hold children's cases.</summary>
    public static readonly TeamKind[] SocialWorkTeams = [TeamKind.Assessment, TeamKind.ChildInNeed, TeamKind.ChildProtection, TeamKind.LookedAfter, TeamKind.LeavingCare];

    public sealed record Counts(int TeamId, string TeamName, TeamKind Kind, int OpenCases, int LateAssessments, int AwaitingAuthorisation, int LateVisits,
        int OverdueReviews, int OverduePlanActions, int OverdueOversightActions, int WithoutOversight)
    {
        public int Late => LateAssessments + LateVisits + OverdueReviews + OverduePlanActions + OverdueOversightActions + WithoutOversight;
    }

    public sealed record LateAssessment(int Id, Guid PersonId, string ChildName, string WorkerName, AssessmentStage Stage, DateOnly DueDate, bool ChildSeen);
    public sealed record OverdueReview(int PlanId, int MeetingId, Guid PersonId, string ChildName, DateOnly DueDate);
    public sealed record OverduePlanAction(int PlanId, int ActionId, Guid PersonId, string ChildName, string Text, string OwnerName, DateOnly DueDate);

    public sealed record Detail(Counts Counts, List<LateAssessment> Assessments, List<VisitDues.Due> Visits, List<OverdueReview> Reviews,
        List<OverduePlanAction> PlanActions, List<OversightQueries.OverdueAction> OversightActions, List<OversightQueries.ChildWithoutOversight> WithoutOversight,
        DateOnly OversightSince);

    /// <summary>The oversight interval's start: children with none on or after this day are listed.</summary>
    public DateOnly OversightSince(DateOnly today) => rules.Oversight.Unit switch
    {
        TimescaleUnit.Weeks => today.AddDays(-7 * rules.Oversight.Amount),
        TimescaleUnit.Months => today.AddMonths(-rules.Oversight.Amount),
        _ => today.AddDays(-rules.Oversight.Amount * 7 / 5),   // working days, roughly: only a listing threshold
    };

    /// <summary>Every social work team's counts, for the service manager.</summary>
    public async Task<List<Counts>> TeamsAsync(Actor actor, DateOnly today, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.OverseeTeams);
        // Counted over every team: leaving out the few hidden records is cheaper than checking each row is visible.
        var hidden = records.HiddenPeople(actor);
        var teams = await db.Teams.AsNoTracking().Where(t => SocialWorkTeams.Contains(t.Kind)).OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.Kind }).ToListAsync(ct);
        var open = await Grouped(db.Involvements.Where(i => i.EndDate == null && i.TeamId != null && !hidden.Any(p => p.Id == i.PersonId)).GroupBy(i => i.TeamId!.Value), ct);
        var late = await Grouped(Assessments(hidden).Where(a => a.Stage != AssessmentStage.Authorised && a.DueDate < today).GroupBy(a => a.TeamId), ct);
        var waiting = await Grouped(Assessments(hidden).Where(a => a.Stage == AssessmentStage.AwaitingAuthorisation).GroupBy(a => a.TeamId), ct);
        var reviews = await Grouped(Reviews(hidden, today).GroupBy(x => x.TeamId), ct);
        var actions = await Grouped(PlanActions(hidden, today).GroupBy(x => x.TeamId), ct);
        var oversightActions = await Grouped(db.OversightActions.Where(a => a.CompletedOn == null && a.DueDate < today && !hidden.Any(p => p.Id == a.PersonId))
            .SelectMany(a => db.Involvements.Where(i => i.PersonId == a.PersonId && i.EndDate == null && i.TeamId != null).Select(i => i.TeamId!.Value))
            .GroupBy(t => t), ct);
        var since = OversightSince(today);
        var without = await Grouped(db.Involvements.Where(i => i.EndDate == null && i.TeamId != null && i.StartDate < since && !hidden.Any(p => p.Id == i.PersonId)
            && !db.Oversights.Any(o => o.PersonId == i.PersonId && o.RecordedOn >= since)).GroupBy(i => i.TeamId!.Value), ct);
        var lateVisits = await visits.LateCountsByTeamAsync(today, hidden, ct);
        return teams.Select(t => new Counts(t.Id, t.Name, t.Kind, open.GetValueOrDefault(t.Id), late.GetValueOrDefault(t.Id), waiting.GetValueOrDefault(t.Id),
            lateVisits.GetValueOrDefault(t.Id), reviews.GetValueOrDefault(t.Id), actions.GetValueOrDefault(t.Id), oversightActions.GetValueOrDefault(t.Id),
            without.GetValueOrDefault(t.Id))).ToList();
    }

    /// <summary>One team's late work, child by child (at most <paramref name="take"/> of each kind, with the counts in full).</summary>
    public async Task<Detail?> TeamAsync(Actor actor, int teamId, DateOnly today, int take = 50, CancellationToken ct = default)
    {
        if (!await MayOverseeAsync(actor, teamId, ct)) return null;
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name, t.Kind }).FirstOrDefaultAsync(ct);
        if (team is null) return null;
        var hidden = records.HiddenPeople(actor);
        var lateQuery = Assessments(hidden).Where(a => a.TeamId == teamId && a.Stage != AssessmentStage.Authorised && a.DueDate < today);
        var assessments = await lateQuery.OrderBy(a => a.DueDate).Take(take)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new LateAssessment(a.Id, a.PersonId, p.FirstName + " " + p.LastName, a.WorkerName, a.Stage, a.DueDate, a.ChildSeenOn != null))
            .ToListAsync(ct);
        var reviewQuery = Reviews(hidden, today).Where(x => x.TeamId == teamId);
        var reviews = await reviewQuery.OrderBy(x => x.DueDate).Take(take)
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new OverdueReview(x.PlanId, x.ItemId, p.Id, p.FirstName + " " + p.LastName, x.DueDate))
            .ToListAsync(ct);
        var actionQuery = PlanActions(hidden, today).Where(x => x.TeamId == teamId);
        var actions = await actionQuery.OrderBy(x => x.DueDate).Take(take)
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new OverduePlanAction(x.PlanId, x.ItemId, p.Id, p.FirstName + " " + p.LastName, x.Text, x.OwnerName, x.DueDate))
            .ToListAsync(ct);
        var lateVisits = await visits.LateVisitsAsync(teamId, today, int.MaxValue, records.VisiblePeople(actor), ct);
        var (oversightActions, oversightTotal) = await oversight.OverdueActionsAsync(actor, teamId, today, take, ct);
        var since = OversightSince(today);
        var (without, withoutTotal) = await oversight.WithoutOversightAsync(actor, teamId, since, take, ct);
        var counts = new Counts(team.Id, team.Name, team.Kind,
            await db.Involvements.CountAsync(i => i.TeamId == teamId && i.EndDate == null && !hidden.Any(p => p.Id == i.PersonId), ct),
            await lateQuery.CountAsync(ct), await Assessments(hidden).CountAsync(a => a.TeamId == teamId && a.Stage == AssessmentStage.AwaitingAuthorisation, ct),
            lateVisits.Count, await reviewQuery.CountAsync(ct), await actionQuery.CountAsync(ct), oversightTotal, withoutTotal);
        return new Detail(counts, assessments, [.. lateVisits.Take(take)], reviews, actions, oversightActions, without, since);
    }

    /// <summary>Service managers and QA officers oversee every team; a team manager, their own.</summary>
    public async Task<bool> MayOverseeAsync(Actor actor, int teamId, CancellationToken ct)
    {
        if (actor.Can(Capabilities.OverseeTeams)) return true;
        return actor.Can(Capabilities.ViewTeamOverdue) && await db.Users.AnyAsync(u => u.Id == actor.UserId && u.TeamId == teamId, ct);
    }

    // The helpers leave out the records the asker may not see (hidden: see RecordAccess.HiddenPeople), so the lists
    // join the names from People without checking visibility a second time.
    private IQueryable<Assessment> Assessments(IQueryable<People.Person> hidden) =>
        db.Assessments.AsNoTracking().Where(a => !hidden.Any(p => p.Id == a.PersonId));

    // Flat rows (set by initialiser, so EF can keep composing queries on them).
    private sealed class PlanRow
    {
        public int PlanId { get; init; }
        public int TeamId { get; init; }
        public Guid PersonId { get; init; }
        public int ItemId { get; init; }
        public DateOnly DueDate { get; init; }
        public string Text { get; init; } = "";
        public string OwnerName { get; init; } = "";
    }

    private IQueryable<PlanRow> Reviews(IQueryable<People.Person> hidden, DateOnly today) =>
        db.ChildInNeedMeetings.AsNoTracking().Where(m => m.HeldOn == null && m.DueDate < today)
            .Join(db.ChildInNeedPlans.Where(p => p.Stage == PlanStage.Active && !hidden.Any(v => v.Id == p.PersonId)), m => m.PlanId, p => p.Id,
                (m, p) => new PlanRow { PlanId = p.Id, TeamId = p.TeamId, PersonId = p.PersonId, ItemId = m.Id, DueDate = m.DueDate });

    private IQueryable<PlanRow> PlanActions(IQueryable<People.Person> hidden, DateOnly today) =>
        db.PlanActions.AsNoTracking().Where(a => (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress) && a.DueDate < today)
            .Join(db.ChildInNeedPlans.Where(p => p.Stage == PlanStage.Active && !hidden.Any(v => v.Id == p.PersonId)), a => a.PlanId, p => p.Id,
                (a, p) => new PlanRow { PlanId = p.Id, TeamId = p.TeamId, PersonId = p.PersonId, ItemId = a.Id, DueDate = a.DueDate, Text = a.Text, OwnerName = a.OwnerName });

    private static async Task<Dictionary<int, int>> Grouped<T>(IQueryable<IGrouping<int, T>> groups, CancellationToken ct) =>
        await groups.Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
