using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases.Assessments;

/// <summary>Starts a child and family assessment on the child's open referral (today, or the day it really started).</summary>
[Authorize(Policy = Capabilities.AssessChild)]
public class StartModel(AssessmentService assessments, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public DateParts StartDate { get; set; } = new();
    public string ChildName { get; private set; } = "";
    public bool CanStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        StartDate = DateParts.From(Display.TodayInUk(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StartDate.ValidatePast("The start date", Display.TodayInUk(clock)) is { } error) ModelState.AddDateError(nameof(StartDate), error);
        if (!ModelState.IsValid) return Page();
        try
        {
            var started = await assessments.StartAsync(me.Actor, id, StartDate.ToDate(), ct);
            if (started is null) return NotFound();
            TempData["Success"] = $"Assessment started: due by {Display.Date(started.DueDate)}";
            return Redirect($"/people/{id}/assessments/{started.Id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, f => f == "PersonId" ? "" : f);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return false;
        ChildName = await cases.NameAsync(id, ct) ?? "";
        CanStart = await assessments.CanStartAsync(id, ct);
        return true;
    }
}
