using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>
/// One contact: what was recorded, its children with their flags (repeat referral, open case, possible duplicates),
/// its documents, the screening decision and telling the referrer. A child the reader may not see hides the whole contact.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
// Several documents of up to 10 MB each in one upload; AttachmentService checks each file. The server reads up to
// twice the total allowed, so an upload a little too large gets a message on the page rather than a broken connection.
[RequestSizeLimit(2 * MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxUploadBytes)]
public class ShowModel(FrontDoorQueries queries, ContactService contacts, AttachmentService attachments, FrontDoorRules rules,
    CurrentActor me, TimeProvider clock) : PageModel
{
    /// <summary>The most one upload may hold in all: five documents of the largest size, with room for the form.</summary>
    public const int MaxUploadBytes = 52 * 1024 * 1024;

    public FrontDoorQueries.ContactView View { get; private set; } = null!;
    public Contact Contact => View.Contact;
    public DateTime NowUtc { get; private set; }
    public int DuplicateWindowDays => rules.DuplicateWindowDays;
    public Actor Actor => me.Actor;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateParts ToldOn { get; set; } = new();
    [BindProperty] public string? How { get; set; }

    public bool CanTellReferrer => Contact.Stage == ContactStage.Closed && Contact.ReferrerToldOn is null
        && (Actor.Can(Capabilities.ScreenContact) || Actor.Can(Capabilities.DecideMashCase));

    /// <summary>Only the worker the new information went to, or a manager of the team when no one was allocated, can mark it read.</summary>
    public bool CanMarkRead(FrontDoorQueries.ChildOnContact child)
    {
        var row = Contact.Children.First(c => c.Id == child.ContactChildId);
        return row.HadOpenCase && row.NewInformationReadAtUtc is null
            && (row.NewInformationForUserId == Actor.UserId || (row.NewInformationForTeamId is not null && Actor.Can(Capabilities.ViewTeamCaseload)));
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ToldOn = DateParts.From(Display.TodayInUk(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, [FromForm(Name = "Files")] List<IFormFile> files, CancellationToken ct)
    {
        if (files.Sum(f => f.Length) > MaxUploadBytes)
        {
            ModelState.AddModelError("Files", "The files together are larger than 50 MB: attach them a few at a time (each can be up to 10 MB)");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        try
        {
            var uploads = new List<AttachmentService.Upload>();
            foreach (var file in files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                uploads.Add(new AttachmentService.Upload(file.FileName, buffer.ToArray()));
            }
            var added = await attachments.AddToContactAsync(me.Actor, id, uploads, ct);
            if (added is null) return NotFound();
            TempData["Success"] = added.Count == 1 ? $"{added[0].FileName} attached" : $"{added.Count} documents attached";
            return Redirect($"/contacts/{id}#documents");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, prefix: "");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostToldAsync(int id, CancellationToken ct)
    {
        var error = ToldOn.ValidatePast("The date the referrer was told", Display.TodayInUk(clock));
        if (error is not null) ModelState.AddDateError(nameof(ToldOn), error);
        else
        {
            try
            {
                if (await contacts.RecordReferrerToldAsync(me.Actor, id, Version, ToldOn.ToDate()!.Value, How ?? "", ct) is null) return NotFound();
                TempData["Success"] = "Recorded that the referrer was told the outcome";
                return Redirect($"/contacts/{id}");
            }
            catch (ValidationException ex)
            {
                ModelState.AddErrors(ex, field => field == "ToldOn" ? nameof(ToldOn) : field);
            }
            catch (ConcurrencyConflictException ex)
            {
                ModelState.AddModelError(nameof(How), ex.Message);
            }
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(int id, int contactChildId, CancellationToken ct)
    {
        if (!await contacts.MarkNewInformationReadAsync(me.Actor, contactChildId, ct))
            ModelState.AddModelError("", "It could not be marked as read: it was sent to someone else, or has been read already");
        else
        {
            TempData["Success"] = "Marked as read";
            return Redirect($"/contacts/{id}");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.ContactAsync(me.Actor, id, ct);
        if (view is null) return false;
        View = view;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        // After a conflict the form is shown again with the version now stored, so saving again is a deliberate choice.
        Version = view.Contact.Version;
        return true;
    }
}
