using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Teams;

/// <summary>
/// A team's caseloads: each worker's allocated children against the team's capacity, and children waiting
/// for a worker. Team and MASH managers see their own team only; service managers see every team.
/// </summary>
[Authorize(Policy = Capabilities.ViewTeamCaseload)]
public class CaseloadModel(SafeguardDbContext db, RecordAccess access, AccessLogQueue log, CurrentActor me, TimeProvider clock) : PageModel
{
    public sealed record Worker(string Name, string? JobTitle, int Children);
    public sealed record Child(Guid PersonId, string Name, InvolvementKind Kind, DateOnly Since, string? Worker);

    public Team Team { get; private set; } = null!;
    public List<Worker> Workers { get; private set; } = [];
    public List<Child> Children { get; private set; } = [];
    public int Unallocated { get; private set; }
    public int Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null) return NotFound();
        var actor = me.Actor;
        if (!actor.Roles.Contains(Roles.ServiceManager))
        {
            var ownTeam = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TeamId).FirstAsync(ct);
            if (ownTeam != id)
            {
                await log.EnqueueAsync(AccessRecord.By(actor, clock.GetUtcNow().UtcDateTime, AccessAction.Refused, null, $"Refused: another team's caseload ({team.Name})"), ct);
                return Forbid();
            }
        }
        Team = team;
        Workers = await db.Users.AsNoTracking().Where(u => u.TeamId == id && u.IsActive)
            .Select(u => new { u.DisplayName, u.JobTitle, Children = db.Involvements.Count(i => i.WorkerId == u.Id && i.EndDate == null) })
            .OrderByDescending(w => w.Children).ThenBy(w => w.DisplayName)
            .Select(w => new Worker(w.DisplayName, w.JobTitle, w.Children)).ToListAsync(ct);
        var open = db.Involvements.AsNoTracking().Where(i => i.TeamId == id && i.EndDate == null)
            .Join(access.VisiblePeople(actor), i => i.PersonId, p => p.Id, (i, p) => new { i, p });
        Open = await open.CountAsync(ct);
        Unallocated = await open.CountAsync(x => x.i.WorkerId == null, ct);
        Children = await open.OrderBy(x => x.i.WorkerId != null).ThenBy(x => x.i.StartDate).Take(300)
            .Select(x => new Child(x.p.Id, x.p.FirstName + " " + x.p.LastName, x.i.Kind, x.i.StartDate, x.i.Worker != null ? x.i.Worker.DisplayName : null))
            .ToListAsync(ct);
        return Page();
    }
}
