using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Partner;

/// <summary>
/// A partner writes and sends the report a conference chair asked them for. Only their own requests open; once sent
/// (or once the conference is held) it no longer does.
/// </summary>
[Authorize(Policy = Capabilities.SubmitConferenceReport)]
public class ConferenceReportModel(ConferenceService conferences, CurrentActor me) : PageModel
{
    [BindProperty] public string? Report { get; set; }
    public ConferenceService.ReportToWrite Asked { get; private set; } = null!;
    public DateOnly? DateOfBirth { get; private set; }

    public async Task<IActionResult> OnGetAsync(int memberId, CancellationToken ct) => await LoadAsync(memberId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int memberId, CancellationToken ct)
    {
        if (!await LoadAsync(memberId, ct)) return NotFound();
        try
        {
            if (await conferences.SubmitReportAsync(me.Actor, memberId, Report, ct) is null) return NotFound();
            TempData["Success"] = $"Your report on {Asked.ChildName} has been sent to the conference chair";
            return Redirect("/partner/conference-reports");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(nameof(Report), e.ErrorMessage);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int memberId, CancellationToken ct)
    {
        if (await conferences.ReportToWriteAsync(me.Actor, memberId, ct) is not { } found) return false;
        (Asked, DateOfBirth) = found;
        return true;
    }
}
