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
/// A child protection plan: its dates, categories and flags (repeat, second within two years, 18 months, two years),
/// its actions with owners and real dates, its core groups and its conferences. The child's social workers and
/// managers add actions; everyone who may open the case reads it.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class ProtectionPlanModel(ChildProtectionPlanService plans, ChildProtectionDues dues, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    private const int NewRows = 3;

    [BindProperty] public List<ActionRow> Actions { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }
    public CaseAccess.Child Person { get; private set; } = null!;
    public ChildProtectionPlan Plan { get; private set; } = null!;
    public List<CoreGroupMeeting> CoreGroups { get; private set; } = [];
    public List<ChildProtectionConference> Conferences { get; private set; } = [];
    public List<ChildInNeedPlanService.Owner> Owners { get; private set; } = [];
    public ChildProtectionDues.Flags Flags { get; private set; } = null!;
    public bool CanWork => me.Actor.Can(Capabilities.RecordProtectionPlanWork) && Plan.EndDate is null && Person.RecordedInErrorAtUtc is null;
    public bool Conflict { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAddRowAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        ModelState.Clear();
        Actions.Add(new ActionRow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        if (!me.Actor.Can(Capabilities.RecordProtectionPlanWork)) return Forbid();
        try
        {
            if (await plans.AddActionsAsync(me.Actor, id, planId, Version, [.. Actions.Select(a => a.ToInput())], ct) is null) return NotFound();
            TempData["Success"] = "The actions are added to the plan";
            return Redirect($"/people/{id}/protection-plans/{planId}#actions");
        }
        catch (ValidationException ex)
        {
            ModelState.AddPlanErrors(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError("", ex.Message);
            Version = Plan.Version;
            ModelState.Remove(nameof(Version));
        }
        Pad();
        return Page();
    }

    private void Pad()
    {
        // A plan with actions already offers one more row ("Add another action" for more); a new plan three.
        var rows = Plan.Actions.Count == 0 ? NewRows : 1;
        while (Actions.Count < rows) Actions.Add(new ActionRow());
    }

    private async Task<bool> LoadAsync(Guid id, int planId, CancellationToken ct)
    {
        if (await plans.OpenAsync(me.Actor, id, planId, ct) is not { } plan) return false;
        if (await cases.ChildAsync(id, ct) is not { } person) return false;
        (Plan, Person) = (plan, person);
        if (Version == Guid.Empty) Version = plan.Version;
        Today = Display.TodayInUk(clock);
        CoreGroups = await plans.CoreGroupsAsync(planId, ct);
        Conferences = await plans.ConferencesAsync(planId, ct);
        Owners = await plans.OwnersAsync(plan.TeamId, ct);
        Flags = dues.For(plan.StartDate, plan.EndDate, plan.PreviousPlans, plan.PreviousPlanEnded, Today);
        return true;
    }
}
