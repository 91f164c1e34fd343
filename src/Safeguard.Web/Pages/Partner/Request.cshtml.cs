using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Partner;

/// <summary>
/// One request to the partner's agency: the question, when it is due, the children it is about, and the answer form
/// (text and documents). A request to another agency is 404, exactly as one that does not exist.
/// </summary>
[Authorize(Policy = Capabilities.AnswerInformationRequest)]
// Several 10 MB documents and the text (about five, with room for the multipart framing): above the server's 30 MB default.
[RequestSizeLimit(MaxRequestBytes)]
public class RequestModel(PartnerService partner, CurrentActor me, TimeProvider clock) : PageModel
{
    public const long MaxRequestBytes = 52 * 1024 * 1024;

    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }
    public PartnerService.RequestView View { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = View.Request.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            var uploads = new List<AttachmentService.Upload>();
            foreach (var file in Files.Where(f => f.FileName.Length > 0))
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                uploads.Add(new AttachmentService.Upload(file.FileName, buffer.ToArray()));
            }
            var answered = await partner.AnswerAsync(me.Actor, id, Version, Answer ?? "", uploads, ct);
            if (answered is null) return NotFound();
            TempData["Success"] = $"Your answer about contact {View.ContactReference} has been sent to the MASH";
            return Redirect("/partner");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError(nameof(Answer), ex.Message);
            Version = View.Request.Version;
        }
        // A browser never sends files back: say so when there were some, so none is forgotten.
        if (Files.Count > 0 && ModelState.GetFieldValidationState(nameof(Files)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            ModelState.AddModelError(nameof(Files), "Choose your documents again: they were not kept because of the problem above");
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await partner.OpenAsync(me.Actor, id, ct);
        if (view is null) return false;
        (View, Now) = (view, clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
