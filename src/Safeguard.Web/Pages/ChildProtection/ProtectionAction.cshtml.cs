using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Pages.Plans;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>
/// One action of a child protection plan: record progress between core groups (done, or no longer needed with the
/// reason), or move its date with the reason. Nothing is deleted. The child's social workers and managers only.
/// </summary>
[Authorize(Policy = Capabilities.RecordProtectionPlanWork)]
public class ProtectionActionModel(ChildProtectionPlanService plans, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public ActionRow Row { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public PlanActionStatus? Status { get; set; }
    [BindProperty] public string? ProgressText { get; set; }

    public CaseAccess.Child Person { get; private set; } = null!;
    public ChildProtectionPlan Plan { get; private set; } = null!;
    public ProtectionAction Action { get; private set; } = null!;
    public List<ProtectionActionProgress> History { get; private set; } = [];
    public bool Conflict { get; private set; }
    public DateOnly Today => Display.TodayInUk(clock);

    public async Task<IActionResult> OnGetAsync(Guid id, int planId, int actionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, actionId, ct)) return NotFound();
        Version = Plan.Version;
        Row = new ActionRow { Due = Govuk.DateParts.From(Action.DueDate) };
        Status = Action.Status;
        return Page();
    }

    public Task<IActionResult> OnPostDateAsync(Guid id, int planId, int actionId, CancellationToken ct) =>
        Run(id, planId, actionId, () => plans.ChangeDueDateAsync(me.Actor, id, planId, actionId, Version, PlanForms.DueText(Row.Due), Reason, ct), "The action's date is changed", ct);

    public Task<IActionResult> OnPostProgressAsync(Guid id, int planId, int actionId, CancellationToken ct) =>
        Run(id, planId, actionId, () => plans.RecordProgressAsync(me.Actor, id, planId, actionId, Version, Status, ProgressText, ct), "The progress is recorded", ct);

    private async Task<IActionResult> Run(Guid id, int planId, int actionId, Func<Task<ChildProtectionPlan?>> change, string success, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, actionId, ct)) return NotFound();
        try
        {
            if (await change() is null) return NotFound();
            TempData["Success"] = success;
            return Redirect($"/people/{id}/protection-plans/{planId}#actions");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
                ModelState.AddModelError(e.PropertyName switch { "Text" => nameof(ProgressText), "DueDate" => "Row.Due", "Reason" => nameof(Reason), "Status" => nameof(Status), _ => "" },
                    e.ErrorMessage);
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
        History = [.. (await plans.ProgressAsync(planId, ct)).Where(p => p.ActionId == actionId)];
        return true;
    }
}
