using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Pages.Mash;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Partner;

/// <summary>A document the partner's own agency sent with an answer; another agency's documents do not exist for them (404).</summary>
[Authorize(Policy = Capabilities.AnswerInformationRequest)]
public class DocumentModel(AttachmentService attachments, CurrentActor me) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await attachments.OpenAsync(me.Actor, id, ct) is { } a ? Documents.Download(a) : NotFound();
}
