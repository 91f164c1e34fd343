using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;

namespace Safeguard.Core.Work;

/// <summary>
/// Gathers what is due and overdue for one person, soonest first, each item with the reason it is theirs.
/// Every query is bounded and indexed: a busy manager's list is built from a few small reads, never a table scan.
/// </summary>
public sealed class MyWork(SafeguardDbContext db, RecordAccess access, FrontDoorQueries frontDoor, SocialWorkMyWork socialWork, TimeProvider clock,
    ChildProtectionMyWork? childProtection = null)
{
    public const int MaxItems = 100;

    public sealed record Result(List<WorkItem> Items, List<WorkQueue> Queues);

    public async Task<Result> ForAsync(Actor actor, CancellationToken ct = default)
    {
        var items = new List<WorkItem>();
        var queues = new List<WorkQueue>();
        var now = clock.GetUtcNow().UtcDateTime;
        var me = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.TeamId, u.AgencyId }).FirstAsync(ct);

        if (actor.Can(Capabilities.ScreenContact))
        {
            var (rows, total, overdue) = await frontDoor.ContactQueueAsync(actor, 1, 10, ct);
            queues.Add(new WorkQueue("Contacts awaiting screening", total, overdue, "/contacts"));
            items.AddRange(rows.Select(r => new WorkItem("Screening", $"Screen contact {r.Reference}",
                "Contacts are screened within 1 working day of receipt" + (r.NeedsMatching ? "; match its children first" : ""),
                r.DueAtUtc, $"/contacts/{r.ContactId}", string.Join(", ", r.Children))));
            var untold = await db.Contacts.AsNoTracking()
                .Where(c => c.Stage == ContactStage.Closed && c.ReferrerToldOn == null && c.ScreenedById == actor.UserId
                    && c.ScreeningOutcome != ScreeningOutcome.Mash && c.SourceCode != "9")
                .OrderByDescending(c => c.ScreenedAtUtc).Take(20).Select(c => new { c.Id, c.Number }).ToListAsync(ct);
            items.AddRange(untold.Select(c => new WorkItem("Referrer", $"Tell the referrer the outcome of contact {Contact.Format(c.Number)}",
                "You screened it; the referrer has not yet been told", null, $"/contacts/{c.Id}")));
        }

        if (actor.Can(Capabilities.DecideMashCase))
        {
            var untold = await db.MashCases.AsNoTracking()
                .Where(m => m.DecidedById == actor.UserId && m.Contact.ReferrerToldOn == null && m.Contact.SourceCode != "9")
                .OrderByDescending(m => m.DecidedAtUtc).Take(20).Select(m => new { m.ContactId, m.Contact.Number }).ToListAsync(ct);
            items.AddRange(untold.Select(c => new WorkItem("Referrer", $"Tell the referrer the outcome of contact {Contact.Format(c.Number)}",
                "You decided it in the MASH; the referrer has not yet been told", null, $"/contacts/{c.ContactId}")));
        }

        if (actor.Can(Capabilities.DecideMashCase) || actor.Roles.Contains(Roles.EmergencyDutyWorker))
        {
            var (rows, counts) = await frontDoor.MashDashboardAsync(actor, 20, ct: ct);
            var redOnly = !actor.Can(Capabilities.DecideMashCase);
            queues.Add(new WorkQueue(redOnly ? "Open MASH cases (red clocks run out of hours)" : "Open MASH cases",
                counts.Sum(c => c.Open), counts.Sum(c => c.Breached), "/mash"));
            items.AddRange(rows.Where(r => !redOnly || (r.CurrentRag ?? r.PoliceRag ?? Rag.Red) is Rag.Red or Rag.RedImminentDanger)
                .Select(r => new WorkItem("MASH", $"MASH decision on contact {r.Reference}",
                    redOnly ? $"Red clock running ({Label(r.CurrentRag)})" : $"Every open MASH case is decided by its manager ({Label(r.CurrentRag)})",
                    r.DueAtUtc, $"/mash/{r.CaseId}", string.Join(", ", r.Children))));
        }
        else if (actor.Can(Capabilities.WorkMashCase))
        {
            var (rows, counts) = await frontDoor.MashDashboardAsync(actor, 50, workerId: actor.UserId, ct: ct);
            var unassigned = await db.MashCases.CountAsync(m => m.DecidedAtUtc == null && m.WorkerId == null, ct);
            queues.Add(new WorkQueue("MASH cases waiting for a worker", unassigned, 0, "/mash"));
            items.AddRange(rows.Select(r => new WorkItem("MASH", $"MASH case for contact {r.Reference}",
                r.CurrentRag is null ? "Yours to RAG-rate" : r.RequestsLate > 0 ? $"Yours; {r.RequestsLate} partner answer(s) late" : $"Yours ({Label(r.CurrentRag)})",
                r.DueAtUtc, $"/mash/{r.CaseId}", string.Join(", ", r.Children))));
        }

        if (actor.Can(Capabilities.AnswerInformationRequest) && me.AgencyId is { } agencyId)
        {
            var requests = await db.InformationRequests.AsNoTracking()
                .Where(r => r.AgencyId == agencyId && r.AnsweredAtUtc == null && r.WithdrawnAtUtc == null)
                .OrderBy(r => r.DueAtUtc).Take(MaxItems).Select(r => new { r.Id, r.DueAtUtc, r.MashCase.Contact.Number }).ToListAsync(ct);
            items.AddRange(requests.Select(r => new WorkItem("Request", $"Answer the MASH's request {Contact.Format(r.Number)}",
                "Addressed to your agency", r.DueAtUtc, $"/partner/requests/{r.Id}")));
        }

        if (actor.Can(Capabilities.ViewChildRecord))
        {
            var manages = me.TeamId is not null && actor.Can(Capabilities.ViewTeamCaseload);
            var teamId = me.TeamId;
            var visible = access.VisiblePeople(actor);
            var news = await db.ContactChildren.AsNoTracking()
                .Where(c => c.NewInformationReadAtUtc == null && (c.NewInformationForUserId == actor.UserId || (manages && c.NewInformationForTeamId == teamId)))
                .Join(db.Contacts, c => c.ContactId, k => k.Id, (c, k) => new { c.Id, c.ContactId, c.PersonId, k.Number, k.ReceivedAtUtc, Mine = c.NewInformationForUserId == actor.UserId })
                .Join(visible, x => x.PersonId, p => p.Id, (x, p) => new { x.ContactId, x.Number, x.ReceivedAtUtc, x.Mine, Name = p.FirstName + " " + p.LastName })
                .OrderBy(x => x.ReceivedAtUtc).Take(MaxItems).ToListAsync(ct);
            items.AddRange(news.Select(n => new WorkItem("New information", $"New information about {n.Name}",
                n.Mine ? "A contact about a child allocated to you" : "A contact about an unallocated child in your team",
                null, $"/contacts/{n.ContactId}", $"Contact {Contact.Format(n.Number)}")));

            if (manages && actor.Can(Capabilities.AllocateCase))
            {
                var toAllocate = await db.Involvements.AsNoTracking()
                    .Where(i => i.TeamId == teamId && i.WorkerId == null && i.EndDate == null)
                    .Join(visible, i => i.PersonId, p => p.Id, (i, p) => new { InvolvementId = i.Id, i.Kind, i.StartDate, Name = p.FirstName + " " + p.LastName })
                    .OrderBy(x => x.StartDate).Take(MaxItems).ToListAsync(ct);
                items.AddRange(toAllocate.Select(a => new WorkItem("Allocate", $"Allocate {a.Name}",
                    $"{Involvement.Label(a.Kind)} for your team since {a.StartDate:d MMM yyyy}, not yet allocated", null, $"/cases/{a.InvolvementId}/allocate")));
            }

            var asker = new SocialWorkMyWork.Asker(actor, teamId, manages, visible);
            await socialWork.AddAsync(asker, items, ct);
            if (childProtection is not null) await childProtection.AddAsync(asker, items, queues, ct);
        }
        // Conference reports are asked of partners and staff alike.
        if (childProtection is not null) await childProtection.AddReportsAsync(actor, items, ct);

        // Soonest first; items with no clock after those with one, oldest first as listed.
        var ordered = items.Select((item, index) => (item, index))
            .OrderBy(x => x.item.DueAtUtc is null).ThenBy(x => x.item.DueAtUtc).ThenBy(x => x.index)
            .Select(x => x.item).Take(MaxItems).ToList();
        return new Result(ordered, queues);
    }

    private static string Label(Rag? rag) => rag is null ? "not yet rated" : Rags.Label(rag.Value).ToLowerInvariant();
}
