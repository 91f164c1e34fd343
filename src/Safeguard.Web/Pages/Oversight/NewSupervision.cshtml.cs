using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Oversight;

/// <summary>One child discussed in supervision: the manager's decision, why, and the actions.</summary>
public sealed class ChildRow
{
    public Guid PersonId { get; set; }
    public string? Decision { get; set; }
    public string? Rationale { get; set; }
    public List<ActionRow> Actions { get; set; } = [];
}

/// <summary>
/// Recording supervision in three steps, each a plain form: choose individual (and the worker) or group; choose the
/// children discussed (the worker's caseload, or the team's open cases); then the session's notes and each child's
/// decision, reasons and actions, saved at once. The query string carries the choices:
/// <c>/teams/{teamId}/supervision/new?kind=individual&amp;worker={userId}&amp;child={personId}&amp;chosen=true</c>.
/// Another team's manager gets 404.
/// </summary>
[Authorize(Policy = Capabilities.RecordOversight)]
public class NewSupervisionModel(SupervisionService supervision, OversightService oversight, CurrentActor me, TimeProvider clock) : PageModel
{
    public const int ActionsPerChild = 2;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Worker { get; set; }
    [BindProperty(SupportsGet = true, Name = "child")] public List<Guid> Chosen { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "chosen")] public bool ChildrenChosen { get; set; }

    [BindProperty] public DateParts HeldOn { get; set; } = new();
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public List<ChildRow> Children { get; set; } = [];

    public int TeamId { get; private set; }
    public string TeamName { get; private set; } = "";
    public SupervisionKind? SessionKind { get; private set; }
    public List<SupervisionService.Worker> Workers { get; private set; } = [];
    public SupervisionService.Worker? Supervisee { get; private set; }
    public List<SupervisionService.Candidate> Candidates { get; private set; } = [];
    public Dictionary<Guid, List<GovukOption>> Owners { get; private set; } = [];

    /// <summary>1: individual or group; 2: which children; 3: the record.</summary>
    public int Step => SessionKind is null ? 1 : !ChildrenChosen ? 2 : 3;

    public string NameOf(Guid id) => Candidates.FirstOrDefault(c => c.PersonId == id)?.Name ?? "A child";

    public async Task<IActionResult> OnGetAsync(int teamId, CancellationToken ct)
    {
        if (!await LoadAsync(teamId, ct)) return NotFound();
        if (Step == 3)
        {
            HeldOn = DateParts.From(Display.TodayInUk(clock));
            Children = Chosen.Where(id => Candidates.Any(c => c.PersonId == id)).Distinct()
                .Select(id => new ChildRow { PersonId = id, Actions = OversightForms.Pad([], ActionsPerChild) }).ToList();
            await OwnersAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int teamId, CancellationToken ct)
    {
        if (!await LoadAsync(teamId, ct) || Step != 3) return NotFound();
        await OwnersAsync(ct);
        var today = Display.TodayInUk(clock);
        DateOnly? held = null;
        if (HeldOn.ValidatePast("The date of the supervision", today) is { } dateError) ModelState.AddDateError(nameof(HeldOn), dateError);
        else held = HeldOn.ToDate();
        var children = Children.Select((c, i) => new SupervisionService.ChildInput(c.PersonId, c.Decision, c.Rationale,
            OversightForms.Read(c.Actions, $"{nameof(Children)}[{i}].{nameof(ChildRow.Actions)}", ModelState))).ToList();
        if (ModelState.IsValid)
        {
            try
            {
                var saved = await supervision.RecordAsync(me.Actor, teamId,
                    new SupervisionService.Input(SessionKind!.Value, held, Supervisee?.Id, Attendees, Notes, children), ct);
                if (saved is null) return NotFound();
                TempData["Success"] = $"Supervision recorded{(children.Count > 0 ? $", with oversight of {children.Count} {(children.Count == 1 ? "child" : "children")}" : "")}";
                return Redirect($"/supervision/{saved.Id}");
            }
            catch (ValidationException ex)
            {
                OversightForms.AddErrors(ModelState, ex, k => k == nameof(SupervisionService.Input.SuperviseeId) ? nameof(Worker) : k);
            }
        }
        foreach (var c in Children) OversightForms.Pad(c.Actions, 1);
        return Page();
    }

    private async Task<bool> LoadAsync(int teamId, CancellationToken ct)
    {
        if (!await supervision.ManagesAsync(me.Actor, teamId, ct)) return false;
        TeamId = teamId;
        TeamName = await supervision.TeamNameAsync(teamId, ct) ?? "";
        Workers = await supervision.WorkersAsync(me.Actor, teamId, ct);
        SessionKind = Kind switch { "individual" => SupervisionKind.Individual, "group" => SupervisionKind.Group, _ => null };
        if (SessionKind == SupervisionKind.Individual)
        {
            Supervisee = Workers.FirstOrDefault(w => w.Id == Worker);
            if (Supervisee is null)
            {
                if (Kind is not null && Request.Query.ContainsKey("kind")) ModelState.AddModelError(nameof(Worker), "Choose the worker you supervised");
                SessionKind = null;
            }
        }
        if (SessionKind is not null) Candidates = await supervision.CandidatesAsync(me.Actor, teamId, SessionKind.Value, Supervisee?.Id, ct);
        return true;
    }

    private async Task OwnersAsync(CancellationToken ct)
    {
        foreach (var id in Children.Select(c => c.PersonId).Distinct())
            Owners[id] = OversightForms.OwnerOptions(await oversight.OwnersAsync(me.Actor, id, ct), me.Actor.UserId);
    }
}
