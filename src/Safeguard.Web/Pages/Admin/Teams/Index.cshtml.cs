using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Admin.Teams;

/// <summary>The council's teams: their kind and caseload capacity. Adding one is logged like any change to users.</summary>
[Authorize(Policy = Capabilities.ManageUsers)]
public class IndexModel(SafeguardDbContext db, AccessLogAppender log, CurrentActor me, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, TeamKind Kind, int? Capacity, int Members);

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public TeamKind? Kind { get; set; }
    [BindProperty] public string? Capacity { get; set; }
    public List<Row> Teams { get; private set; } = [];
    public static IEnumerable<GovukOption> KindOptions => Enum.GetValues<TeamKind>().Select(k => new GovukOption(k.ToString(), k.ToString()));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? capacity = null;
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), "Enter the team's name");
        else if (Name.Length > 100) ModelState.AddModelError(nameof(Name), "The name must be 100 characters or fewer");
        else if (await db.Teams.AnyAsync(t => t.Name == Name.Trim(), ct)) ModelState.AddModelError(nameof(Name), "There is already a team with this name");
        if (Kind is null) ModelState.AddModelError(nameof(Kind), "Select what kind of team it is");
        if (!string.IsNullOrWhiteSpace(Capacity))
        {
            if (int.TryParse(Capacity, out var c) && c is > 0 and <= 100) capacity = c;
            else ModelState.AddModelError(nameof(Capacity), "Caseload capacity must be a whole number between 1 and 100");
        }
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Teams.Add(new Team { Name = Name!.Trim(), Kind = Kind!.Value, CaseloadCapacity = capacity });
        await db.SaveChangesAsync(ct);
        await log.AppendAsync(db, [AccessRecord.By(me.Actor, clock.GetUtcNow().UtcDateTime, AccessAction.UserChanged, null, $"Team added: {Name.Trim()}",
            JsonSerializer.Serialize(new { Name, Kind, capacity }))], ct);
        await tx.CommitAsync(ct);
        TempData["Success"] = $"{Name.Trim()} added";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Name, t.Kind, t.CaseloadCapacity, db.Users.Count(u => u.TeamId == t.Id && u.IsActive))).ToListAsync(ct);
}
