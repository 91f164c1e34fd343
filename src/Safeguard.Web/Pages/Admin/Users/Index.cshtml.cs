using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;

namespace Safeguard.Web.Pages.Admin.Users;

[Authorize(Policy = Capabilities.ManageUsers)]
public class IndexModel(StaffAdministration admin) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Filter { get; set; }
    public List<StaffSummary> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Users = await admin.ListAsync(Filter, ct);
}
