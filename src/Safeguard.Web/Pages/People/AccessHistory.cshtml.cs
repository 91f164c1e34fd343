using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>Who has viewed and changed a person's record, newest first. Looking at it is itself logged.</summary>
[Authorize(Policy = Capabilities.ViewAccessHistory)]
public class AccessHistoryModel(PeopleService people, SafeguardDbContext db, CurrentActor me) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    public Person Person { get; private set; } = null!;
    public AccessHistoryPage History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, "Access history", ct);
        if (person is null) return NotFound();
        Person = person;
        History = await AccessHistory.ForPersonAsync(db, id, Before, ct);
        return Page();
    }

    public static string ActionText(string action) => action switch
    {
        AccessAction.Viewed => "Viewed",
        AccessAction.Created => "Added",
        AccessAction.Changed => "Changed",
        AccessAction.RecordedInError => "Marked recorded in error",
        AccessAction.Restricted => "Restricted",
        AccessAction.RestrictionLifted => "Lifted the restriction",
        AccessAction.BrokeGlass => "Broke the glass",
        AccessAction.Refused => "Was refused",
        _ => action,
    };
}
