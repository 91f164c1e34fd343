using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;
using SocialWorkAssessment = Safeguard.Core.SocialWork.Assessment;

namespace Safeguard.Web.Pages.Cases.Assessments;

/// <summary>
/// The manager reads the assessment and authorises it (completing it today) or sends it back, saying why either
/// way: the record shows who decided, when and why. Nobody authorises an assessment they wrote.
/// </summary>
[Authorize(Policy = Capabilities.AuthoriseWork)]
public class AuthoriseModel(AssessmentService assessments, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid Version { get; set; }
    public SocialWorkAssessment Assessment { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public bool Conflict { get; private set; }
    public bool IsOwn => Assessment.WorkerId == me.Actor.UserId;
    public bool IsWaiting => Assessment.Stage == AssessmentStage.AwaitingAuthorisation;

    public async Task<IActionResult> OnGetAsync(Guid id, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, assessmentId, ct)) return NotFound();
        Version = Assessment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, assessmentId, ct)) return NotFound();
        if (Decision is not ("authorise" or "return")) ModelState.AddModelError(nameof(Decision), "Choose whether to authorise the assessment or send it back");
        if (string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), Decision == "return" ? "Enter what needs to change before you can authorise it" : "Enter your reasons: the record shows why you decided");
        if (!ModelState.IsValid) return Page();
        try
        {
            var approve = Decision == "authorise";
            if (await assessments.AuthoriseAsync(me.Actor, assessmentId, Version, approve, Reason, ct) is null) return NotFound();
            TempData["Success"] = approve ? $"The assessment of {ChildName} is authorised" : $"The assessment of {ChildName} is sent back to {Assessment.WorkerName}";
            return Redirect($"/people/{id}/case");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex, "");
        }
        catch (ConcurrencyConflictException)
        {
            Conflict = true;
            ModelState.AddModelError("", "The worker changed the assessment since you opened it. Read it again below, then decide.");
            Version = Assessment.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, int assessmentId, CancellationToken ct)
    {
        if (await assessments.OpenAsync(me.Actor, assessmentId, ct) is not { } found || found.PersonId != id) return false;
        Assessment = found;
        ChildName = await cases.NameAsync(id, ct) ?? "";
        Today = Display.TodayInUk(clock);
        return true;
    }
}
