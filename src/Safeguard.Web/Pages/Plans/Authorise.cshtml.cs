using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Plans;

/// <summary>A manager (not the plan's author) authorises a child in need plan, or sends it back saying what must change.</summary>
[Authorize(Policy = Capabilities.AuthoriseWork)]
public class AuthoriseModel(ChildInNeedPlanService plans, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public CaseAccess.Child Person { get; private set; } = null!;
    public ChildInNeedPlan Plan { get; private set; } = null!;
    public List<Authorisation> Decisions { get; private set; } = [];
    public bool Conflict { get; private set; }
    public bool Own => Plan.CreatedById == me.Actor.UserId;
    public DateOnly Today => Display.TodayInUk(clock);

    public static readonly GovukOption[] Choices =
    [
        new("approve", "Authorise the plan", "It becomes active, and its first review is scheduled"),
        new("return", "Send it back to the worker", "Say what needs to change"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(id, planId, ct)) return NotFound();
        if (Decision is not ("approve" or "return"))
        {
            ModelState.AddModelError(nameof(Decision), "Choose whether to authorise the plan or send it back");
            return Page();
        }
        try
        {
            var plan = await plans.AuthoriseAsync(me.Actor, id, planId, Version, Decision == "approve", Reason, ct);
            if (plan is null) return NotFound();
            TempData["Success"] = plan.Stage == PlanStage.Active ? "The plan is authorised" : "The plan is sent back to the worker";
            return Redirect($"/people/{id}/plans/{planId}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(e.PropertyName == "Reason" ? nameof(Reason) : "", e.ErrorMessage);
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

    private async Task<bool> LoadAsync(Guid id, int planId, CancellationToken ct)
    {
        if (await plans.OpenAsync(me.Actor, id, planId, ct) is not { } plan) return false;
        if (await cases.ChildAsync(id, ct) is not { } person) return false;
        (Plan, Person) = (plan, person);
        Decisions = await plans.DecisionsAsync(planId, ct);
        return true;
    }
}
