using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;
using SocialWorkAssessment = Safeguard.Core.SocialWork.Assessment;

namespace Safeguard.Web.Pages.Cases.Assessments;

/// <summary>
/// A child and family assessment: the worker writes it, saves part-way and sends it to the manager; everyone else
/// who can open the case reads it. What is typed is kept as a draft on the server (as it is typed, with
/// JavaScript; on every save without), so an expired sign-in or a refused save loses nothing.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class AssessmentModel(AssessmentService assessments, FormDrafts drafts, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public AssessmentForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public SocialWorkAssessment Assessment { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public List<Authorisation> Decisions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>When the form shows a kept draft rather than the saved assessment.</summary>
    public DateTime? DraftSavedAtUtc { get; private set; }
    public bool Conflict { get; private set; }
    public string DraftKey => $"assessment/{Assessment.Id}";

    public bool CanEdit => Assessment.Stage == AssessmentStage.InProgress && me.Actor.Can(Capabilities.AssessChild);
    public bool CanAuthorise => Assessment.Stage == AssessmentStage.AwaitingAuthorisation && me.Actor.Can(Capabilities.AuthoriseWork) && Assessment.WorkerId != me.Actor.UserId;
    public bool IsLate => Today > Assessment.DueDate && Assessment.Stage != AssessmentStage.Authorised;

    public async Task<IActionResult> OnGetAsync(Guid id, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, assessmentId, ct)) return NotFound();
        Input = AssessmentForm.From(Assessment);
        Version = Assessment.Version;
        if (CanEdit && await drafts.FindAsync(me.Actor, DraftKey, ct) is { } draft)
        {
            Input = AssessmentForm.From(FormDrafts.Fields(draft));
            DraftSavedAtUtc = draft.SavedAtUtc;
        }
        return Page();
    }

    /// <summary>Saves what is written so far; the worker can come back to it.</summary>
    public Task<IActionResult> OnPostSaveAsync(Guid id, int assessmentId, CancellationToken ct) => ChangeAsync(id, assessmentId, submit: false, ct);

    /// <summary>Saves and sends it to the manager; anything missing is listed beside its field.</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid id, int assessmentId, CancellationToken ct) => ChangeAsync(id, assessmentId, submit: true, ct);

    /// <summary>Keeps the form as typed so far (the page's script posts it a moment after each change). 204, or 404 when it is not theirs.</summary>
    public async Task<IActionResult> OnPostDraftAsync(Guid id, int assessmentId, CancellationToken ct)
    {
        if (!me.Actor.Can(Capabilities.AssessChild)) return Forbid();
        var kept = await drafts.SaveAsync(me.Actor, $"assessment/{assessmentId}", FormDraftFields.From(Request.Form), ct);
        return kept ? new NoContentResult() : NotFound();
    }

    /// <summary>Throws away the kept draft and shows the assessment as last saved.</summary>
    public async Task<IActionResult> OnPostDiscardDraftAsync(Guid id, int assessmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, assessmentId, ct)) return NotFound();
        await drafts.DiscardAsync(me.Actor, DraftKey, ct);
        TempData["Success"] = "Your unsaved changes were discarded";
        return Redirect($"/people/{id}/assessments/{assessmentId}");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, int assessmentId, bool submit, CancellationToken ct)
    {
        if (!await LoadAsync(id, assessmentId, ct)) return NotFound();
        if (!me.Actor.Can(Capabilities.AssessChild)) return Forbid();
        // Kept first, so a refusal below (or a browser closed on the error) loses nothing.
        await drafts.SaveAsync(me.Actor, DraftKey, FormDraftFields.From(Request.Form), ct);
        CheckDates();
        if (!ModelState.IsValid) return Page();
        try
        {
            var draft = Input.ToDraft();
            var saved = submit ? await assessments.SubmitAsync(me.Actor, assessmentId, Version, draft, ct)
                : await assessments.SaveAsync(me.Actor, assessmentId, Version, draft, ct);
            if (saved is null) return NotFound();
            await drafts.DiscardAsync(me.Actor, DraftKey, ct);
            TempData["Success"] = submit ? $"The assessment of {ChildName} is with the manager for authorisation" : "Your assessment is saved. You can come back to it at any time";
            return Redirect(submit ? $"/people/{id}/case" : $"/people/{id}/assessments/{assessmentId}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddErrors(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            // Their text stays on the page (and in the draft); the version moves on so saving again is deliberate.
            Conflict = true;
            ModelState.AddModelError("", ex.Message);
            Version = Assessment.Version;
        }
        return Page();
    }

    private void CheckDates()
    {
        if (Input.ChildSeenOn.ValidatePast("The date the child was seen", Today, required: false) is { } seen)
            ModelState.AddDateError("Input.ChildSeenOn", seen);
        if (Input.ChildSeenAloneOn.ValidatePast("The date the child was seen alone", Today, required: false) is { } alone)
            ModelState.AddDateError("Input.ChildSeenAloneOn", alone);
    }

    private async Task<bool> LoadAsync(Guid id, int assessmentId, CancellationToken ct)
    {
        if (await assessments.OpenAsync(me.Actor, assessmentId, ct) is not { } found || found.PersonId != id) return false;
        Assessment = found;
        ChildName = await cases.NameAsync(id, ct) ?? "";
        Decisions = await assessments.DecisionsAsync(assessmentId, ct);
        Today = Display.TodayInUk(clock);
        return true;
    }
}
