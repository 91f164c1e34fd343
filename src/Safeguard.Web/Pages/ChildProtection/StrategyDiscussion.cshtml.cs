using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>One strategy discussion as recorded, for those who may open the child's case.</summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class StrategyDiscussionModel(StrategyDiscussionService discussions, CaseAccess cases, CurrentActor me) : PageModel
{
    public CaseAccess.Child Person { get; private set; } = null!;
    public Core.ChildProtection.StrategyDiscussion Discussion { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int sid, CancellationToken ct)
    {
        if (await discussions.OpenAsync(me.Actor, id, sid, ct) is not { } discussion) return NotFound();
        if (await cases.ChildAsync(id, ct) is not { } person) return NotFound();
        Person = person;
        Discussion = discussion;
        return Page();
    }
}
