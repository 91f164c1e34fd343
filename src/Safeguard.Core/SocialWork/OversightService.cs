using System.Globalization;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.SocialWork;

/// <summary>The chronology entries management oversight writes (in the social work area).</summary>
public static class OversightChronology
{
    public const string Oversight = "Management oversight";
    public const string ActionCompleted = "Oversight action completed";
    public const string ActionFollowedUp = "Oversight action followed up";
}

/// <summary>
/// A manager's oversight of one child's case: the decision or direction, why, and the actions it sets, each with
/// an owner (on their My work) and a real due date. The owner, or a manager, completes an action; a missed one
/// is followed up by the manager who set it (or another manager of the team) with a note and a new date.
/// </summary>
public sealed class OversightService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views, TimeProvider clock)
{
    public const int MaxText = 20_000;
    public const int MaxActionText = 2000;
    public const int MaxNote = 4000;
    public const int MaxActions = 20;

    /// <summary>One action as typed: what, who (a user id) and by when. A missing date is refused: "ongoing" is not a date.</summary>
    public sealed record ActionInput(string? Text, string? OwnerId, DateOnly? DueDate);

    public sealed record Input(DateOnly? RecordedOn, string? Decision, string? Rationale, IReadOnlyList<ActionInput> Actions);

    /// <summary>Someone an action can be given to.</summary>
    public sealed record Owner(string Id, string Name, string? JobTitle);

    /// <summary>An action with the child it is about and who set it, for its page.</summary>
    public sealed record ActionView(OversightAction Action, ManagementOversight Oversight, string ChildName, bool IsMissed,
        bool CanComplete, bool CanFollowUp, List<ChronologyEntry> History);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>
    /// Records oversight of the child. Null when the manager cannot open the child's case (another team's child,
    /// or a record they may not see); refused when the case is closed. Dates: not in the future, not before the child
    /// first became known.
    /// </summary>
    public async Task<ManagementOversight?> RecordAsync(Actor actor, Guid personId, Input input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordOversight);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Oversight directs the work on a case; once it has closed there is none to direct (a case note can still be written).
        if (!await cases.IsOpenAsync(personId, ct)) throw await cases.ClosedRefusalAsync(personId, "management oversight", ct);
        var failures = new List<ValidationFailure>();
        var owners = await OwnersAsync(actor, personId, ct);
        var oversight = await BuildAsync(actor, personId, null, input, owners, "", failures, ct);
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        db.Oversights.Add(oversight!);
        await db.SaveChangesAsync(ct);
        await LogAsync(actor, oversight!, null, ct);
        await tx.CommitAsync(ct);
        return oversight;
    }

    /// <summary>
    /// Checks one child's oversight and builds it (without saving): every problem goes into <paramref name="failures"/>
    /// under <paramref name="prefix"/>, so a supervision can report all its children's at once.
    /// </summary>
    internal async Task<ManagementOversight?> BuildAsync(Actor actor, Guid personId, int? supervisionId, Input input, IReadOnlyList<Owner> owners,
        string prefix, List<ValidationFailure> failures, CancellationToken ct)
    {
        var before = failures.Count;
        void Fail(string field, string message) => failures.Add(new ValidationFailure(prefix + field, message));
        var today = Today;
        var firstKnown = await FirstKnownAsync(personId, ct);
        var on = input.RecordedOn;
        if (on is null) Fail(nameof(Input.RecordedOn), "Enter the date of the oversight");
        else if (on > today) Fail(nameof(Input.RecordedOn), "The date of the oversight cannot be in the future");
        else if (firstKnown is { } first && on < first)
            Fail(nameof(Input.RecordedOn), $"The date of the oversight must be on or after {first.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, when the child was first referred or open to a team");
        var decision = Tidy(input.Decision);
        var rationale = Tidy(input.Rationale);
        if (decision is null) Fail(nameof(Input.Decision), "Enter your decision or direction");
        else if (decision.Length > MaxText) Fail(nameof(Input.Decision), $"The decision must be {MaxText:N0} characters or fewer");
        if (rationale is null) Fail(nameof(Input.Rationale), "Enter why: the reasons for your decision");
        else if (rationale.Length > MaxText) Fail(nameof(Input.Rationale), $"The reasons must be {MaxText:N0} characters or fewer");
        if (input.Actions.Count > MaxActions) Fail(nameof(Input.Actions), $"Set {MaxActions} actions or fewer at once");

        var now = Now;
        var actions = new List<OversightAction>();
        for (var i = 0; i < input.Actions.Count && i < MaxActions; i++)
        {
            var a = input.Actions[i];
            var field = $"{nameof(Input.Actions)}[{i}].";
            var text = Tidy(a.Text);
            // A row left wholly empty on a form is not an action.
            if (text is null && string.IsNullOrWhiteSpace(a.OwnerId) && a.DueDate is null) continue;
            var n = i + 1;
            if (text is null) Fail(field + nameof(ActionInput.Text), $"Enter what action {n} is");
            else if (text.Length > MaxActionText) Fail(field + nameof(ActionInput.Text), $"Action {n} must be {MaxActionText:N0} characters or fewer");
            var owner = owners.FirstOrDefault(o => o.Id == a.OwnerId);
            if (string.IsNullOrWhiteSpace(a.OwnerId)) Fail(field + nameof(ActionInput.OwnerId), $"Choose who will do action {n}");
            else if (owner is null) Fail(field + nameof(ActionInput.OwnerId), $"Choose who will do action {n} from the child's team, or yourself");
            if (a.DueDate is null) Fail(field + nameof(ActionInput.DueDate), $"Enter the date action {n} is due by: \"ongoing\" or \"as needed\" is not a date");
            else if (on is not null && a.DueDate < on)
                Fail(field + nameof(ActionInput.DueDate), $"Action {n} cannot be due before the date of the oversight, {on.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
            if (failures.Count == before && text is not null && owner is not null && a.DueDate is { } due)
                actions.Add(new OversightAction
                {
                    PersonId = personId, Text = text, OwnerId = owner.Id, OwnerName = owner.Name, SetById = actor.UserId,
                    DueDate = due, OriginalDueDate = due, Version = Guid.NewGuid(),
                });
        }
        if (failures.Count > before) return null;
        return new ManagementOversight
        {
            PersonId = personId, SupervisionId = supervisionId, RecordedOn = on!.Value, Decision = decision!, Rationale = rationale!,
            ById = actor.UserId, ByName = actor.DisplayName, RecordedAtUtc = now, Actions = actions,
        };
    }

    /// <summary>Writes the chronology entry for a saved oversight (it needs the id for its link) and the access log.</summary>
    internal async Task LogAsync(Actor actor, ManagementOversight o, string? inSupervision, CancellationToken ct)
    {
        var now = Now;
        var actions = o.Actions.Count switch { 0 => "", 1 => " 1 action set.", var c => $" {c} actions set." };
        ChronologyWriter.Add(db, o.PersonId, o.RecordedOn == Today ? now : Timescale.EndOfUkDay(o.RecordedOn.AddDays(-1)), now, actor, SocialWorkChronology.Area,
            OversightChronology.Oversight, $"Management oversight by {o.ByName}{inSupervision}: {ContactService.Shorten(o.Decision)}{actions}",
            significant: true, link: $"/people/{o.PersonId}/oversight/{o.Id}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, o.PersonId, $"Management oversight {o.Id} recorded")], ct);
    }

    /// <summary>Who an action can be given to: the active staff of the teams the child is open to, and the manager.</summary>
    public async Task<List<Owner>> OwnersAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var teams = db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null).Select(i => i.TeamId);
        var staff = await db.Users.AsNoTracking().Where(u => u.IsActive && u.AgencyId == null && (u.Id == actor.UserId || teams.Contains(u.TeamId)))
            .OrderBy(u => u.DisplayName).Take(200).Select(u => new Owner(u.Id, u.DisplayName, u.JobTitle)).ToListAsync(ct);
        if (staff.All(s => s.Id != actor.UserId)) staff.Insert(0, new Owner(actor.UserId, actor.DisplayName, null));
        return staff;
    }

    /// <summary>The earliest of the child's referral dates and involvement starts: oversight cannot come before it.</summary>
    internal async Task<DateOnly?> FirstKnownAsync(Guid personId, CancellationToken ct)
    {
        var referral = await db.Referrals.Where(r => r.PersonId == personId).OrderBy(r => r.ReferralDate).Select(r => (DateOnly?)r.ReferralDate).FirstOrDefaultAsync(ct);
        var involvement = await db.Involvements.Where(i => i.PersonId == personId).OrderBy(i => i.StartDate).Select(i => (DateOnly?)i.StartDate).FirstOrDefaultAsync(ct);
        return referral is null ? involvement : involvement is null ? referral : referral < involvement ? referral : involvement;
    }

    /// <summary>One oversight record with its actions; null when the actor cannot open the child's case.</summary>
    public async Task<ManagementOversight?> OpenAsync(Actor actor, Guid personId, int id, CancellationToken ct = default)
    {
        var o = await db.Oversights.AsNoTracking().Include(x => x.Actions).FirstOrDefaultAsync(x => x.Id == id && x.PersonId == personId, ct);
        if (o is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Management oversight {id}"), ct);
        o.Actions.Sort((a, b) => a.Id.CompareTo(b.Id));
        return o;
    }

    /// <summary>The child's latest oversight records for someone who can open the case (null otherwise), access-logged.</summary>
    public async Task<List<ManagementOversight>?> ListAsync(Actor actor, Guid personId, int take, CancellationToken ct = default)
    {
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        var list = await ForChildAsync(personId, take, ct);
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, "Management oversight records"), ct);
        return list;
    }

    /// <summary>The child's latest oversight records (newest first) with their actions, for the case page.</summary>
    public async Task<List<ManagementOversight>> ForChildAsync(Guid personId, int take = 5, CancellationToken ct = default)
    {
        var list = await db.Oversights.AsNoTracking().Where(o => o.PersonId == personId)
            .OrderByDescending(o => o.RecordedOn).ThenByDescending(o => o.Id).Take(take).Include(o => o.Actions).ToListAsync(ct);
        foreach (var o in list) o.Actions.Sort((a, b) => a.Id.CompareTo(b.Id));
        return list;
    }

    /// <summary>The date of the child's latest oversight, or null if there has been none (indexed: PersonId, RecordedOn).</summary>
    public Task<DateOnly?> LastOversightOnAsync(Guid personId, CancellationToken ct = default) =>
        db.Oversights.Where(o => o.PersonId == personId).OrderByDescending(o => o.RecordedOn).Select(o => (DateOnly?)o.RecordedOn).FirstOrDefaultAsync(ct);

    /// <summary>An action for its page, with what the actor may do with it; null when they cannot open the child's case.</summary>
    public async Task<ActionView?> ActionAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var action = await db.OversightActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null || !await cases.CanOpenAsync(actor, action.PersonId, ct)) return null;
        var oversight = await db.Oversights.AsNoTracking().FirstAsync(o => o.Id == action.OversightId, ct);
        var name = await db.People.Where(p => p.Id == action.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstAsync(ct);
        var link = $"/actions/{id}";
        var history = await db.Chronology.AsNoTracking().Where(e => e.PersonId == action.PersonId && e.Link == link).OrderBy(e => e.Id).ToListAsync(ct);
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, action.PersonId, $"Oversight action {id}"), ct);
        var missed = IsMissed(action, Today);
        return new ActionView(action, oversight, name, missed, action.CompletedOn is null && MayComplete(actor, action),
            missed && MayFollowUp(actor), history);
    }

    /// <summary>
    /// Whether a case needs oversight: none ever, or the last is older than the rule (6 weeks by default: oversight
    /// on 1 December is due again by the end of 12 January, whatever day that is; a bank holiday does not move it).
    /// </summary>
    /// <summary>
    /// Whether an open case has gone longer than the rule without oversight: counted from the last oversight, or from
    /// when the case opened if there has been none. A closed case (no open involvement) needs none.
    /// </summary>
    public static bool NeedsOversight(DateOnly? last, DateOnly? openSince, DateOnly today, Timescale rule, WorkingDayCalendar calendar) =>
        openSince is { } opened && rule.DueDate(last ?? opened, calendar) < today;

    /// <summary>When the child's current case opened (the earliest open involvement with a team), or null when none is open.</summary>
    public Task<DateOnly?> OpenSinceAsync(Guid personId, CancellationToken ct = default) =>
        db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null).MinAsync(i => (DateOnly?)i.StartDate, ct);

    public static bool IsMissed(OversightAction a, DateOnly today) => a.CompletedOn is null && a.DueDate < today;

    private static bool MayComplete(Actor actor, OversightAction a) => a.OwnerId == actor.UserId || actor.Can(Capabilities.RecordOversight);

    // The setter, or another manager who can open the child's case (a manager of its team, or a service manager).
    private static bool MayFollowUp(Actor actor) => actor.Can(Capabilities.RecordOversight);

    /// <summary>The owner (or a manager who can open the case) marks the action done today, saying what was done.</summary>
    public async Task<OversightAction?> CompleteAsync(Actor actor, int id, Guid version, string? note, CancellationToken ct = default)
    {
        note = Tidy(note);
        if (note is null) throw Refuse.Invalid("Note", "Enter what was done");
        if (note.Length > MaxNote) throw Refuse.Invalid("Note", $"The note must be {MaxNote:N0} characters or fewer");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var action = await LoadForChangeAsync(actor, id, version, ct);
        if (action is null) return null;
        if (!MayComplete(actor, action)) throw new AccessDeniedException("Only the action's owner or a manager can complete it.");
        if (action.CompletedOn is not null) throw Refuse.Invalid("Note", $"This action was completed on {action.CompletedOn:d MMMM yyyy} by {action.CompletedByName}");
        var now = Now;
        action.CompletedOn = Today;
        action.CompletionNote = note;
        action.CompletedByName = actor.DisplayName;
        action.Version = Guid.NewGuid();
        var late = action.CompletedOn > action.DueDate ? $" ({action.CompletedOn.Value.DayNumber - action.DueDate.DayNumber} days after it was due)" : "";
        ChronologyWriter.Add(db, action.PersonId, now, now, actor, SocialWorkChronology.Area, OversightChronology.ActionCompleted,
            $"Oversight action completed by {actor.DisplayName}{late}: {ContactService.Shorten(action.Text)}. {ContactService.Shorten(note)}",
            significant: false, link: $"/actions/{id}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, action.PersonId, $"Oversight action {id} completed")], ct);
        await tx.CommitAsync(ct);
        return action;
    }

    /// <summary>
    /// A missed action (due before today and not done) followed up by the manager who set it, or another manager
    /// who can open the case: a note and a new due date (today or later). The original due date stays.
    /// </summary>
    public async Task<OversightAction?> FollowUpAsync(Actor actor, int id, Guid version, string? note, DateOnly? newDueDate, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordOversight);
        note = Tidy(note);
        var failures = new List<ValidationFailure>();
        if (note is null) failures.Add(new("Note", "Enter your follow-up: what you asked of the owner, and why it was missed"));
        else if (note.Length > MaxNote) failures.Add(new("Note", $"The note must be {MaxNote:N0} characters or fewer"));
        if (newDueDate is null) failures.Add(new("DueDate", "Enter the new date it is due by: \"ongoing\" or \"as needed\" is not a date"));
        else if (newDueDate < Today) failures.Add(new("DueDate", "The new due date cannot be in the past"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var action = await LoadForChangeAsync(actor, id, version, ct);
        if (action is null) return null;
        if (action.CompletedOn is not null) throw Refuse.Invalid("Note", "This action has been completed: there is nothing to follow up");
        if (!IsMissed(action, Today))
            throw Refuse.Invalid("Note", $"This action is not yet missed: it is due by {action.DueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        var now = Now;
        var was = action.DueDate;
        action.DueDate = newDueDate!.Value;
        action.FollowUps++;
        action.Version = Guid.NewGuid();
        ChronologyWriter.Add(db, action.PersonId, now, now, actor, SocialWorkChronology.Area, OversightChronology.ActionFollowedUp,
            $"Missed oversight action followed up by {actor.DisplayName} with {action.OwnerName}: {ContactService.Shorten(action.Text)} " +
            $"(due {was.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, first due {action.OriginalDueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}; " +
            $"now due {action.DueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}). {ContactService.Shorten(note!)}",
            significant: false, link: $"/actions/{id}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, action.PersonId, $"Oversight action {id} followed up")], ct);
        await tx.CommitAsync(ct);
        return action;
    }

    private async Task<OversightAction?> LoadForChangeAsync(Actor actor, int id, Guid version, CancellationToken ct)
    {
        var action = await db.OversightActions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (action is null || !await cases.CanOpenAsync(actor, action.PersonId, ct)) return null;
        if (action.Version != version)
            throw new ConcurrencyConflictException("Someone else changed this action since you opened it. What you typed is still on the page: check what they did, then save again.");
        return action;
    }

    /// <summary>
    /// Reads a due date typed at the command line or sent to the API: a real date (yyyy-mm-dd or d/m/yyyy). Blank,
    /// "ongoing", "as needed" or anything else that is not a date is refused, naming the field.
    /// </summary>
    public static DateOnly ParseDueDate(string? text, string field, string what = "the action")
    {
        if (string.IsNullOrWhiteSpace(text)) throw Refuse.Invalid(field, $"Enter the date {what} is due by: \"ongoing\" or \"as needed\" is not a date");
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw Refuse.Invalid(field, $"'{text.Trim()}' is not a date: enter the date {what} is due by, like 2027-03-31");
    }
}
