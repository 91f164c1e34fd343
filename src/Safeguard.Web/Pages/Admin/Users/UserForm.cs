using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>What an administrator types about a user; the choices of team, agency and role come from the database.</summary>
public sealed class UserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? JobTitle { get; set; }
    public int? TeamId { get; set; }
    public int? AgencyId { get; set; }
    public List<string> Roles { get; set; } = [];

    public StaffInput ToInput() => new(Email ?? "", DisplayName ?? "", JobTitle, TeamId, AgencyId, Roles);

    public static IEnumerable<GovukOption> RoleOptions => Core.Access.Roles.All.Select(r => new GovukOption(r.Role, r.Label));

    public static async Task<(List<GovukOption> Teams, List<GovukOption> Agencies)> ChoicesAsync(SafeguardDbContext db, CancellationToken ct)
    {
        var teams = await db.Teams.Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new GovukOption(t.Id.ToString(), t.Name, null, null)).ToListAsync(ct);
        var agencies = await db.Agencies.Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new GovukOption(a.Id.ToString(), a.Name, null, null)).ToListAsync(ct);
        teams.Insert(0, new GovukOption("", "No team"));
        agencies.Insert(0, new GovukOption("", "Not a partner agency user"));
        return (teams, agencies);
    }
}
