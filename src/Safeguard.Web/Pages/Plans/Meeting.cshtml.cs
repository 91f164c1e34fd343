using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Plans;

/// <summary>
/// A child in need review: when it is due, and once held, the date, who came, the minutes, the decision and the
/// progress on each open action. Recording it schedules the next review.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class MeetingModel(ChildInNeedPlanService plans, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateParts HeldOn { get; set; } = new();
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public List<ProgressRow> Progress { get; set; } = [];

    public CaseAccess.Child Person { get; private set; } = null!;
    public ChildInNeedPlan Plan { get; private set; } = null!;
    public ChildInNeedMeeting Meeting { get; private set; } = null!;
    public List<PlanActionProgress> Recorded { get; private set; } = [];
    public List<PlanAction> OpenActions { get; private set; } = [];
    public bool Conflict { get; private set; }
    public DateOnly Today => Display.TodayInUk(clock);
    public bool CanRecord => me.Actor.Can(Capabilities.PlanForChild) && Meeting.HeldOn is null && Plan.Stage == PlanStage.Active && Person.RecordedInErrorAtUtc is null;

    public async Task<IActionResult> OnGetAsync(Guid id, int planId, int meetingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, meetingId, ct)) return NotFound();
        Version = Meeting.Version;
        Progress = [.. OpenActions.Select(a => new ProgressRow { ActionId = a.Id, Status = a.Status })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int planId, int meetingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, meetingId, ct)) return NotFound();
        // The rows follow the plan's open actions as they are now, keeping what was typed against each.
        Progress = [.. OpenActions.Select(a => Progress.FirstOrDefault(r => r.ActionId == a.Id) ?? new ProgressRow { ActionId = a.Id, Status = a.Status })];
        DateOnly? heldOn = null;
        var dateError = HeldOn.ValidatePast("The meeting date", Today);
        if (dateError is not null) ModelState.AddDateError(nameof(HeldOn), dateError);
        else heldOn = HeldOn.ToDate();
        try
        {
            var input = new ChildInNeedPlanService.MeetingInput(heldOn, Attendees, Minutes, Decision,
                [.. Progress.Select(r => new ChildInNeedPlanService.ProgressInput(r.ActionId, r.Status, r.Text))]);
            var meeting = await plans.HoldMeetingAsync(me.Actor, id, planId, meetingId, Version, input, ct);
            if (meeting is null) return NotFound();
            TempData["Success"] = "The review is recorded and the next one scheduled";
            return Redirect($"/people/{id}/plans/{planId}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors.Where(e => !(e.PropertyName == "HeldOn" && dateError is not null)))
                ModelState.AddModelError(e.PropertyName, e.ErrorMessage);
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError("", ex.Message);
            Version = Meeting.Version;
            ModelState.Remove(nameof(Version));
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, int planId, int meetingId, CancellationToken ct)
    {
        if (await plans.OpenAsync(me.Actor, id, planId, ct) is not { } plan || plan.Meetings.FirstOrDefault(m => m.Id == meetingId) is not { } meeting) return false;
        if (await cases.ChildAsync(id, ct) is not { } person) return false;
        (Plan, Meeting, Person) = (plan, meeting, person);
        OpenActions = [.. plan.Actions.Where(a => ChildInNeedPlanService.IsOpen(a.Status))];
        Recorded = [.. (await plans.ProgressAsync(planId, ct)).Where(p => p.MeetingId == meetingId)];
        return true;
    }

    public string ActionText(int actionId) => Plan.Actions.FirstOrDefault(a => a.Id == actionId)?.Text ?? "";
}
