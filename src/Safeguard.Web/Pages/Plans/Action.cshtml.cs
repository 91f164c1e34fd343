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
/// One action of a plan. In a draft: change what, who and when. Once active: record progress (or mark it done, or no
/// longer needed with the reason), or move its date with the reason (an amendment). Nothing is deleted.
/// </summary>
[Authorize(Policy = Capabilities.PlanForChild)]
public class ActionModel(ChildInNeedPlanService plans, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public ActionRow Row { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public PlanActionStatus? Status { get; set; }
    [BindProperty] public string? ProgressText { get; set; }

    public CaseAccess.Child Person { get; private set; } = null!;
    public ChildInNeedPlan Plan { get; private set; } = null!;
    public PlanAction Action { get; private set; } = null!;
    public List<ChildInNeedPlanService.Owner> Owners { get; private set; } = [];
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int planId, int actionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, actionId, ct)) return NotFound();
        Version = Plan.Version;
        Row = new ActionRow { Text = Action.Text, OwnerUserId = Action.OwnerUserId, OwnerName = Action.OwnerUserId is null ? Action.OwnerName : null, Due = DateParts.From(Action.DueDate) };
        Status = Action.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, int planId, int actionId, CancellationToken ct) =>
        await Run(id, planId, actionId, () => plans.EditActionAsync(me.Actor, id, planId, actionId, Version, Row.ToInput(), ct), "The action is changed", "Row.", ct);

    public async Task<IActionResult> OnPostDateAsync(Guid id, int planId, int actionId, CancellationToken ct) =>
        await Run(id, planId, actionId, () => plans.ChangeDueDateAsync(me.Actor, id, planId, actionId, Version, PlanForms.DueText(Row.Due), Reason, ct),
            "The action's date is changed", "Row.", ct, reasonKey: true);

    public async Task<IActionResult> OnPostProgressAsync(Guid id, int planId, int actionId, CancellationToken ct) =>
        await Run(id, planId, actionId, () => plans.RecordProgressAsync(me.Actor, id, planId, actionId, Version, Status, ProgressText, ct),
            "The progress is recorded", "", ct);

    private async Task<IActionResult> Run(Guid id, int planId, int actionId, Func<Task<ChildInNeedPlan?>> change, string success, string prefix,
        CancellationToken ct, bool reasonKey = false)
    {
        if (!await LoadAsync(id, planId, actionId, ct)) return NotFound();
        try
        {
            if (await change() is null) return NotFound();
            TempData["Success"] = success;
            return Redirect($"/people/{id}/plans/{planId}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.PropertyName switch
                {
                    "Text" when prefix == "" => nameof(ProgressText),
                    "Reason" => nameof(Reason),
                    "Status" => nameof(Status),
                    "DueDate" => prefix + "Due",
                    var other => prefix + other,
                };
                ModelState.AddModelError(key, e.ErrorMessage);
            }
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError("", ex.Message);
            Version = Plan.Version;
            ModelState.Remove(nameof(Version));
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, int planId, int actionId, CancellationToken ct)
    {
        if (await plans.OpenAsync(me.Actor, id, planId, ct) is not { } plan || plan.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return false;
        if (await cases.ChildAsync(id, ct) is not { } person) return false;
        (Plan, Action, Person) = (plan, action, person);
        Owners = await plans.OwnersAsync(plan.TeamId, ct);
        return true;
    }

    public IEnumerable<GovukOption> Statuses => PlanForms.Statuses.Where(s => Plan.Stage == PlanStage.Active || s.Value == nameof(PlanActionStatus.NoLongerNeeded));
    public DateOnly Today => Display.TodayInUk(clock);
}
