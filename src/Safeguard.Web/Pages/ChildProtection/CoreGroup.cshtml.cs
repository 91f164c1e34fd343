using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Pages.Plans;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>
/// A core group of a child protection plan: when it is due, and once held, the date, who came, the notes and progress
/// on every open action. Recording it schedules the next. The child's social workers and managers record it; others
/// who may open the case read it.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class CoreGroupModel(ChildProtectionPlanService plans, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateParts HeldOn { get; set; } = new();
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public List<ProgressRow> Progress { get; set; } = [];

    public CaseAccess.Child Person { get; private set; } = null!;
    public ChildProtectionPlan Plan { get; private set; } = null!;
    public CoreGroupMeeting Meeting { get; private set; } = null!;
    public List<ProtectionActionProgress> Recorded { get; private set; } = [];
    public List<ProtectionAction> OpenActions { get; private set; } = [];
    public bool Conflict { get; private set; }
    public DateOnly Today => Display.TodayInUk(clock);
    public bool CanRecord => me.Actor.Can(Capabilities.RecordProtectionPlanWork) && Meeting.HeldOn is null && Plan.EndDate is null && Person.RecordedInErrorAtUtc is null;

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
        if (!me.Actor.Can(Capabilities.RecordProtectionPlanWork)) return Forbid();
        // The rows follow the plan's open actions as they are now, keeping what was typed against each.
        Progress = [.. OpenActions.Select(a => Progress.FirstOrDefault(r => r.ActionId == a.Id) ?? new ProgressRow { ActionId = a.Id, Status = a.Status })];
        var dateError = HeldOn.ValidatePast("The date the core group met", Today);
        if (dateError is not null) ModelState.AddDateError(nameof(HeldOn), dateError);
        try
        {
            var input = new ChildProtectionPlanService.CoreGroupInput(dateError is null ? HeldOn.ToDate() : null, Attendees, Notes,
                [.. Progress.Select(r => new ChildInNeedPlanService.ProgressInput(r.ActionId, r.Status, r.Text))]);
            if (await plans.RecordCoreGroupAsync(me.Actor, id, planId, meetingId, Version, input, ct) is null) return NotFound();
            TempData["Success"] = "The core group is recorded and the next one scheduled";
            return Redirect($"/people/{id}/protection-plans/{planId}#core-groups");
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
        if (await plans.OpenAsync(me.Actor, id, planId, ct) is not { } plan) return false;
        var meeting = (await plans.CoreGroupsAsync(planId, ct)).FirstOrDefault(m => m.Id == meetingId);
        if (meeting is null || await cases.ChildAsync(id, ct) is not { } person) return false;
        (Plan, Meeting, Person) = (plan, meeting, person);
        OpenActions = [.. plan.Actions.Where(a => ChildInNeedPlanService.IsOpen(a.Status))];
        Recorded = [.. (await plans.ProgressAsync(planId, ct)).Where(p => p.CoreGroupId == meetingId)];
        return true;
    }

    public string ActionText(int actionId) => Plan.Actions.FirstOrDefault(a => a.Id == actionId)?.Text ?? "";
}
