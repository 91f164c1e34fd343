using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Work;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Social work's items on "My work": each area of a case adds what is due for the worker who holds it and what
/// waits for the manager. Every query is bounded by <see cref="MyWork.MaxItems"/> and runs on an index.
/// </summary>
public sealed class SocialWorkMyWork(SafeguardDbContext db, SocialWorkRules? rules = null, WorkingDayCalendar? calendar = null)
{
    /// <summary>Who is asking: their team, and whether they manage it (team managers see what waits for the team).</summary>
    public sealed record Asker(Actor Actor, int? TeamId, bool ManagesTeam, IQueryable<Person> Visible);

    public async Task AddAsync(Asker me, List<WorkItem> items, CancellationToken ct)
    {
        await AssessmentsAsync(me, items, ct);
        await PlansAsync(me, items, ct);
        await VisitsAsync(me, items, ct);
        await OversightAsync(me, items, ct);
        await ClosuresAsync(me, items, ct);
    }

    // Assessments: the worker's open ones (and the child still to be seen); the team's waiting for authorisation.
    private async Task AssessmentsAsync(Asker me, List<WorkItem> items, CancellationToken ct)
    {
        if (me.Actor.Can(Capabilities.AssessChild))
        {
            var mine = await db.Assessments.AsNoTracking()
                .Where(a => a.WorkerId == me.Actor.UserId && a.Stage == AssessmentStage.InProgress)
                .Join(me.Visible, a => a.PersonId, p => p.Id, (a, p) => new { a.Id, a.PersonId, a.DueDate, a.ChildSeenDueDate, a.ChildSeenOn, a.SubmittedAtUtc, Name = p.FirstName + " " + p.LastName })
                .OrderBy(a => a.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
            foreach (var a in mine)
            {
                var link = $"/people/{a.PersonId}/assessments/{a.Id}";
                if (a.ChildSeenOn is null)
                    items.Add(new WorkItem("Child seen", $"See {a.Name}", "Your assessment: the child is seen within its first days",
                        Timescale.EndOfUkDay(a.ChildSeenDueDate), link));
                items.Add(new WorkItem("Assessment", $"{(a.SubmittedAtUtc is null ? "Complete" : "Revise")} the assessment of {a.Name}",
                    a.SubmittedAtUtc is null ? "Your child and family assessment" : "Your manager sent it back: see their reasons",
                    Timescale.EndOfUkDay(a.DueDate), link));
            }
        }
        if (me.Actor.Can(Capabilities.AuthoriseWork) && me.ManagesTeam)
        {
            var waiting = await db.Assessments.AsNoTracking()
                .Where(a => a.TeamId == me.TeamId && a.Stage == AssessmentStage.AwaitingAuthorisation && a.WorkerId != me.Actor.UserId)
                .Join(me.Visible, a => a.PersonId, p => p.Id, (a, p) => new { a.Id, a.PersonId, a.DueDate, a.WorkerName, Name = p.FirstName + " " + p.LastName })
                .OrderBy(a => a.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
            items.AddRange(waiting.Select(a => new WorkItem("Authorise", $"Authorise the assessment of {a.Name}",
                $"{a.WorkerName} sent it to you", Timescale.EndOfUkDay(a.DueDate), $"/people/{a.PersonId}/assessments/{a.Id}/authorise")));
        }
    }

    // Child in need plans: plan actions owned by the worker; meetings and reviews due; plans waiting for authorisation.
    private async Task PlansAsync(Asker me, List<WorkItem> items, CancellationToken ct)
    {
        var userId = me.Actor.UserId;
        // Actions of active plans owned by the user (any role: an action can be given to any member of the child's team).
        var actions = await db.PlanActions.AsNoTracking()
            .Where(a => a.OwnerUserId == userId && (a.Status == PlanActionStatus.NotStarted || a.Status == PlanActionStatus.InProgress))
            .Join(db.ChildInNeedPlans.Where(p => p.Stage == PlanStage.Active), a => a.PlanId, p => p.Id, (a, p) => new { a.Text, a.DueDate, p.Id, p.PersonId })
            .Join(me.Visible, x => x.PersonId, p => p.Id, (x, p) => new { x.Text, x.DueDate, x.Id, x.PersonId, Name = p.FirstName + " " + p.LastName })
            .OrderBy(x => x.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(actions.Select(a => new WorkItem("Plan action", Shorten(a.Text), $"Yours, in {a.Name}'s child in need plan",
            Timescale.EndOfUkDay(a.DueDate), $"/people/{a.PersonId}/plans/{a.Id}", a.Name)));

        if (me.Actor.Can(Capabilities.PlanForChild))
        {
            // The review not yet held of each active plan of a child the user holds.
            var held = db.Involvements.Where(i => i.WorkerId == userId && i.EndDate == null).Select(i => i.PersonId);
            var reviews = await db.ChildInNeedMeetings.AsNoTracking()
                .Where(m => m.HeldOn == null && held.Contains(m.PersonId))
                .Join(db.ChildInNeedPlans.Where(p => p.Stage == PlanStage.Active), m => m.PlanId, p => p.Id, (m, p) => new { m.Id, m.PlanId, m.PersonId, m.DueDate })
                .Join(me.Visible, x => x.PersonId, p => p.Id, (x, p) => new { x.Id, x.PlanId, x.PersonId, x.DueDate, Name = p.FirstName + " " + p.LastName })
                .OrderBy(x => x.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
            items.AddRange(reviews.Select(r => new WorkItem("Plan review", $"Review {r.Name}'s child in need plan",
                "You hold the case: the plan is reviewed at a child in need meeting", Timescale.EndOfUkDay(r.DueDate),
                $"/people/{r.PersonId}/plans/{r.PlanId}/meetings/{r.Id}")));
        }

        if (me.Actor.Can(Capabilities.AuthoriseWork) && me.ManagesTeam)
        {
            var waiting = await db.ChildInNeedPlans.AsNoTracking()
                .Where(p => p.TeamId == me.TeamId && p.Stage == PlanStage.AwaitingAuthorisation && p.CreatedById != userId)
                .Join(me.Visible, p => p.PersonId, c => c.Id, (p, c) => new { p.Id, p.PersonId, p.CreatedByName, p.SubmittedAtUtc, Name = c.FirstName + " " + c.LastName })
                .OrderBy(p => p.SubmittedAtUtc).Take(MyWork.MaxItems).ToListAsync(ct);
            items.AddRange(waiting.Select(p => new WorkItem("Authorise", $"Authorise {p.Name}'s child in need plan",
                $"{p.CreatedByName} sent it to you", null, $"/people/{p.PersonId}/plans/{p.Id}/authorise")));
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119].TrimEnd() + "…";

    // Visits: the next visit due for each child the worker holds.
    private async Task VisitsAsync(Asker me, List<WorkItem> items, CancellationToken ct)
    {
        if (!me.Actor.Can(Capabilities.RecordVisit)) return;
        var dues = new VisitDues(db, rules ?? new SocialWorkRules(), calendar ?? new WorkingDayCalendar(new BankHolidays(), TimeProvider.System));
        foreach (var d in await dues.HeldByAsync(me.Actor.UserId, me.Visible, MyWork.MaxItems, ct))
            items.Add(new WorkItem("Visit", $"Visit {d.ChildName}",
                d.LastSeen is { } seen ? $"{Involvement.Label(d.Status)}: last seen {seen:d MMMM yyyy}" : $"{Involvement.Label(d.Status)}: not yet seen",
                Timescale.EndOfUkDay(d.DueOn), $"/people/{d.PersonId}/visits/new"));
    }

    // Oversight: actions owned by the worker; missed actions for the manager who set them to follow up.
    private async Task OversightAsync(Asker me, List<WorkItem> items, CancellationToken ct)
    {
        var userId = me.Actor.UserId;
        // Indexed: (OwnerId, CompletedOn, DueDate).
        var mine = await db.OversightActions.AsNoTracking()
            .Where(a => a.OwnerId == userId && a.CompletedOn == null)
            .Join(db.Oversights, a => a.OversightId, o => o.Id, (a, o) => new { a.Id, a.PersonId, a.Text, a.DueDate, a.OriginalDueDate, a.FollowUps, o.ByName })
            .Join(me.Visible, a => a.PersonId, p => p.Id, (a, p) => new { a.Id, a.Text, a.DueDate, a.OriginalDueDate, a.FollowUps, a.ByName, Name = p.FirstName + " " + p.LastName })
            .OrderBy(a => a.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(mine.Select(a => new WorkItem("Action", FrontDoor.ContactService.Shorten(a.Text),
            $"Set by {a.ByName} in oversight of {a.Name}" + (a.FollowUps > 0 ? $"; followed up, first due {a.OriginalDueDate:d MMMM yyyy}" : ""),
            Timescale.EndOfUkDay(a.DueDate), $"/actions/{a.Id}")));

        if (!me.Actor.Can(Capabilities.RecordOversight)) return;
        // The clock is not injected here: "today" is the UK date now.
        var today = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
        // Indexed: (SetById, CompletedOn, DueDate). The manager's own actions are already listed above.
        var missed = await db.OversightActions.AsNoTracking()
            .Where(a => a.SetById == userId && a.CompletedOn == null && a.DueDate < today && a.OwnerId != userId)
            .Join(me.Visible, a => a.PersonId, p => p.Id, (a, p) => new { a.Id, a.Text, a.OwnerName, a.DueDate, a.OriginalDueDate, Name = p.FirstName + " " + p.LastName })
            .OrderBy(a => a.DueDate).Take(MyWork.MaxItems).ToListAsync(ct);
        items.AddRange(missed.Select(a => new WorkItem("Follow up", $"Follow up: {a.OwnerName} has not done {FrontDoor.ContactService.Shorten(a.Text)} for {a.Name}",
            $"You set it in oversight; it was due by {a.OriginalDueDate:d MMMM yyyy}" + (a.DueDate != a.OriginalDueDate ? $", then by {a.DueDate:d MMMM yyyy}" : ""),
            Timescale.EndOfUkDay(a.DueDate), $"/actions/{a.Id}")));
    }

    // Closures and step-downs waiting for the team manager's sign-off; returned ones for the worker.
    private async Task ClosuresAsync(Asker me, List<WorkItem> items, CancellationToken ct)
    {
        if (me.Actor.Can(Capabilities.AuthoriseWork) && me.ManagesTeam && me.TeamId is { } teamId)
        {
            // Waiting in the manager's team: the child's open social care work is the team's. Never their own proposal.
            var waiting = await db.Closures.AsNoTracking()
                .Where(c => c.Stage == ClosureStage.AwaitingAuthorisation && c.ProposedById != me.Actor.UserId
                    && db.Involvements.Any(i => i.PersonId == c.PersonId && i.EndDate == null && i.TeamId == teamId
                        && (i.Kind == InvolvementKind.Assessment || i.Kind == InvolvementKind.ChildInNeed)))
                .Join(me.Visible, c => c.PersonId, p => p.Id, (c, p) => new { c.Id, c.PersonId, c.Kind, c.ReasonCode, c.ProposedByName, c.ProposedAtUtc, Name = p.FirstName + " " + p.LastName })
                .OrderBy(c => c.ProposedAtUtc).Take(MyWork.MaxItems).ToListAsync(ct);
            items.AddRange(waiting.Select(c => new WorkItem("Sign off",
                c.Kind == ClosureKind.StepDownToEarlyHelp ? $"Sign off stepping {c.Name} down to early help" : $"Sign off closing {c.Name}'s case",
                $"{c.ProposedByName} proposes it ({c.ReasonCode})", null, $"/people/{c.PersonId}/closures/{c.Id}")));
        }
        if (me.Actor.Can(Capabilities.ProposeClosure))
        {
            // Sent back to the proposer, until they propose again on the same referral or the referral closes.
            var returned = await db.Closures.AsNoTracking()
                .Where(c => c.ProposedById == me.Actor.UserId && c.Stage == ClosureStage.Returned
                    && !db.Closures.Any(o => o.ReferralId == c.ReferralId && o.Id > c.Id)
                    && db.Referrals.Any(r => r.Id == c.ReferralId && r.ClosedOn == null))
                .Join(me.Visible, c => c.PersonId, p => p.Id, (c, p) => new { c.Id, c.PersonId, c.Kind, c.ProposedAtUtc, Name = p.FirstName + " " + p.LastName })
                .OrderBy(c => c.ProposedAtUtc).Take(MyWork.MaxItems).ToListAsync(ct);
            items.AddRange(returned.Select(c => new WorkItem("Closure",
                c.Kind == ClosureKind.StepDownToEarlyHelp ? $"Stepping {c.Name} down to early help: sent back" : $"Closing {c.Name}'s case: sent back",
                "Your manager sent your proposal back: see their reasons", null, $"/people/{c.PersonId}/closures/{c.Id}")));
        }
    }
}
