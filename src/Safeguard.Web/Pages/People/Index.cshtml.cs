using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People.Search;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>Find a person by name, date of birth, NHS number, UPN or Safeguard ID.</summary>
[Authorize(Policy = Capabilities.FindPeople)]
public class IndexModel(PersonSearch search, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SearchResults? Results { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanAdd => me.Actor.Can(Capabilities.AddPerson);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = Display.TodayInUk(clock);
        if (string.IsNullOrWhiteSpace(Q)) return;
        if (Q.Length > 200)
        {
            ModelState.AddModelError(nameof(Q), "Search for 200 characters or fewer");
            return;
        }
        Results = await search.SearchAsync(me.Actor, new PersonQuery(Q, null, Math.Max(1, PageNumber)), ct);
    }
}
