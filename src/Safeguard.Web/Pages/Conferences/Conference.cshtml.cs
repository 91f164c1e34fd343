using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Pages.ChildProtection;
using Safeguard.Web.Pages.Contacts;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Conferences;

/// <summary>Arranging a conference, as typed.</summary>
public sealed class ArrangeForm
{
    public WhenForm When { get; set; } = new();
    public string? ChairId { get; set; }
}

/// <summary>Someone to invite, as typed: a row is used once it has a name.</summary>
public sealed class InviteRow
{
    public ProfessionalRole? Role { get; set; }
    public string? Name { get; set; }
    /// <summary>The partner who sends the report through Safeguard, if they use it.</summary>
    public string? UserId { get; set; }
    /// <summary>"yes" or "no".</summary>
    public string? Report { get; set; }
}

/// <summary>
/// One child protection conference: when it is due and arranged for, its chair, who is invited and the reports asked
/// for and sent, and once held, what it decided. A conference chair arranges it, invites people and records it as held
/// (on its own page); the child's team, service managers and QA officers read it.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class ConferenceModel(ConferenceService conferences, ChildProtectionCase record, CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    private const int InviteRows = 6;

    [BindProperty] public ArrangeForm Arrange { get; set; } = new();
    [BindProperty] public List<InviteRow> Invite { get; set; } = [];
    [BindProperty] public Guid Version { get; set; }
    public ChildProtectionConference Conference { get; private set; } = null!;
    public CaseAccess.Child Person { get; private set; } = null!;
    public List<ChildProtectionCase.Choice> Chairs { get; private set; } = [];
    public List<ChildProtectionCase.Choice> Partners { get; private set; } = [];
    public bool IsChair => me.Actor.Can(Capabilities.ChairConference);
    public bool Conflict { get; private set; }
    public DateOnly Today { get; private set; }

    public IEnumerable<GovukOption> ChairOptions => Chairs.Select(c => new GovukOption(c.Id, c.Id == me.Actor.UserId ? $"{c.Name} (you)" : c.Name));

    public IEnumerable<GovukOption> PartnerOptions =>
        [new("", "Not through Safeguard"), .. Partners.Select(p => new GovukOption(p.Id, $"{p.Name}, {p.Detail}"))];

    public async Task<IActionResult> OnGetAsync(int cid, CancellationToken ct)
    {
        if (!await LoadAsync(cid, ct)) return NotFound();
        if (Conference.ScheduledForUtc is { } at) Arrange.When = WhenForm.Of(new DateTimeOffset(at, TimeSpan.Zero));
        Arrange.ChairId = Conference.ChairId ?? me.Actor.UserId;
        // Most conferences ask the GP, the school, health and the police for a report: their rows come first.
        if (Conference.Members.Count == 0)
            Invite = [new() { Role = ProfessionalRole.Gp, Report = "yes" }, new() { Role = ProfessionalRole.School, Report = "yes" },
                new() { Role = ProfessionalRole.HealthVisitor, Report = "yes" }, new() { Role = ProfessionalRole.Police, Report = "yes" }];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostArrangeAsync(int cid, CancellationToken ct)
    {
        if (!await LoadAsync(cid, ct)) return NotFound();
        Pad();
        if (!IsChair) return Forbid();
        var when = Arrange.When.ToUtc(ModelState, "Arrange.When", "The date of the conference", "the time it starts");
        try
        {
            if (when is null)
            {
                // The page's own message stands; the chair is still checked so both show at once.
                await conferences.ArrangeAsync(me.Actor, cid, Version, null, Arrange.ChairId, ct);
                return Page();
            }
            if (await conferences.ArrangeAsync(me.Actor, cid, Version, when, Arrange.ChairId, ct) is null) return NotFound();
            TempData["Success"] = "Conference arranged";
            return Redirect($"/conferences/{cid}");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.PropertyName switch { "ScheduledForUtc" => "Arrange.When.Date", "ChairId" => "Arrange.ChairId", "HeldOn" => "", var k => "Arrange." + k };
                if (key == "Arrange.When.Date" && when is null) continue;
                ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
        catch (ConcurrencyConflictException ex) { return await ConflictAsync(cid, ex, ct); }
    }

    public async Task<IActionResult> OnPostInviteAsync(int cid, CancellationToken ct)
    {
        if (!await LoadAsync(cid, ct)) return NotFound();
        Pad();
        if (!IsChair) return Forbid();
        var used = Invite.Select((r, i) => (Index: i, Row: r)).Where(x => !string.IsNullOrWhiteSpace(x.Row.Name)).ToList();
        var members = used.Select(u => new ConferenceService.NewMember(u.Row.Role, u.Row.Name, Partners.FirstOrDefault(p => p.Id == u.Row.UserId)?.AgencyId,
            string.IsNullOrEmpty(u.Row.UserId) ? null : u.Row.UserId, u.Row.Report == "yes")).ToList();
        try
        {
            if (await conferences.InviteAsync(me.Actor, cid, Version, members, ct) is null) return NotFound();
            TempData["Success"] = members.Count == 1 ? "1 person invited" : $"{members.Count} people invited";
            return Redirect($"/conferences/{cid}#invited");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                var key = e.PropertyName;
                if (key.StartsWith("Members[", StringComparison.Ordinal))
                {
                    var close = key.IndexOf(']', StringComparison.Ordinal);
                    var sent = int.Parse(key[8..close], System.Globalization.CultureInfo.InvariantCulture);
                    key = $"Invite[{used[sent].Index}]{key[(close + 1)..]}";
                }
                else key = key == "Members" ? "Invite[0].Name" : "";
                if (ModelState[key]?.Errors.Count is null or 0) ModelState.AddModelError(key, e.ErrorMessage);
            }
            return Page();
        }
        catch (ConcurrencyConflictException ex) { return await ConflictAsync(cid, ex, ct); }
    }

    private async Task<IActionResult> ConflictAsync(int cid, ConcurrencyConflictException ex, CancellationToken ct)
    {
        Conflict = true;
        ModelState.AddModelError("", ex.Message);
        await LoadAsync(cid, ct);
        return Page();
    }

    private void Pad()
    {
        // Once people are invited, two rows for anyone more keep the page short; an empty row is skipped.
        var rows = Conference.Members.Count == 0 ? InviteRows : 2;
        while (Invite.Count < rows) Invite.Add(new InviteRow { Report = "no" });
    }

    private async Task<bool> LoadAsync(int cid, CancellationToken ct)
    {
        if (await conferences.OpenAsync(me.Actor, cid, ct) is not { } conference) return false;
        if (await cases.ChildAsync(conference.PersonId, ct) is not { } person) return false;
        (Conference, Person) = (conference, person);
        if (Version == Guid.Empty || Conflict) Version = conference.Version;
        Today = Display.TodayInUk(clock);
        if (IsChair && conference.HeldOn is null)
        {
            Chairs = await record.ChairsAsync(ct);
            Partners = await record.PartnerUsersAsync(ct);
        }
        return true;
    }
}
