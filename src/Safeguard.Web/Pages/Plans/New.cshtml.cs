using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Plans;

/// <summary>A worker starts a child in need plan: its start date and aims. The actions are added on the plan's page.</summary>
[Authorize(Policy = Capabilities.PlanForChild)]
public class NewModel(ChildInNeedPlanService plans, PeopleService people, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public DateParts StartDate { get; set; } = new();
    [BindProperty] public string? Aims { get; set; }
    public Person Person { get; private set; } = null!;
    public bool CanStart { get; private set; }
    /// <summary>Why a plan cannot be started now (no authorised assessment, another outcome...), when that is why.</summary>
    public string? WhyNot { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        StartDate = DateParts.From(Display.TodayInUk(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (StartDate.ValidatePast("The plan's start date", Display.TodayInUk(clock)) is { } error)
        {
            ModelState.AddDateError(nameof(StartDate), error);
            return Page();
        }
        try
        {
            var plan = await plans.StartAsync(me.Actor, id, StartDate.ToDate(), Aims, ct);
            if (plan is null) return NotFound();
            TempData["Success"] = "The plan is started: add its actions, then send it to your manager";
            return Redirect($"/people/{id}/plans/{plan.Id}");
        }
        catch (ValidationException ex)
        {
            ModelState.AddPlanErrors(ex);
            if (ex.Errors.Any(e => e.PropertyName == "PersonId")) CanStart = false;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct) || await people.OpenAsync(me.Actor, id, "Child in need plan", ct) is not { } person) return false;
        Person = person;
        WhyNot = await plans.WhyNotStartAsync(id, ct);
        CanStart = person.RecordedInErrorAtUtc is null && WhyNot is null;
        return true;
    }
}
