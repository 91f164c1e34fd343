using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// The service manager's view of child protection by team: initial conferences, review conferences, core groups and
/// visits out of time and due in the coming working week, children on plans, the flagged plans and the repeat plans for
/// the support and challenge panel; and one team's lists, child by child. Each count is one grouped query over the work
/// still open (plans in force, conferences and core groups not yet held), leaving out the few hidden records with an
/// anti-join as <see cref="TeamOverdue"/> does. Core groups and reviews of a plan that has ended never count.
/// </summary>
public sealed class ChildProtectionOverview(SafeguardDbContext db, RecordAccess records, FlaggedPlans flagged, WorkingDayCalendar calendar)
{
    /// <summary>How many are past their date (Late) and how many fall due from today to the end of the coming working week (Due).</summary>
    public readonly record struct LateAndDue(int Late, int Due)
    {
        public static LateAndDue operator +(LateAndDue a, LateAndDue b) => new(a.Late + b.Late, a.Due + b.Due);
    }

    public sealed record Counts(int TeamId, string TeamName, TeamKind Kind, int OnPlans, LateAndDue InitialConferences, LateAndDue Reviews,
        LateAndDue CoreGroups, LateAndDue Visits)
    {
        public int Late => InitialConferences.Late + Reviews.Late + CoreGroups.Late + Visits.Late;
        public bool Any => OnPlans > 0 || Late > 0 || InitialConferences.Due + Reviews.Due + CoreGroups.Due + Visits.Due > 0;
    }

    public sealed record Borough(List<Counts> Teams, List<FlaggedPlans.Flagged> Flagged, Dictionary<int, string> TeamNames, DateOnly DueBy)
    {
        public Counts Total => new(0, "All teams", TeamKind.ChildProtection, Teams.Sum(t => t.OnPlans), Sum(t => t.InitialConferences), Sum(t => t.Reviews),
            Sum(t => t.CoreGroups), Sum(t => t.Visits));
        private LateAndDue Sum(Func<Counts, LateAndDue> of) => Teams.Aggregate(new LateAndDue(), (sum, t) => sum + of(t));
    }

    /// <summary>One conference, core group or visit out of time or due soon, for a team's lists.</summary>
    public sealed record Item(Guid PersonId, string ChildName, int? PlanId, int? ItemId, string What, DateOnly DueDate, string? Who);

    public sealed record Team(Counts Counts, List<Item> Conferences, List<Item> CoreGroups, List<Item> Visits, List<FlaggedPlans.Flagged> Flagged, DateOnly DueBy);

    /// <summary>The end of the coming working week: what is due by then is "due" on the overview.</summary>
    public DateOnly DueBy(DateOnly today) => calendar.AddWorkingDays(today, 5);

    /// <summary>Every team with child protection work, for the service manager (and QA officers): counts, and the flagged plans.</summary>
    public async Task<Borough> BoroughAsync(Actor actor, DateOnly today, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.OverseeTeams);
        var hidden = records.HiddenPeople(actor);
        var dueBy = DueBy(today);
        var teams = await db.Teams.AsNoTracking().Where(t => TeamOverdue.SocialWorkTeams.Contains(t.Kind)).OrderBy(t => t.Kind).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, t.Kind }).ToListAsync(ct);
        var onPlans = await InForce(hidden).GroupBy(p => p.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var conferences = await ConferencesToHold(hidden, dueBy)
            .GroupBy(c => new { c.TeamId, c.Kind })
            .Select(g => new { g.Key.TeamId, g.Key.Kind, Late = g.Count(c => c.DueDate < today), Due = g.Count(c => c.DueDate >= today) })
            .ToListAsync(ct);
        LateAndDue Conferences(int teamId, bool review) => conferences.Where(c => c.TeamId == teamId && (c.Kind == ConferenceKind.Review) == review)
            .Aggregate(new LateAndDue(), (sum, c) => sum + new LateAndDue(c.Late, c.Due));

        var coreGroups = await CoreGroupsToHold(hidden, dueBy)
            .GroupBy(x => x.TeamId)
            .Select(g => new { g.Key, Late = g.Count(x => x.DueDate < today), Due = g.Count(x => x.DueDate >= today) })
            .ToDictionaryAsync(g => g.Key, g => new LateAndDue(g.Late, g.Due), ct);
        var visits = await VisitsDue(hidden, dueBy)
            .GroupBy(i => i.TeamId!.Value)
            .Select(g => new { g.Key, Late = g.Count(i => i.NextVisitDue < today), Due = g.Count(i => i.NextVisitDue >= today) })
            .ToDictionaryAsync(g => g.Key, g => new LateAndDue(g.Late, g.Due), ct);

        var counts = teams.Select(t => new Counts(t.Id, t.Name, t.Kind, onPlans.GetValueOrDefault(t.Id), Conferences(t.Id, false), Conferences(t.Id, true),
                coreGroups.GetValueOrDefault(t.Id), visits.GetValueOrDefault(t.Id)))
            .Where(c => c.Any || c.Kind == TeamKind.ChildProtection).ToList();
        var flags = await flagged.AmongAsync(InForce(hidden), today, ct);
        return new Borough(counts, flags, teams.ToDictionary(t => t.Id, t => t.Name), dueBy);
    }

    /// <summary>One team's child protection work out of time or due in the coming week, child by child (at most <paramref name="take"/> of each).</summary>
    public async Task<Team?> TeamAsync(Actor actor, int teamId, DateOnly today, int take = 100, CancellationToken ct = default)
    {
        if (!await MayOverseeAsync(actor, teamId, ct)) return null;
        var team = await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => new { t.Id, t.Name, t.Kind }).FirstOrDefaultAsync(ct);
        if (team is null) return null;
        var hidden = records.HiddenPeople(actor);
        var dueBy = DueBy(today);

        // The lists leave out the hidden records already, so the names are joined from People without checking visibility again.
        var conferences = await ConferencesToHold(hidden, dueBy).Where(c => c.TeamId == teamId)
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.PersonId, c.PlanId, c.Kind, c.DueDate, c.ChairName, Child = db.People.Where(p => p.Id == c.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault() })
            .ToListAsync(ct);
        var coreGroups = await CoreGroupsToHold(hidden, dueBy).Where(x => x.TeamId == teamId)
            .OrderBy(x => x.DueDate).ThenBy(x => x.Id).Take(take)
            .Select(x => new Item(x.PersonId, db.People.Where(p => p.Id == x.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault() ?? "", x.PlanId, x.Id,
                "Core group", x.DueDate, null))
            .ToListAsync(ct);
        var visits = await VisitsDue(hidden, dueBy).Where(i => i.TeamId == teamId)
            .OrderBy(i => i.NextVisitDue).ThenBy(i => i.Id).Take(take)
            .Select(i => new Item(i.PersonId, db.People.Where(p => p.Id == i.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault() ?? "", null, i.Id,
                "Visit", i.NextVisitDue!.Value, i.Worker == null ? null : i.Worker.DisplayName))
            .ToListAsync(ct);
        var onPlans = await InForce(hidden).CountAsync(p => p.TeamId == teamId, ct);
        var flags = await flagged.AmongAsync(InForce(hidden).Where(p => p.TeamId == teamId), today, ct);

        LateAndDue Sum(IEnumerable<DateOnly> dates) => dates.Aggregate(new LateAndDue(), (sum, d) => sum + (d < today ? new LateAndDue(1, 0) : new LateAndDue(0, 1)));
        var counts = new Counts(team.Id, team.Name, team.Kind, onPlans,
            Sum(conferences.Where(c => c.Kind != ConferenceKind.Review).Select(c => c.DueDate)), Sum(conferences.Where(c => c.Kind == ConferenceKind.Review).Select(c => c.DueDate)),
            await CountAsync(CoreGroupsToHold(hidden, dueBy).Where(x => x.TeamId == teamId).Select(x => x.DueDate), today, ct),
            await CountAsync(VisitsDue(hidden, dueBy).Where(i => i.TeamId == teamId).Select(i => i.NextVisitDue!.Value), today, ct));
        var conferenceItems = conferences.Take(take)
            .Select(c => new Item(c.PersonId, c.Child ?? "", c.PlanId, c.Id, ConferenceService.Label(c.Kind), c.DueDate, c.ChairName)).ToList();
        return new Team(counts, conferenceItems, coreGroups, visits, flags, dueBy);
    }

    /// <summary>Service managers and QA officers see every team; a team manager, their own.</summary>
    public async Task<bool> MayOverseeAsync(Actor actor, int teamId, CancellationToken ct = default)
    {
        if (actor.Can(Capabilities.OverseeTeams)) return true;
        return actor.Can(Capabilities.ViewTeamOverdue) && await db.Users.AnyAsync(u => u.Id == actor.UserId && u.TeamId == teamId, ct);
    }

    private static async Task<LateAndDue> CountAsync(IQueryable<DateOnly> dates, DateOnly today, CancellationToken ct) =>
        new(await dates.CountAsync(d => d < today, ct), await dates.CountAsync(d => d >= today, ct));

    // Plans in force, but not the hidden records'. Indexed: (EndDate, TeamId).
    private IQueryable<ChildProtectionPlan> InForce(IQueryable<Person> hidden) =>
        db.ChildProtectionPlans.AsNoTracking().Where(p => p.EndDate == null && !hidden.Any(h => h.Id == p.PersonId));

    // Conferences not yet held and due by dueBy: initial and transfer-in ones, and reviews of plans still in force.
    // Indexed: (HeldOn, DueDate).
    private IQueryable<ChildProtectionConference> ConferencesToHold(IQueryable<Person> hidden, DateOnly dueBy) =>
        db.Conferences.AsNoTracking().Where(c => c.HeldOn == null && c.DueDate <= dueBy && !hidden.Any(h => h.Id == c.PersonId)
            && (c.PlanId == null || c.Kind != ConferenceKind.Review || db.ChildProtectionPlans.Any(p => p.Id == c.PlanId && p.EndDate == null)));

    // Flat rows (set by initialiser, so EF can keep composing queries on them).
    private sealed class CoreGroupRow
    {
        public int Id { get; init; }
        public int PlanId { get; init; }
        public int TeamId { get; init; }
        public Guid PersonId { get; init; }
        public DateOnly DueDate { get; init; }
    }

    // Core groups not yet held and due by dueBy, of plans still in force: an ended plan's last core group no longer counts.
    // Indexed: (HeldOn, DueDate).
    private IQueryable<CoreGroupRow> CoreGroupsToHold(IQueryable<Person> hidden, DateOnly dueBy) =>
        db.CoreGroups.AsNoTracking().Where(m => m.HeldOn == null && m.DueDate <= dueBy)
            .Join(InForce(hidden), m => m.PlanId, p => p.Id, (m, p) => new CoreGroupRow { Id = m.Id, PlanId = p.Id, TeamId = p.TeamId, PersonId = p.PersonId, DueDate = m.DueDate });

    // Children on a plan whose next visit is due by dueBy (kept on the case: Involvement.NextVisitDue). Indexed: (NextVisitDue, TeamId, PersonId).
    private IQueryable<Involvement> VisitsDue(IQueryable<Person> hidden, DateOnly dueBy) =>
        db.Involvements.AsNoTracking().Where(i => i.NextVisitDue <= dueBy && i.EndDate == null && i.TeamId != null && i.Kind == InvolvementKind.ChildProtection
            && !hidden.Any(h => h.Id == i.PersonId));
}
