using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Mash;

/// <summary>
/// The MASH manager's decision, with the rationale. Each outcome reveals what it needs: the team for early help, an
/// assessment or a strategy discussion, the primary need for a referral, and for no further action whether it counts
/// as a referral. Those fields are named per outcome, because hidden ones are posted too.
/// </summary>
[Authorize(Policy = Capabilities.DecideMashCase)]
public class DecideModel(FrontDoorQueries queries, MashService mash, SafeguardDbContext db, CurrentActor me, TimeProvider clock) : PageModel
{
    private static readonly TeamKind[] SocialWorkTeams = [TeamKind.Assessment, TeamKind.ChildInNeed, TeamKind.ChildProtection];

    [BindProperty] public MashOutcome? Outcome { get; set; }
    [BindProperty] public int? EarlyHelpTeamId { get; set; }
    [BindProperty] public int? AssessmentTeamId { get; set; }
    [BindProperty] public string? AssessmentNeed { get; set; }
    [BindProperty] public int? StrategyTeamId { get; set; }
    [BindProperty] public string? StrategyNeed { get; set; }
    [BindProperty] public bool? CountsAsReferral { get; set; }
    [BindProperty] public string? NoFurtherActionNeed { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    [BindProperty] public DateParts DecidedOn { get; set; } = new();
    [BindProperty] public string? DecidedTime { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public FrontDoorQueries.MashCaseView View { get; private set; } = null!;
    public List<GovukOption> EarlyHelpTeams { get; private set; } = [];
    public List<GovukOption> SocialWorkTeamOptions { get; private set; } = [];
    public bool Conflict { get; private set; }
    public DateTime Now { get; private set; }

    public static IEnumerable<GovukOption> Needs =>
        [new GovukOption("", "Choose the primary need"), .. FrontDoorCodes.PrimaryNeed.Items.Select(i => new GovukOption(i.Code, $"{i.Label} ({i.Code})"))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!View.Case.IsOpen) return Redirect($"/mash/{id}");
        Version = View.Case.Version;
        // The DfE counts no further action on an amber or red case as a referral; the manager can say otherwise.
        CountsAsReferral = View.Case.CurrentRag is Rag.Amber or Rag.Red or Rag.RedImminentDanger;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var decidedAt = ReadDecidedAt();
        if (Outcome is null) ModelState.AddModelError(nameof(Outcome), "Choose the decision");
        if (Outcome is MashOutcome.Assessment or MashOutcome.StrategyDiscussion && string.IsNullOrEmpty(NeedFor(Outcome.Value)))
            ModelState.AddModelError(FieldFor("PrimaryNeedCode"), "Choose the child's primary need");
        if (!ModelState.IsValid) return Page();
        try
        {
            var decision = new MashService.Decision(Outcome!.Value, Rationale ?? "", TeamFor(Outcome.Value), NullIfBlank(NeedFor(Outcome.Value)),
                Outcome == MashOutcome.NoFurtherAction ? CountsAsReferral : null, decidedAt);
            var decided = await mash.DecideAsync(me.Actor, id, Version, decision, ct);
            if (decided is null) return NotFound();
            TempData["Success"] = $"Decided: {MashCase.Label(decided.Outcome!.Value)}";
            return Redirect($"/mash/{id}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(FieldFor(e.PropertyName), e.ErrorMessage);
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = true;
            ModelState.AddModelError(nameof(Outcome), ex.Message);
            Version = View.Case.Version;
        }
        return Page();
    }

    /// <summary>The service's field names, as this form names them for the chosen outcome.</summary>
    private string FieldFor(string serviceField) => (serviceField, Outcome) switch
    {
        ("ToTeamId", MashOutcome.EarlyHelp) => nameof(EarlyHelpTeamId),
        ("ToTeamId", MashOutcome.StrategyDiscussion) => nameof(StrategyTeamId),
        ("ToTeamId", _) => nameof(AssessmentTeamId),
        ("PrimaryNeedCode", MashOutcome.StrategyDiscussion) => nameof(StrategyNeed),
        ("PrimaryNeedCode", MashOutcome.NoFurtherAction) => nameof(NoFurtherActionNeed),
        ("PrimaryNeedCode", _) => nameof(AssessmentNeed),
        ("DecidedAtUtc", _) => nameof(DecidedOn),
        _ => serviceField,
    };

    private int? TeamFor(MashOutcome outcome) => outcome switch
    {
        MashOutcome.EarlyHelp => EarlyHelpTeamId,
        MashOutcome.Assessment => AssessmentTeamId,
        MashOutcome.StrategyDiscussion => StrategyTeamId,
        _ => null,
    };

    private string? NeedFor(MashOutcome outcome) => outcome switch
    {
        MashOutcome.Assessment => AssessmentNeed,
        MashOutcome.StrategyDiscussion => StrategyNeed,
        MashOutcome.NoFurtherAction => NoFurtherActionNeed,
        _ => null,
    };

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>When it was decided, in UK time as typed; null (now) when both are blank. Errors go beside the boxes.</summary>
    private DateTime? ReadDecidedAt()
    {
        if (DecidedOn.IsEmpty && string.IsNullOrWhiteSpace(DecidedTime)) return null;
        var dateError = DecidedOn.Validate("The date of the decision");
        if (dateError is not null) ModelState.AddDateError(nameof(DecidedOn), dateError);
        TimeOnly time = default;
        var timeOk = !string.IsNullOrWhiteSpace(DecidedTime)
            && TimeOnly.TryParseExact(DecidedTime.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
        if (!timeOk)
            ModelState.AddModelError(nameof(DecidedTime), string.IsNullOrWhiteSpace(DecidedTime)
                ? "Enter the time of the decision, for example 14:30"
                : "Enter the time as hours and minutes on the 24-hour clock, for example 14:30");
        if (dateError is not null || !timeOk || DecidedOn.ToDate() is not { } date) return null;
        return WorkingDayCalendar.FromUkLocal(date.ToDateTime(time)).UtcDateTime;
    }

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm"];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var view = await queries.MashCaseAsync(me.Actor, id, ct);
        if (view is null) return false;
        (View, Now) = (view, clock.GetUtcNow().UtcDateTime);
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive && (t.Kind == TeamKind.EarlyHelp || SocialWorkTeams.Contains(t.Kind)))
            .OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Kind }).ToListAsync(ct);
        EarlyHelpTeams = [.. teams.Where(t => t.Kind == TeamKind.EarlyHelp).Select(t => new GovukOption(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))];
        SocialWorkTeamOptions = [new GovukOption("", "Choose a team"),
            .. teams.Where(t => t.Kind != TeamKind.EarlyHelp).Select(t => new GovukOption(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))];
        return true;
    }
}
