using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Partner;

/// <summary>
/// A partner agency's own view: the MASH's requests to their agency, the most urgent first, then the ones recently
/// answered. PartnerService only ever returns their own agency's requests.
/// </summary>
[Authorize(Policy = Capabilities.AnswerInformationRequest)]
public class IndexModel(PartnerService partner, CurrentActor me, TimeProvider clock) : PageModel
{
    public string? AgencyName { get; private set; }
    public List<PartnerService.RequestRow> Outstanding { get; private set; } = [];
    public List<PartnerService.RequestRow> Recent { get; private set; } = [];
    public DateTime Now { get; private set; }
    public bool CanRecordContact { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = me.Actor;
        Now = clock.GetUtcNow().UtcDateTime;
        AgencyName = (await partner.AgencyOfAsync(actor, ct))?.Name;
        CanRecordContact = actor.Can(Capabilities.RecordContact);
        if (AgencyName is null) return;
        Outstanding = await partner.RequestsAsync(actor, outstanding: true, ct: ct);
        Recent = await partner.RequestsAsync(actor, outstanding: false, take: 50, ct: ct);
    }
}
