using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.Work;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages;

/// <summary>
/// "My work": what is due and overdue for me, soonest first, with why each item is mine; the queues I work from;
/// the children allocated to me; and anyone who has broken the glass on a record I restricted.
/// </summary>
[Authorize(Policy = Capabilities.SignedIn)]
public class IndexModel(SafeguardDbContext db, RecordAccess access, RestrictionService restrictions, MyWork work, CurrentActor me, TimeProvider clock) : PageModel
{
    public sealed record Allocated(Guid PersonId, string Name, DateOnly? DateOfBirth, InvolvementKind Kind, DateOnly Since);

    public Actor Actor { get; private set; } = null!;
    public string? TeamName { get; private set; }
    public int? TeamId { get; private set; }
    public List<Allocated> MyChildren { get; private set; } = [];
    public bool ManagesTeam { get; private set; }
    public List<BreakGlassAccess> GlassBroken { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateTime NowUtc { get; private set; }
    public List<WorkItem> Items { get; private set; } = [];
    public List<WorkQueue> Queues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actor = me.Actor;
        Today = Display.TodayInUk(clock);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var mine = await work.ForAsync(Actor, ct);
        (Items, Queues) = (mine.Items, mine.Queues);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == Actor.UserId).Select(u => new { u.TeamId, Team = u.Team!.Name }).FirstAsync(ct);
        (TeamName, TeamId) = (user.Team, user.TeamId);
        if (Actor.Can(Capabilities.ViewChildRecord))
        {
            MyChildren = await db.Involvements.AsNoTracking().Where(i => i.WorkerId == Actor.UserId && i.EndDate == null)
                .Join(access.VisiblePeople(Actor), i => i.PersonId, p => p.Id, (i, p) => new { i, p })
                .OrderBy(x => x.p.LastName).ThenBy(x => x.p.FirstName).Take(200)
                .Select(x => new Allocated(x.p.Id, x.p.FirstName + " " + x.p.LastName, x.p.DateOfBirth, x.i.Kind, x.i.StartDate))
                .ToListAsync(ct);
        }
        ManagesTeam = user.TeamId is not null && Actor.Can(Capabilities.ViewTeamCaseload);
        GlassBroken = await restrictions.UnacknowledgedForOwnerAsync(Actor.UserId, ct);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int id, CancellationToken ct)
    {
        await restrictions.AcknowledgeAsync(me.Actor, id, ct);
        return RedirectToPage();
    }
}
