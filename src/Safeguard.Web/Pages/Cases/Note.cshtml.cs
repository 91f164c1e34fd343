using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>A case note in full with its earlier versions, as the chronology links to it. Another team's child is 404.</summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class NoteModel(CaseNoteService notes, CaseAccess cases, CurrentActor me) : PageModel
{
    public CaseNote Note { get; private set; } = null!;
    public CaseAccess.Child Person { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int noteId, CancellationToken ct)
    {
        if (await notes.OpenAsync(me.Actor, id, noteId, ct) is not { } note) return NotFound();
        if (await cases.ChildAsync(id, ct) is not { } person) return NotFound();
        (Note, Person) = (note, person);
        CanEdit = CaseNoteService.CanEdit(me.Actor, note);
        return Page();
    }
}
