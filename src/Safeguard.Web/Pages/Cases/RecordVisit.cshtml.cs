using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>The visit as the form holds it, kept as typed so nothing is lost on an error.</summary>
public sealed class VisitForm
{
    public DateParts VisitedOn { get; set; } = new();
    public string? VisitedById { get; set; }
    /// <summary>"yes" or "no".</summary>
    public string? ChildSeen { get; set; }
    public string? ChildSeenAlone { get; set; }
    /// <summary>Why the child was not seen: revealed under "No" to "Was the child seen?".</summary>
    public string? NotSeenReason { get; set; }
    /// <summary>Why the child was not seen alone: revealed under "No" to "Was the child seen alone?". The service keeps one reason.</summary>
    public string? NotSeenAloneReason { get; set; }
    public VisitLocation? Location { get; set; }
    public string? LocationDetail { get; set; }
    public string? Observations { get; set; }
    public string? Announced { get; set; }
}

/// <summary>
/// Record a visit to a child: when, who visited (the worker, or another of the team's staff), whether the child was seen
/// and seen alone (and why not), where, and what was observed. Another team's child is 404.
/// </summary>
[Authorize(Policy = Capabilities.RecordVisit)]
public class RecordVisitModel(VisitService visits, CaseAccess cases, PeopleService people, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public VisitForm Input { get; set; } = new();
    public Person Person { get; private set; } = null!;
    public List<GovukOption> Visitors { get; private set; } = [];
    /// <summary>
    /// Set when the case is closed: the page says so instead of offering the form. A visit posted from a page opened
    /// before it closed is refused by the service, and the form comes back with what was typed.
    /// </summary>
    public CaseAccess.Closed? Closed { get; private set; }

    public static readonly GovukOption[] YesNo = [new("yes", "Yes"), new("no", "No")];

    public static IEnumerable<GovukOption> Locations => Enum.GetValues<VisitLocation>().Select(l => new GovukOption(l.ToString(), VisitService.Label(l)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.VisitedOn = DateParts.From(Display.TodayInUk(clock));
        Input.VisitedById = me.Actor.UserId;
        Input.Announced = "announced";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var dateError = Input.VisitedOn.Validate("The date of the visit");
        if (dateError is not null) ModelState.AddDateError("Input.VisitedOn", dateError);
        // Only the answers the person could see count: a hidden question (seen alone, under "Yes") or box still posts what it
        // held before they changed their answer. Without JavaScript everything is shown, and the answers decide the same way.
        var seen = YesOrNo(Input.ChildSeen);
        var alone = seen == true ? YesOrNo(Input.ChildSeenAlone) : null;
        var reason = seen == true ? Input.NotSeenAloneReason : Input.NotSeenReason;
        var input = new VisitService.NewVisit(Input.VisitedOn.ToDate(), Input.VisitedById, seen, alone,
            reason, Input.Location, Input.LocationDetail, Input.Observations, Input.Announced == "unannounced");
        try
        {
            var visit = await visits.RecordAsync(me.Actor, id, input, ct);
            if (visit is null) return NotFound();
            if (!ModelState.IsValid) return Page();   // cannot happen: a bad date is refused by the service too
            TempData["Success"] = "Visit recorded";
            return Redirect($"/people/{id}/case#visits");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                if (dateError is not null && e.PropertyName == nameof(VisitService.NewVisit.VisitedOn)) continue;
                // The refusal of a closed case is about the whole visit, not one field.
                var key = e.PropertyName switch
                {
                    "PersonId" => "",
                    nameof(VisitService.NewVisit.NotSeenReason) when seen == true => "Input." + nameof(VisitForm.NotSeenAloneReason),
                    _ => "Input." + e.PropertyName,
                };
                if (ModelState[key]?.Errors.Count is null or 0) ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
    }

    private static bool? YesOrNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return false;
        if (await people.OpenAsync(me.Actor, id, "Case (recording a visit)", ct) is not { } person) return false;
        Person = person;
        Closed = await cases.ClosedAsync(id, ct);
        var staff = await visits.VisitorsAsync(id, ct);
        if (staff.All(s => s.Id != me.Actor.UserId)) staff.Insert(0, new VisitService.Visitor(me.Actor.UserId, me.Actor.DisplayName));
        Visitors = staff.Select(s => new GovukOption(s.Id, s.Id == me.Actor.UserId ? $"{s.Name} (you)" : s.Name)).ToList();
        return true;
    }
}
