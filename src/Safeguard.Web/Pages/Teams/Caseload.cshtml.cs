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
/// for a worker; for front-door teams, each worker's MASH cases and screening. Team and MASH managers see their
/// own team only; service managers see every team.
/// </summary>
[Authorize(Policy = Capabilities.ViewTeamCaseload)]
public class CaseloadModel(SafeguardDbContext db, RecordAccess access, AccessLogQueue log, CurrentActor me, TimeProvider clock) : PageModel
{
    public sealed record Worker(string Id, string Name, string? JobTitle, int Children);
    /// <summary>A front-door worker's week: the MASH cases they hold (and how many are past their clock), what they screened and decided.</summary>
    public sealed record FrontDoorLoad(int OpenMash, int BreachedMash, int Screened, int Decided, int UnreadNewInformation);
    public sealed record Child(int InvolvementId, Guid PersonId, string Name, InvolvementKind Kind, DateOnly Since, string? Worker);

    public Team Team { get; private set; } = null!;
    public List<Worker> Workers { get; private set; } = [];
    public List<Child> Children { get; private set; } = [];
    public int Unallocated { get; private set; }
    public int Open { get; private set; }
    public bool IsFrontDoor { get; private set; }
    public Dictionary<string, FrontDoorLoad> Loads { get; private set; } = [];
    /// <summary>The team's own manager (or a service manager) allocates from this page.</summary>
    public bool CanAllocate { get; private set; }
    public bool IsSocialWorkTeam => Safeguard.Core.SocialWork.TeamOverdue.SocialWorkTeams.Contains(Team.Kind);
    public bool CanSeeOverdue => me.Actor.Can(Capabilities.ViewTeamOverdue);
    public bool CanRecordSupervision => me.Actor.Can(Capabilities.RecordOversight);

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
        CanAllocate = actor.Can(Capabilities.AllocateCase);
        Workers = await db.Users.AsNoTracking().Where(u => u.TeamId == id && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle, Children = db.Involvements.Count(i => i.WorkerId == u.Id && i.EndDate == null) })
            .OrderByDescending(w => w.Children).ThenBy(w => w.DisplayName)
            .Select(w => new Worker(w.Id, w.DisplayName, w.JobTitle, w.Children)).ToListAsync(ct);
        IsFrontDoor = team.Kind is TeamKind.Mash or TeamKind.ContactService or TeamKind.EmergencyDuty;
        Loads = await LoadsAsync(Workers.Select(w => w.Id).ToList(), ct);
        var open = db.Involvements.AsNoTracking().Where(i => i.TeamId == id && i.EndDate == null)
            .Join(access.VisiblePeople(actor), i => i.PersonId, p => p.Id, (i, p) => new { i, p });
        Open = await open.CountAsync(ct);
        Unallocated = await open.CountAsync(x => x.i.WorkerId == null, ct);
        Children = await open.OrderBy(x => x.i.WorkerId != null).ThenBy(x => x.i.StartDate).Take(300)
            .Select(x => new Child(x.i.Id, x.p.Id, x.p.FirstName + " " + x.p.LastName, x.i.Kind, x.i.StartDate, x.i.Worker != null ? x.i.Worker.DisplayName : null))
            .ToListAsync(ct);
        return Page();
    }

    /// <summary>Four grouped counts over the team's members (indexed by worker), never a scan of every case.</summary>
    private async Task<Dictionary<string, FrontDoorLoad>> LoadsAsync(List<string> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var weekAgo = now.AddDays(-7);
        var mash = await db.MashCases.AsNoTracking().Where(m => m.DecidedAtUtc == null && m.WorkerId != null && ids.Contains(m.WorkerId))
            .GroupBy(m => m.WorkerId!).Select(g => new { g.Key, Open = g.Count(), Breached = g.Count(m => m.DueAtUtc < now) }).ToListAsync(ct);
        var screened = await db.Contacts.AsNoTracking().Where(c => c.ScreenedById != null && ids.Contains(c.ScreenedById) && c.ScreenedAtUtc >= weekAgo)
            .GroupBy(c => c.ScreenedById!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var decided = await db.MashCases.AsNoTracking().Where(m => m.DecidedById != null && ids.Contains(m.DecidedById) && m.DecidedAtUtc >= weekAgo)
            .GroupBy(m => m.DecidedById!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var unread = await db.ContactChildren.AsNoTracking()
            .Where(c => c.NewInformationReadAtUtc == null && c.NewInformationForUserId != null && ids.Contains(c.NewInformationForUserId))
            .GroupBy(c => c.NewInformationForUserId!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => new FrontDoorLoad(
            mash.FirstOrDefault(m => m.Key == id)?.Open ?? 0, mash.FirstOrDefault(m => m.Key == id)?.Breached ?? 0,
            screened.FirstOrDefault(m => m.Key == id)?.Count ?? 0, decided.FirstOrDefault(m => m.Key == id)?.Count ?? 0,
            unread.FirstOrDefault(m => m.Key == id)?.Count ?? 0));
    }
}
