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
/// A child's child in need plan: its aims, actions (owner, due date, status; late ones tagged), meetings and the
/// manager's decisions. While it is a draft the worker edits the aims and adds actions, several at once ("Add another
/// action" adds a row without saving), then sends it to the manager; once active, actions added are amendments.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class PlanModel(ChildInNeedPlanService plans, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateParts StartDate { get; set; } = new();
    [BindProperty] public string? Aims { get; set; }
    [BindProperty] public List<ActionRow> Actions { get; set; } = [];

    public CaseAccess.Child Person { get; private set; } = null!;
    public ChildInNeedPlan Plan { get; private set; } = null!;
    public List<Authorisation> Decisions { get; private set; } = [];
    public List<PlanActionProgress> Progress { get; private set; } = [];
    public List<ChildInNeedPlanService.Owner> Owners { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool Conflict { get; private set; }
    public bool CanWrite => me.Actor.Can(Capabilities.PlanForChild) && Person.RecordedInErrorAtUtc is null;
    public bool CanAuthorise => me.Actor.Can(Capabilities.AuthoriseWork) && Plan.Stage == PlanStage.AwaitingAuthorisation && Plan.CreatedById != me.Actor.UserId;

    public async Task<IActionResult> OnGetAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        Fill(aims: true, actions: true);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        Fill(aims: false, actions: true);
        if (StartDate.ValidatePast("The plan's start date", Today) is { } error)
        {
            ModelState.AddDateError(nameof(StartDate), error);
            return Page();
        }
        return await Run(id, planId, () => plans.SaveAsync(me.Actor, id, planId, Version, StartDate.ToDate()!.Value, Aims, ct), "The plan is saved", ct);
    }

    /// <summary>"Add another action": one more row, nothing saved.</summary>
    public async Task<IActionResult> OnPostAddRowAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        Fill(aims: true, actions: false);
        ModelState.Clear();
        Actions.Add(new ActionRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAddActionsAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        Fill(aims: true, actions: false);
        if (Actions.Count == 0) Actions.Add(new ActionRow());
        var amendment = Plan.Stage == PlanStage.Active;
        return await Run(id, planId, () => plans.AddActionsAsync(me.Actor, id, planId, Version, [.. Actions.Select(a => a.ToInput())], ct),
            amendment ? "The plan is amended: the new actions are on it" : "The actions are added", ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        Fill(aims: true, actions: true);
        return await Run(id, planId, () => plans.SubmitAsync(me.Actor, id, planId, Version, ct), "The plan is sent to your manager for authorisation", ct);
    }

    private async Task<IActionResult> Run(Guid id, int planId, Func<Task<ChildInNeedPlan?>> change, string success, CancellationToken ct)
    {
        try
        {
            if (await change() is null) return NotFound();
            TempData["Success"] = success;
            return Redirect($"/people/{id}/plans/{planId}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddPlanErrors(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            // What was typed stays; the page shows the plan as it is now, so saving again is deliberate.
            Conflict = true;
            ModelState.AddModelError("", ex.Message);
            Version = Plan.Version;
            ModelState.Remove(nameof(Version));
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, int planId, CancellationToken ct)
    {
        if (await plans.OpenAsync(me.Actor, id, planId, ct) is not { } plan) return false;
        if (await cases.ChildAsync(id, ct) is not { } person) return false;
        (Plan, Person, Today) = (plan, person, Display.TodayInUk(clock));
        Decisions = await plans.DecisionsAsync(planId, ct);
        Progress = await plans.ProgressAsync(planId, ct);
        Owners = await plans.OwnersAsync(plan.TeamId, ct);
        return true;
    }

    /// <summary>The forms not posted show the plan as it is.</summary>
    private void Fill(bool aims, bool actions)
    {
        if (aims)
        {
            StartDate = DateParts.From(Plan.StartDate);
            Aims = Plan.Aims;
        }
        if (actions) Actions = [new ActionRow()];
        if (Request.Method == "GET") Version = Plan.Version;
    }

    public bool IsLate(PlanAction a) => ChildInNeedPlanService.IsOpen(a.Status) && a.DueDate < Today;
}
