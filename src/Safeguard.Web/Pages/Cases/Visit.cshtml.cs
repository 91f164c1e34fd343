using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>A visit in full, as the chronology links to it. Another team's child is 404.</summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class VisitModel(VisitService visits, CaseAccess cases, CurrentActor me) : PageModel
{
    public Visit Visit { get; private set; } = null!;
    public CaseAccess.Child Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int visitId, CancellationToken ct)
    {
        if (await visits.OpenAsync(me.Actor, id, visitId, ct) is not { } visit) return NotFound();
        if (await cases.ChildAsync(id, ct) is not { } person) return NotFound();
        (Visit, Person) = (visit, person);
        return Page();
    }
}
