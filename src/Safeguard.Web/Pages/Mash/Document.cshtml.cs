using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Mash;

/// <summary>Downloads a document sent with a contact or a partner's answer. The service checks the children are visible and logs the opening.</summary>
[Authorize(Policy = Capabilities.ViewFrontDoor)]
public class DocumentModel(AttachmentService attachments, CurrentActor me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await attachments.OpenAsync(me.Actor, id, ct) is { } a ? Documents.Download(a) : NotFound();
}

/// <summary>A stored document as a download: never shown inline, so a file can never run as part of the site.</summary>
public static class Documents
{
    public static FileContentResult Download(Attachment a) => new(a.Content, a.ContentType) { FileDownloadName = a.FileName };
}
