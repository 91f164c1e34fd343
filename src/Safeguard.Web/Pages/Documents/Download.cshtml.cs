using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Documents;

/// <summary>
/// Downloads a document. Front-door staff open those on contacts they may see, a partner agency those it gave;
/// AttachmentService decides and logs the opening. Always a download, never shown in the browser, so a file cannot
/// run as a page of Safeguard.
/// </summary>
[Authorize(Policy = Capabilities.SignedIn)]
public class DownloadModel(AttachmentService attachments, CurrentActor me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // A role that can never open a document is refused as for any other page it may not use.
        if (!me.Actor.Can(Capabilities.ViewChildRecord) && !me.Actor.Can(Capabilities.AnswerInformationRequest)) return StatusCode(StatusCodes.Status403Forbidden);
        var document = await attachments.OpenAsync(me.Actor, id, ct);
        if (document is null) return NotFound();
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }
}
