using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Supervision: individual (the manager and one worker of the team, discussing children the worker holds) or group
/// (the team's case discussion, any of its open cases). Each child discussed gets its own management oversight
/// (decision, reasons, actions) linked to the session, so it counts as oversight of that child's case. The whole
/// session is saved in one transaction: a problem with any child saves nothing.
/// </summary>
public sealed class SupervisionService(SafeguardDbContext db, OversightService oversight, CaseAccess cases, RecordAccess records,
    AccessLogQueue views, TimeProvider clock)
{
    public const int MaxChildren = 40;

    public sealed record ChildInput(Guid PersonId, string? Decision, string? Rationale, IReadOnlyList<OversightService.ActionInput> Actions);

    public sealed record Input(SupervisionKind Kind, DateOnly? HeldOn, string? SuperviseeId, string? Attendees, string? Notes, IReadOnlyList<ChildInput> Children);

    /// <summary>A child who may be discussed: open to the team (group) or held by the worker (individual).</summary>
    public sealed record Candidate(Guid PersonId, string Name, string? WorkerName);

    public sealed record Worker(string Id, string Name, string? JobTitle);

    /// <summary>A child discussed, for the session's page: null detail when the reader cannot open that child's case.</summary>
    public sealed record Discussed(Guid PersonId, string? ChildName, ManagementOversight? Oversight);

    public sealed record View(Supervision Session, string TeamName, List<Discussed> Children, int Hidden, bool ShowsNotes);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>Team managers supervise in their own team; service managers in any.</summary>
    public async Task<bool> ManagesAsync(Actor actor, int teamId, CancellationToken ct = default) =>
        actor.Can(Capabilities.RecordOversight) && await db.Teams.AnyAsync(t => t.Id == teamId, ct)
        && (actor.UserId == "system" || actor.Roles.Contains(Roles.ServiceManager)
            || await db.Users.AnyAsync(u => u.Id == actor.UserId && u.TeamId == teamId, ct));

    public Task<string?> TeamNameAsync(int teamId, CancellationToken ct = default) =>
        db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct);

    /// <summary>The team's workers who hold cases (who can be supervised individually), not the manager themselves.</summary>
    public async Task<List<Worker>> WorkersAsync(Actor actor, int teamId, CancellationToken ct = default)
    {
        var holderRoleIds = db.Roles.Where(r => AllocationService.CaseHolders.Contains(r.Name!)).Select(r => r.Id);
        return await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && u.IsActive && u.Id != actor.UserId && db.UserRoles.Any(ur => ur.UserId == u.Id && holderRoleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName).Take(200).Select(u => new Worker(u.Id, u.DisplayName, u.JobTitle)).ToListAsync(ct);
    }

    /// <summary>
    /// The children that may be discussed: for individual supervision the worker's caseload (open involvements they
    /// hold), for group supervision the team's open cases. Only records the manager may see; bounded.
    /// </summary>
    public async Task<List<Candidate>> CandidatesAsync(Actor actor, int teamId, SupervisionKind kind, string? workerId, CancellationToken ct = default)
    {
        var open = db.Involvements.AsNoTracking().Where(i => i.EndDate == null);
        open = kind == SupervisionKind.Individual ? open.Where(i => i.WorkerId == workerId) : open.Where(i => i.TeamId == teamId);
        var rows = await open.Join(records.VisiblePeople(actor), i => i.PersonId, p => p.Id,
                (i, p) => new { p.Id, Name = p.FirstName + " " + p.LastName, Worker = i.Worker == null ? null : i.Worker.DisplayName })
            .OrderBy(x => x.Name).Take(300).ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).Select(r => new Candidate(r.Id, r.Name, r.Worker)).ToList();
    }

    /// <summary>Records the session and each child's oversight, all at once. Null when the actor does not manage the team.</summary>
    public async Task<Supervision?> RecordAsync(Actor actor, int teamId, Input input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordOversight);
        if (!await ManagesAsync(actor, teamId, ct)) return null;
        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        if (!Enum.IsDefined(input.Kind)) Fail(nameof(Input.Kind), "Choose individual or group supervision");
        if (input.HeldOn is null) Fail(nameof(Input.HeldOn), "Enter the date of the supervision");
        else if (input.HeldOn > Today) Fail(nameof(Input.HeldOn), "The date of the supervision cannot be in the future");
        var notes = Typed.Tidy(input.Notes);
        var attendees = Typed.Tidy(input.Attendees);
        if (notes?.Length > OversightService.MaxText) Fail(nameof(Input.Notes), $"The notes must be {OversightService.MaxText:N0} characters or fewer");
        Worker? supervisee = null;
        if (input.Kind == SupervisionKind.Individual)
        {
            supervisee = (await WorkersAsync(actor, teamId, ct)).FirstOrDefault(w => w.Id == input.SuperviseeId);
            if (supervisee is null) Fail(nameof(Input.SuperviseeId), "Choose the worker of the team you supervised");
            attendees = null;
        }
        else
        {
            if (attendees is null) Fail(nameof(Input.Attendees), "Enter who took part");
            else if (attendees.Length > 2000) Fail(nameof(Input.Attendees), "Who took part must be 2,000 characters or fewer");
        }
        if (input.Children.Count > MaxChildren) Fail(nameof(Input.Children), $"Discuss {MaxChildren} children or fewer in one record");
        if (input.Children.Select(c => c.PersonId).Distinct().Count() != input.Children.Count) Fail(nameof(Input.Children), "Each child can be chosen once");
        if (input.Children.Count == 0 && notes is null) Fail(nameof(Input.Notes), "Enter the notes of the supervision, or choose a child you discussed");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var candidates = input.Kind == SupervisionKind.Individual && supervisee is null ? []
            : (await CandidatesAsync(actor, teamId, input.Kind, supervisee?.Id, ct)).ToDictionary(c => c.PersonId, c => c.Name);
        var now = Now;
        var session = new Supervision
        {
            Kind = input.Kind, HeldOn = input.HeldOn ?? Today, TeamId = teamId, SupervisorId = actor.UserId, SupervisorName = actor.DisplayName,
            SuperviseeId = supervisee?.Id, SuperviseeName = supervisee?.Name, Attendees = attendees, Notes = notes, RecordedAtUtc = now,
        };
        var built = new List<ManagementOversight>();
        for (var i = 0; i < input.Children.Count && i < MaxChildren; i++)
        {
            var child = input.Children[i];
            var prefix = $"{nameof(Input.Children)}[{i}].";
            if (!candidates.ContainsKey(child.PersonId) || !await cases.CanOpenAsync(actor, child.PersonId, ct))
            {
                Fail(prefix + nameof(ChildInput.PersonId), input.Kind == SupervisionKind.Individual
                    ? "Choose a child the worker holds" : "Choose a child open to the team");
                continue;
            }
            var owners = await oversight.OwnersAsync(actor, child.PersonId, ct);
            var o = await oversight.BuildAsync(actor, child.PersonId, null,
                new OversightService.Input(input.HeldOn, child.Decision, child.Rationale, child.Actions), owners, prefix, failures, ct);
            // The session's date is checked once, not again for each child (except that it cannot come before the child was known).
            if (input.HeldOn is null || input.HeldOn > Today)
                failures.RemoveAll(f => f.PropertyName == prefix + nameof(OversightService.Input.RecordedOn));
            foreach (var f in failures.Where(f => f.PropertyName == prefix + nameof(OversightService.Input.RecordedOn)))
                (f.PropertyName, f.ErrorMessage) = (nameof(Input.HeldOn), $"{candidates[child.PersonId]}: {f.ErrorMessage}");
            if (o is not null) built.Add(o);
        }
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        db.Supervisions.Add(session);
        await db.SaveChangesAsync(ct);
        var with = session.Kind == SupervisionKind.Individual ? $" in supervision with {session.SuperviseeName}" : " in group supervision";
        foreach (var o in built)
        {
            o.SupervisionId = session.Id;
            db.Oversights.Add(o);
            await db.SaveChangesAsync(ct);
            await oversight.LogAsync(actor, o, with, ct);
        }
        await tx.CommitAsync(ct);
        return session;
    }

    /// <summary>
    /// The session for its page. Open to its supervisor and supervisee, the team's managers, service managers and QA
    /// officers, and (group supervision) the team's members; the notes are for the supervisor, the supervisee and
    /// managers. Each child's decision is shown only to those who can open that child's case.
    /// </summary>
    public async Task<View?> OpenAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var s = await db.Supervisions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var myTeam = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
        var overseer = actor.UserId == "system" || actor.Roles.Contains(Roles.ServiceManager) || actor.Roles.Contains(Roles.QaOfficer);
        var teamManager = actor.Can(Capabilities.RecordOversight) && myTeam == s.TeamId;
        var party = actor.UserId == s.SupervisorId || actor.UserId == s.SuperviseeId;
        var member = s.Kind == SupervisionKind.Group && myTeam == s.TeamId;
        if (!(overseer || teamManager || party || member)) return null;
        var oversights = await db.Oversights.AsNoTracking().Where(o => o.SupervisionId == id).Include(o => o.Actions).OrderBy(o => o.Id).ToListAsync(ct);
        var ids = oversights.Select(o => o.PersonId).ToList();
        var names = await records.VisiblePeople(actor).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var shown = new List<Discussed>();
        var now = Now;
        foreach (var o in oversights)
        {
            if (!names.ContainsKey(o.PersonId) || !await cases.CanOpenAsync(actor, o.PersonId, ct)) continue;
            o.Actions.Sort((a, b) => a.Id.CompareTo(b.Id));
            shown.Add(new Discussed(o.PersonId, names[o.PersonId], o));
            await views.EnqueueAsync(AccessRecord.By(actor, now, AccessAction.Viewed, o.PersonId, $"Supervision {id}: management oversight {o.Id}"), ct);
        }
        var team = await db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.Name).FirstAsync(ct);
        return new View(s, team, shown, oversights.Count - shown.Count, overseer || teamManager || party);
    }
}
