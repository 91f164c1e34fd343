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
    private Task PlansAsync(Asker me, List<WorkItem> items, CancellationToken ct) => Task.CompletedTask;

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
    private Task OversightAsync(Asker me, List<WorkItem> items, CancellationToken ct) => Task.CompletedTask;

    // Closures and step-downs waiting for the team manager's sign-off; returned ones for the worker.
    private Task ClosuresAsync(Asker me, List<WorkItem> items, CancellationToken ct) => Task.CompletedTask;
}
