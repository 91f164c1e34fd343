using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Pages.ChildProtection;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Conferences;

/// <summary>The conference as the chair records it, kept as typed so nothing is lost on an error.</summary>
public sealed class HoldForm
{
    public DateParts HeldOn { get; set; } = new();
    /// <summary>The invited people who came, by member id.</summary>
    public List<string> Attended { get; set; } = [];
    public Participation? ChildParticipation { get; set; }
    public string? ChildViews { get; set; }
    public Participation? ParentsParticipation { get; set; }
    public string? ParentsViews { get; set; }
    /// <summary>At a review: "yes" or "no".</summary>
    public string? PlanWorking { get; set; }
    public string? PlanWorkingReason { get; set; }
    public string? WorkNotDone { get; set; }
    public ConferenceDecision? Decision { get; set; }
    public string? Category { get; set; }
    public string? SubCategory { get; set; }
    public PlanEndReason? PlanEndReason { get; set; }
    public string? DecisionReason { get; set; }
}

/// <summary>
/// The chair records the conference as held: the date, who came, how the child and the parents took part and their
/// views, at a review whether the plan is working and the work not done, the decision, the category, and the reasons.
/// An initial conference deciding on a plan starts it; a review continues or ends it. Conference chairs only.
/// </summary>
[Authorize(Policy = Capabilities.ChairConference)]
public class HoldModel(ConferenceService conferences, ChildProtectionRules rules, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public HoldForm Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public ChildProtectionConference Conference { get; private set; } = null!;
    public CaseAccess.Child Person { get; private set; } = null!;
    public bool IsReview => Conference.Kind == ConferenceKind.Review;

    public IEnumerable<GovukOption> Members => Conference.Members.OrderBy(m => m.Id)
        .Select(m => new GovukOption(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{m.Name} ({Core.ChildProtection.ProfessionalRoles.Label(m.Role)})"));

    public IEnumerable<GovukOption> SubCategories => ChildProtectionForms.SubCategories(rules);

    public static IEnumerable<GovukOption> EndReasons => Enum.GetValues<PlanEndReason>().Select(r => new GovukOption(r.ToString(), ConferenceService.Label(r)));

    public async Task<IActionResult> OnGetAsync(int cid, CancellationToken ct)
    {
        if (!await LoadAsync(cid, ct)) return NotFound();
        if (Conference.HeldOn is not null) return Redirect($"/conferences/{cid}");
        var today = Display.TodayInUk(clock);
        Input.HeldOn = DateParts.From(Conference.ScheduledForUtc is { } at && DateOnly.FromDateTime(at) <= today ? DateOnly.FromDateTime(at) : today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cid, CancellationToken ct)
    {
        if (!await LoadAsync(cid, ct)) return NotFound();
        var dateError = Input.HeldOn.Validate("The date the conference was held");
        if (dateError is not null) ModelState.AddDateError("Input.HeldOn", dateError);
        var attended = Input.Attended.ToHashSet();
        var attendance = Conference.Members.Select(m => new ConferenceService.Attendance(m.Id, attended.Contains(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        var keepsPlan = Input.Decision is ConferenceDecision.Plan or ConferenceDecision.ContinuePlan;
        var held = new ConferenceService.Held(Input.HeldOn.ToDate(), attendance, Input.ChildParticipation, Input.ChildViews, Input.ParentsParticipation, Input.ParentsViews,
            Input.Decision, keepsPlan ? Input.Category : null, keepsPlan && !string.IsNullOrEmpty(Input.SubCategory) ? Input.SubCategory : null,
            IsReview ? Input.PlanWorking switch { "yes" => true, "no" => false, _ => null } : null, IsReview ? Input.PlanWorkingReason : null, IsReview ? Input.WorkNotDone : null,
            Input.DecisionReason, Input.Decision == ConferenceDecision.EndPlan ? Input.PlanEndReason : null);
        try
        {
            var saved = await conferences.HoldAsync(me.Actor, cid, Version, held, ct);
            if (saved is null) return NotFound();
            if (!ModelState.IsValid) return Page();   // cannot happen: a date the page could not read is refused by the service too
            TempData["Success"] = saved.Decision switch
            {
                ConferenceDecision.Plan => "Conference recorded: the child protection plan starts",
                ConferenceDecision.ContinuePlan => "Review recorded: the plan continues, and the next review is due",
                ConferenceDecision.EndPlan => "Review recorded: the child protection plan has ended",
                _ => "Conference recorded: no child protection plan",
            };
            return Redirect($"/conferences/{cid}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.PropertyName switch { "Attendance" => "Input.Attended", "PersonId" or "" => "", var k => "Input." + k };
                if (!ModelState.HasErrorAt(key)) ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int cid, CancellationToken ct)
    {
        if (await conferences.OpenAsync(me.Actor, cid, ct) is not { } conference) return false;
        if (await cases.ChildAsync(conference.PersonId, ct) is not { } person) return false;
        (Conference, Person) = (conference, person);
        if (Version == Guid.Empty) Version = conference.Version;
        return true;
    }
}
