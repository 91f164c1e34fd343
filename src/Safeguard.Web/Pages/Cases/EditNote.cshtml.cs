using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// Edit a case note: its author, or a team or service manager. The earlier version is kept and shown on the note. If
/// someone else changed it meanwhile, what was typed stays on the page beside the note as it is now.
/// </summary>
[Authorize(Policy = Capabilities.RecordCaseNote)]
public class EditNoteModel(CaseNoteService notes, CaseAccess cases, CurrentActor me) : PageModel
{
    [BindProperty] public NoteForm Input { get; set; } = new();
    /// <summary>The note's version when the editor opened it.</summary>
    [BindProperty] public Guid Version { get; set; }
    public CaseNote Note { get; private set; } = null!;
    public CaseAccess.Child Person { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int noteId, CancellationToken ct)
    {
        if (!await LoadAsync(id, noteId, ct)) return NotFound();
        Input = NoteForm.Of(Note);
        Version = Note.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int noteId, CancellationToken ct)
    {
        if (!await LoadAsync(id, noteId, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        var input = Input.ToInput(ModelState);
        try
        {
            var note = await notes.EditAsync(me.Actor, id, noteId, Version, input, ct);
            if (note is null) return NotFound();
            TempData["Success"] = "Case note changed: the earlier version is kept below";
            return Redirect($"/people/{id}/notes/{noteId}");
        }
        catch (ValidationException ex)
        {
            NoteForm.AddErrors(ModelState, ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            // What was typed stays; the note as it is now is shown above it, and saving again is deliberate.
            Conflict = true;
            ModelState.AddModelError("Input.Text", ex.Message);
            Version = Note.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, int noteId, CancellationToken ct)
    {
        if (await notes.OpenAsync(me.Actor, id, noteId, ct) is not { } note) return false;
        if (await cases.ChildAsync(id, ct) is not { } person) return false;
        (Note, Person) = (note, person);
        CanEdit = CaseNoteService.CanEdit(me.Actor, note);
        return true;
    }
}
