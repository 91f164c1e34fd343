using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Pages.Contacts;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>Write a case note on a child: its type, when it happened, who was seen, the note, and whether it was a significant event.</summary>
[Authorize(Policy = Capabilities.RecordCaseNote)]
public class WriteNoteModel(CaseNoteService notes, CaseAccess cases, PeopleService people, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public NoteForm Input { get; set; } = new();
    public Person Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Occurred = WhenForm.Of(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var input = Input.ToInput(ModelState);
        try
        {
            var note = await notes.WriteAsync(me.Actor, id, input, ct);
            if (note is null) return NotFound();
            TempData["Success"] = "Case note saved";
            return Redirect($"/people/{id}/case#notes");
        }
        catch (ValidationException ex)
        {
            NoteForm.AddErrors(ModelState, ex);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return false;
        if (await people.OpenAsync(me.Actor, id, "Case (writing a case note)", ct) is not { } person) return false;
        Person = person;
        return true;
    }
}
