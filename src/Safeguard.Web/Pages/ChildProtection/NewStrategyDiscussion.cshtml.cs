using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Pages.Contacts;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>The strategy discussion as typed, kept as typed so nothing is lost on an error.</summary>
public sealed class StrategyDiscussionForm
{
    public WhenForm Held { get; set; } = new();
    public Core.ChildProtection.StrategyDiscussionForm? Form { get; set; }
    public List<PersonRow> Participants { get; set; } = [];
    public string? InformationShared { get; set; }
    public string? SafetyActions { get; set; }
    public StrategyDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
}

/// <summary>
/// Record a strategy discussion on the child's case: when, how, who took part (police and health always invited),
/// the information shared, the immediate safety actions and the decision whether to start (or continue) a section 47
/// enquiry. For the social workers and managers of the teams the child is open to.
/// </summary>
[Authorize(Policy = Capabilities.RecordStrategyDiscussion)]
public class NewStrategyDiscussionModel(StrategyDiscussionService discussions, CaseAccess cases, PeopleService people, CurrentActor me, TimeProvider clock) : PageModel
{
    private const int Rows = 8;

    [BindProperty] public StrategyDiscussionForm Input { get; set; } = new();
    public Person Person { get; private set; } = null!;
    /// <summary>The enquiry under way, if any: a further discussion continues it.</summary>
    public Section47Enquiry? Enquiry { get; private set; }
    public CaseAccess.Closed? Closed { get; private set; }

    public static IEnumerable<Govuk.GovukOption> Forms => Enum.GetValues<Core.ChildProtection.StrategyDiscussionForm>()
        .Select(f => new Govuk.GovukOption(f.ToString(), StrategyDiscussionService.Label(f)));

    public IEnumerable<Govuk.GovukOption> Decisions => (Enquiry is null ? [StrategyDecision.StartSection47, StrategyDecision.NoSection47]
        : new[] { StrategyDecision.ContinueSection47, StrategyDecision.NoSection47 }).Select(d => new Govuk.GovukOption(d.ToString(), StrategyDiscussionService.Label(d)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input.Held = WhenForm.Of(clock.GetUtcNow());
        // Police and health are part of every strategy discussion: their rows come first.
        Input.Participants = [new() { Role = ProfessionalRole.Police, Flag = "yes" }, new() { Role = ProfessionalRole.Gp, Flag = "yes" },
            new() { Role = ProfessionalRole.SocialWorker, Name = me.Actor.DisplayName, Flag = "yes" }, new() { Role = ProfessionalRole.School, Flag = "yes" }];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Pad();
        var held = Input.Held.ToUtc(ModelState, "Input.Held", "Enter the date of the strategy discussion", "the time it started");
        var used = ChildProtectionForms.Used(Input.Participants);
        var input = new StrategyDiscussionService.NewDiscussion(held, Input.Form,
            [.. used.Select(u => new StrategyDiscussionService.NewParticipant(u.Row.Role, u.Row.Name, null, u.Row.Flag != "no"))],
            Input.InformationShared, Input.SafetyActions, Input.Decision, Input.DecisionReason);
        try
        {
            var discussion = await discussions.RecordAsync(me.Actor, id, input, ct);
            if (discussion is null) return NotFound();
            if (!ModelState.IsValid) return Page();   // cannot happen: a bad date is refused by the service too
            TempData["Success"] = discussion.Decision switch
            {
                StrategyDecision.StartSection47 => "Strategy discussion recorded: a section 47 enquiry has started",
                StrategyDecision.ContinueSection47 => "Strategy discussion recorded: the section 47 enquiry continues",
                _ => "Strategy discussion recorded",
            };
            return Redirect(discussion.Section47EnquiryId is { } eid ? $"/people/{id}/section-47/{eid}" : $"/people/{id}/strategy-discussions/{discussion.Id}");
        }
        catch (ValidationException ex)
        {
            // A date or time the page could not read already has its own message: the service's "enter the date" would repeat it.
            var heldTyped = held is not null;
            ModelState.AddErrors(ex, "Input.", nameof(StrategyDiscussionForm.Participants), used,
                key => key switch { "HeldAtUtc" => heldTyped ? "Held.Date" : "Held.Skip", "PersonId" => "", _ => key });
            ModelState.Remove("Input.Held.Skip");
            return Page();
        }
    }

    private void Pad()
    {
        while (Input.Participants.Count < Rows) Input.Participants.Add(new PersonRow { Flag = "yes" });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return false;
        if (await people.OpenAsync(me.Actor, id, "Case (recording a strategy discussion)", ct) is not { } person) return false;
        Person = person;
        Closed = await cases.ClosedAsync(id, ct);
        Enquiry = await discussions.OpenEnquiryAsync(id, ct);
        return true;
    }
}
