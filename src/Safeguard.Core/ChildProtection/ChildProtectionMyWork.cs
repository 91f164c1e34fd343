using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.SocialWork;
using Safeguard.Core.Work;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// Child protection's items on "My work". The social worker: their section 47 enquiries (the child to see, the
/// outcome), the initial conferences and core groups of the children they hold, the plan actions they own and the
/// conference reports asked of them. The team manager: the same for the team (late core groups and actions only, the
/// rest being few) and the team's flagged plans. The conference chair: the conferences to arrange and hold, and the
/// flagged plans of the children whose reviews they chair. Every query is bounded by <see cref="MyWork.MaxItems"/>.
/// </summary>
public sealed class ChildProtectionMyWork(SafeguardDbContext db, RecordAccess records, FlaggedPlans flagged, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    public async Task AddAsync(SocialWorkMyWork.Asker me, List<WorkItem> items, List<WorkQueue> queues, CancellationToken ct)
    {
        var mine = new List<WorkItem>();
        await WorkerAsync(me, mine, ct);
        if (me.ManagesTeam && me.TeamId is { } teamId && me.Actor.Can(Capabilities.ViewTeamOverdue)) await TeamAsync(me, teamId, mine, ct);
        if (me.Actor.Can(Capabilities.ChairConference)) await ChairAsync(me, mine, queues, ct);
        // A manager who holds a child sees its work once, as theirs.
        items.AddRange(mine.DistinctBy(i => (i.Kind, i.Title, i.Link)));
    }

    /// <summary>
    /// The conference reports asked of someone and not yet sent, whoever they are: a partner agency user reaches theirs
    /// from their own view; staff from the conference.
    /// </summary>
    public async Task AddReportsAsync(Actor actor, List<WorkItem> items, CancellationToken ct)
    {
        var partner = actor.Can(Capabilities.SubmitConferenceReport);
        // Indexed: (UserId, ReportSubmittedAtUtc).
        var reports = await db.ConferenceMembers.AsNoTracking()
            .Where(m => m.UserId == actor.UserId && m.ReportRequested && m.ReportSubmittedAtUtc == null)
            .Join(db.Conferences.Where(c => c.HeldOn == null), m => m.ConferenceId, c => c.Id, (m, c) => new { MemberId = m.Id, c.Id, c.Kind, c.PersonId, c.DueDate, c.ScheduledForUtc, m.Role })
            .OrderBy(x => x.DueDate).Take(MyWork.MaxItems)
            .Select(x => new { x.MemberId, x.Id, x.Kind, x.DueDate, x.ScheduledForUtc, x.Role, Name = db.People.Where(p => p.Id == x.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault() })
            .ToListAsync(ct);
        items.AddRange(reports.Select(r => new WorkItem("Conference report", $"Write your report for {r.Name}'s {ConferenceService.Label(r.Kind).ToLowerInvariant()}",
            $"The chair asked you for a report ({ProfessionalRoles.Label(r.Role)})" + (r.ScheduledForUtc is null ? "; the conference is not arranged yet" : ", before the conference"),
            r.ScheduledForUtc ?? Timescale.EndOfUkDay(r.DueDate), partner ? $"/partner/conference-reports/{r.MemberId}" : $"/conferences/{r.Id}")));
    }

    // The social worker: the work of their enquiries and of the children they hold; the actions they own.
    private async Task WorkerAsync(SocialWorkMyWork.Asker me, List<WorkItem> items, CancellationToken ct)
    {
        var userId = me.Actor.UserId;
        if (me.Actor.Can(Capabilities.RecordSection47))
        {
            // Indexed: (OutcomeOn, ConferenceDueDate); open enquiries are few.
            var enquiries = await db.Section47Enquiries.AsNoTracking().Where(e => e.OutcomeOn == null && e.WorkerId == userId)
                .Join(me.Visible, e => e.PersonId, p => p.Id, (e, p) => new { e.Id, e.PersonId, e.ChildSeenOn, e.ConferenceDueDate, e.WorkerName, Name = p.FirstName + " " + p.LastName })
                .OrderBy(e => e.ConferenceDueDate).Take(MyWork.MaxItems).ToListAsync(ct);
            items.AddRange(enquiries.Select(e => Enquiry(e.Id, e.PersonId, e.Name, e.ChildSeenOn, e.ConferenceDueDate, "Your section 47 enquiry")));
        }

        var held = db.Involvements.Where(i => i.WorkerId == userId && i.EndDate == null).Select(i => i.PersonId);
        var conferences = await db.Conferences.AsNoTracking()
            .Where(c => c.HeldOn == null && c.Kind != ConferenceKind.Review && held.Contains(c.PersonId))
            .Join(me.Visible, c => c.PersonId, p => p.Id, (c, p) => new { c.Id, c.Kind, c.DueDate, c.ScheduledForUtc, c.ChairName, Name = p.FirstName + " " + p.LastName })
            .OrderBy(c => c.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(conferences.Select(c => new WorkItem("Conference", $"{ConferenceService.Label(c.Kind)} for {c.Name}",
            "You hold the case: your report to the conference, and the family ready" + Arranged(c.ScheduledForUtc, c.ChairName),
            Timescale.EndOfUkDay(c.DueDate), $"/conferences/{c.Id}")));

        // The next core group of each plan in force of a child the worker holds.
        var coreGroups = await db.CoreGroups.AsNoTracking().Where(m => m.HeldOn == null && held.Contains(m.PersonId))
            .Join(db.ChildProtectionPlans.Where(p => p.EndDate == null), m => m.PlanId, p => p.Id, (m, p) => new { m.PlanId, m.PersonId, m.DueDate })
            .Join(me.Visible, x => x.PersonId, p => p.Id, (x, p) => new { x.PlanId, x.PersonId, x.DueDate, Name = p.FirstName + " " + p.LastName })
            .OrderBy(x => x.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(coreGroups.Select(m => CoreGroup(m.PlanId, m.PersonId, m.Name, m.DueDate, "You hold the case: the core group meets")));

        // Actions of plans in force owned by the user (any role: an action can be given to any member of staff). Indexed: (OwnerUserId, Status, DueDate).
        var actions = await db.ProtectionActions.AsNoTracking()
            .Where(a => a.OwnerUserId == userId && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress))
            .Join(db.ChildProtectionPlans.Where(p => p.EndDate == null), a => a.PlanId, p => p.Id, (a, p) => new { a.Text, a.DueDate, p.Id, p.PersonId })
            .Join(me.Visible, x => x.PersonId, p => p.Id, (x, p) => new { x.Text, x.DueDate, x.Id, x.PersonId, Name = p.FirstName + " " + p.LastName })
            .OrderBy(x => x.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(actions.Select(a => new WorkItem("Plan action", Shorten(a.Text), $"Yours, in {a.Name}'s child protection plan",
            Timescale.EndOfUkDay(a.DueDate), PlanLink(a.PersonId, a.Id), a.Name)));
    }

    // The team manager: the team's enquiries and initial conferences, its late core groups and actions, its flagged plans.
    private async Task TeamAsync(SocialWorkMyWork.Asker me, int teamId, List<WorkItem> items, CancellationToken ct)
    {
        var today = Today;
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(e => e.OutcomeOn == null && e.TeamId == teamId)
            .Join(me.Visible, e => e.PersonId, p => p.Id, (e, p) => new { e.Id, e.PersonId, e.ChildSeenOn, e.ConferenceDueDate, e.WorkerName, Name = p.FirstName + " " + p.LastName })
            .OrderBy(e => e.ConferenceDueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(enquiries.Select(e => Enquiry(e.Id, e.PersonId, e.Name, e.ChildSeenOn, e.ConferenceDueDate, $"{e.WorkerName}'s section 47 enquiry, in your team")));

        var conferences = await db.Conferences.AsNoTracking().Where(c => c.HeldOn == null && c.Kind != ConferenceKind.Review && c.TeamId == teamId)
            .Join(me.Visible, c => c.PersonId, p => p.Id, (c, p) => new { c.Id, c.Kind, c.DueDate, c.ScheduledForUtc, c.ChairName, Name = p.FirstName + " " + p.LastName })
            .OrderBy(c => c.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(conferences.Select(c => new WorkItem("Conference", $"{ConferenceService.Label(c.Kind)} for {c.Name}",
            "A child in your team" + Arranged(c.ScheduledForUtc, c.ChairName), Timescale.EndOfUkDay(c.DueDate), $"/conferences/{c.Id}")));

        var inForce = db.ChildProtectionPlans.Where(p => p.EndDate == null && p.TeamId == teamId);
        var coreGroups = await db.CoreGroups.AsNoTracking().Where(m => m.HeldOn == null && m.DueDate < today)
            .Join(inForce, m => m.PlanId, p => p.Id, (m, p) => new { m.PlanId, m.PersonId, m.DueDate })
            .Join(me.Visible, x => x.PersonId, p => p.Id, (x, p) => new { x.PlanId, x.PersonId, x.DueDate, Name = p.FirstName + " " + p.LastName })
            .OrderBy(x => x.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(coreGroups.Select(m => CoreGroup(m.PlanId, m.PersonId, m.Name, m.DueDate, "A child in your team: the core group is late")));

        var actions = await db.ProtectionActions.AsNoTracking()
            .Where(a => (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress) && a.DueDate < today)
            .Join(inForce, a => a.PlanId, p => p.Id, (a, p) => new { a.Text, a.OwnerName, a.DueDate, p.Id, p.PersonId })
            .Join(me.Visible, x => x.PersonId, p => p.Id, (x, p) => new { x.Text, x.OwnerName, x.DueDate, x.Id, x.PersonId, Name = p.FirstName + " " + p.LastName })
            .OrderBy(x => x.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(actions.Select(a => new WorkItem("Plan action", Shorten(a.Text), $"{a.OwnerName}'s, in {a.Name}'s child protection plan (your team)",
            Timescale.EndOfUkDay(a.DueDate), PlanLink(a.PersonId, a.Id), a.Name)));

        // A team's or a chair's plans are many rows: leaving out the few hidden records is cheaper than checking each is visible.
        var hidden = records.HiddenPeople(me.Actor);
        var plans = await flagged.AmongAsync(db.ChildProtectionPlans.Where(p => p.TeamId == teamId && !hidden.Any(h => h.Id == p.PersonId)), today, ct);
        items.AddRange(plans.Take(MyWork.MaxItems).Select(p => Flagged(p, "A plan in your team")));
    }

    // The chair: the conferences they chair, those with no chair yet, and the flagged plans whose reviews they chair.
    private async Task ChairAsync(SocialWorkMyWork.Asker me, List<WorkItem> items, List<WorkQueue> queues, CancellationToken ct)
    {
        var userId = me.Actor.UserId;
        var today = Today;
        // Indexed: (ChairId, HeldOn). Those with no chair are for any chair to take and arrange.
        var conferences = await db.Conferences.AsNoTracking().Where(c => c.HeldOn == null && (c.ChairId == userId || c.ChairId == null))
            .Join(me.Visible, c => c.PersonId, p => p.Id, (c, p) => new { c.Id, c.Kind, c.DueDate, c.ScheduledForUtc, c.ChairId, Name = p.FirstName + " " + p.LastName })
            .OrderBy(c => c.DueDate).ThenBy(c => c.Id).Take(MyWork.MaxItems).ToListAsync(ct);
        foreach (var c in conferences)
        {
            var what = ConferenceService.Label(c.Kind).ToLowerInvariant();
            items.Add(c.ChairId is null
                ? new WorkItem("Conference", $"Arrange the {what} for {c.Name}", "No chair yet: any chair may take it and arrange it", Timescale.EndOfUkDay(c.DueDate), $"/conferences/{c.Id}")
                : c.ScheduledForUtc is null
                    ? new WorkItem("Conference", $"Arrange the {what} for {c.Name}", "You chair it: it is not arranged yet", Timescale.EndOfUkDay(c.DueDate), $"/conferences/{c.Id}")
                    : new WorkItem("Conference", $"Hold the {what} for {c.Name}", $"You chair it, arranged for {WorkingDayCalendar.ToUkTime(new DateTimeOffset(c.ScheduledForUtc.Value, TimeSpan.Zero)):HH:mm, d MMMM yyyy}",
                        Timescale.EndOfUkDay(c.DueDate), $"/conferences/{c.Id}"));
        }

        // Every conference still to hold, for the queue's counts (the few hidden records left out).
        var hidden = records.HiddenPeople(me.Actor);
        var toHold = db.Conferences.Where(c => c.HeldOn == null && !hidden.Any(h => h.Id == c.PersonId));
        queues.Add(new WorkQueue("Conferences to hold", await toHold.CountAsync(ct), await toHold.CountAsync(c => c.DueDate < today, ct), "/conferences"));

        var chaired = db.ChildProtectionPlans.Where(p => !hidden.Any(h => h.Id == p.PersonId)
            && db.Conferences.Any(c => c.PlanId == p.Id && c.HeldOn == null && c.ChairId == userId));
        var plans = await flagged.AmongAsync(chaired, today, ct);
        items.AddRange(plans.Take(MyWork.MaxItems).Select(p => Flagged(p, "You chair the plan's reviews")));
    }

    private static WorkItem Enquiry(int id, Guid personId, string name, DateOnly? childSeenOn, DateOnly conferenceDue, string whose) => childSeenOn is null
        ? new WorkItem("Section 47", $"See {name} for the section 47 enquiry", $"{whose}: the child is seen, and seen alone, before it concludes",
            Timescale.EndOfUkDay(conferenceDue), $"/people/{personId}/section-47/{id}")
        : new WorkItem("Section 47", $"Conclude the section 47 enquiry of {name}", $"{whose}: the initial conference, if one is needed, is due by {conferenceDue:d MMMM yyyy}",
            Timescale.EndOfUkDay(conferenceDue), $"/people/{personId}/section-47/{id}");

    private static WorkItem CoreGroup(int planId, Guid personId, string name, DateOnly due, string why) =>
        new("Core group", $"Core group for {name}", why, Timescale.EndOfUkDay(due), PlanLink(personId, planId));

    private WorkItem Flagged(FlaggedPlans.Flagged plan, string why) =>
        new("Flagged plan", $"{plan.ChildName}'s child protection plan: {string.Join("; ", flagged.Describe(plan))}",
            $"{why}, since {plan.StartDate:d MMMM yyyy}", null, PlanLink(plan.PersonId, plan.PlanId));

    private static string Arranged(DateTime? forUtc, string? chair) => forUtc is { } at
        ? $"; arranged for {WorkingDayCalendar.ToUkTime(new DateTimeOffset(at, TimeSpan.Zero)):d MMMM yyyy}{(chair is null ? "" : $", chaired by {chair}")}"
        : "; not arranged yet";

    private static string PlanLink(Guid personId, int planId) => $"/people/{personId}/protection-plans/{planId}";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119].TrimEnd() + "…";
}
