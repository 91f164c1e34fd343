using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>When the child was seen during the enquiry, as typed.</summary>
public sealed class SeenForm
{
    public DateParts SeenOn { get; set; } = new();
    /// <summary>"yes" or "no".</summary>
    public string? SeenAlone { get; set; }
    public DateParts SeenAloneOn { get; set; } = new();
    public string? NotSeenAloneReason { get; set; }
}

/// <summary>How the enquiry ended, as typed.</summary>
public sealed class OutcomeForm
{
    public Section47Outcome? Outcome { get; set; }
    public DateParts OutcomeOn { get; set; } = new();
    public string? OutcomeReason { get; set; }
}

/// <summary>
/// A section 47 enquiry: its dates (the initial conference due 15 working days after the last strategy discussion,
/// and the DfE's target from the start), its strategy discussions, when the child was seen and seen alone, and its
/// outcome. Social workers and managers of the child's team record the last two; others who may open the case read it.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class Section47Model(Section47Service enquiries, ChildProtectionCase record, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    [BindProperty] public SeenForm Seen { get; set; } = new();
    [BindProperty] public OutcomeForm Conclude { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public CaseAccess.Child Person { get; private set; } = null!;
    public Section47Enquiry Enquiry { get; private set; } = null!;
    public List<ChildProtectionCase.Discussion> Discussions { get; private set; } = [];
    /// <summary>The initial conference it led to, once concluded that way.</summary>
    public ChildProtectionCase.Conference? Conference { get; private set; }
    public bool CanRecord { get; private set; }
    public bool Conflict { get; private set; }
    public DateOnly Today { get; private set; }

    public static IEnumerable<GovukOption> Outcomes => Enum.GetValues<Section47Outcome>().Select(o => new GovukOption(o.ToString(), Section47Service.Label(o),
        o == Section47Outcome.InitialConference ? "It goes on the conference chairs' list, due by the date above" : "Recorded for the DfE as \"conference not required\""));

    public async Task<IActionResult> OnGetAsync(Guid id, int eid, CancellationToken ct)
    {
        if (!await LoadAsync(id, eid, ct)) return NotFound();
        // Changing what was recorded starts from it, not from an empty "seen alone?".
        Seen.SeenOn = DateParts.From(Enquiry.ChildSeenOn);
        if (Enquiry.ChildSeenOn is not null)
        {
            Seen.SeenAlone = Enquiry.ChildSeenAloneOn is null ? "no" : "yes";
            Seen.SeenAloneOn = DateParts.From(Enquiry.ChildSeenAloneOn);
            Seen.NotSeenAloneReason = Enquiry.NotSeenAloneReason;
        }
        Conclude.OutcomeOn = DateParts.From(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostSeenAsync(Guid id, int eid, CancellationToken ct)
    {
        if (!await LoadAsync(id, eid, ct)) return NotFound();
        var seenError = Seen.SeenOn.Validate("The date the child was seen");
        if (seenError is not null) ModelState.AddDateError("Seen.SeenOn", seenError);
        var alone = Seen.SeenAlone == "yes";
        DateOnly? aloneOn = null;
        if (alone)
        {
            var aloneError = Seen.SeenAloneOn.Validate("The date the child was seen alone");
            if (aloneError is not null) ModelState.AddDateError("Seen.SeenAloneOn", aloneError);
            aloneOn = Seen.SeenAloneOn.ToDate();
        }
        else if (Seen.SeenAlone is null) ModelState.AddModelError("Seen.SeenAlone", "Say whether the child was seen alone");
        // With no answer to "seen alone?", no reason is sent either, so the service refuses rather than saving half an answer.
        var input = new Section47Service.Seen(Seen.SeenOn.ToDate(), aloneOn, alone || Seen.SeenAlone is null ? null : Seen.NotSeenAloneReason);
        return await SaveAsync(id, eid, "Seen.", () => enquiries.RecordSeenAsync(me.Actor, id, eid, Version, input, ct),
            key => key switch
            {
                "ChildSeenOn" => "SeenOn",
                "ChildSeenAloneOn" => "SeenAloneOn",
                "NotSeenAloneReason" => Seen.SeenAlone switch { "yes" => "SeenAloneOn", null => "SeenAlone", _ => key },
                _ => key,
            }, "When the child was seen is recorded", ct);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, int eid, CancellationToken ct)
    {
        if (!await LoadAsync(id, eid, ct)) return NotFound();
        var dateError = Conclude.OutcomeOn.Validate("The date of the outcome");
        if (dateError is not null) ModelState.AddDateError("Conclude.OutcomeOn", dateError);
        DateOnly? on = Conclude.OutcomeOn.ToDate();
        return await SaveAsync(id, eid, "Conclude.", () => enquiries.ConcludeAsync(me.Actor, id, eid, Version, Conclude.Outcome, on ?? DateOnly.MinValue, Conclude.OutcomeReason, ct),
            key => key == "ChildSeenOn" ? "" : key,
            Conclude.Outcome == Section47Outcome.InitialConference ? "Enquiry concluded: an initial child protection conference is to be arranged" : "Enquiry concluded", ct);
    }

    private async Task<IActionResult> SaveAsync(Guid id, int eid, string prefix, Func<Task<Section47Enquiry?>> save, Func<string, string> rename, string success, CancellationToken ct)
    {
        try
        {
            // A date the page could not read keeps its own message; the service then refuses the same field, which is skipped below.
            var saved = await save();
            if (saved is null) return NotFound();
            if (!ModelState.IsValid) return Page();
            TempData["Success"] = success;
            return Redirect($"/people/{id}/section-47/{eid}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = rename(e.PropertyName);
                key = key.Length == 0 ? "" : prefix + key;
                if (!ModelState.HasErrorAt(key)) ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError("", ex.Message);
            await LoadAsync(id, eid, ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, int eid, CancellationToken ct)
    {
        // The enquiry's read checks the case may be opened and logs the view; the heading's name is read without a second entry.
        var enquiry = await enquiries.OpenAsync(me.Actor, id, eid, ct);
        if (enquiry is null || await cases.ChildAsync(id, ct) is not { } person) return false;
        (Enquiry, Person) = (enquiry, person);
        if (Version == Guid.Empty || Conflict) Version = enquiry.Version;
        Today = Display.TodayInUk(clock);
        (Discussions, Conference) = await record.OfEnquiryAsync(eid, ct);
        CanRecord = me.Actor.Can(Capabilities.RecordSection47) && enquiry.Outcome is null;
        return true;
    }
}
