using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// A team manager gives a child's case to a worker of the team, with the reason, seeing each worker's caseload
/// while choosing. Reallocating keeps who held it before and until when.
/// </summary>
public sealed class AllocationService(SafeguardDbContext db, RecordAccess access, AccessLogAppender appender, TimeProvider clock)
{
    /// <summary>The roles that hold cases: social workers, and team managers who sometimes hold one themselves.</summary>
    public static readonly string[] CaseHolders = [Roles.SocialWorker, Roles.TeamManager, Roles.EarlyHelpWorker];

    public sealed record Candidate(string Id, string Name, string? JobTitle, int Children, bool HoldsASibling);

    public sealed record Case(int InvolvementId, Guid PersonId, string ChildName, InvolvementKind Kind, DateOnly Since, int TeamId,
        string TeamName, int? TeamCapacity, string? WorkerId, string? WorkerName, IReadOnlyList<Allocation> History);

    /// <summary>The case and its history, or null when the actor may not allocate it (another team's, or a record they cannot see).</summary>
    public async Task<Case?> CaseAsync(Actor actor, int involvementId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AllocateCase);
        var found = await db.Involvements.AsNoTracking().Where(i => i.Id == involvementId && i.TeamId != null)
            .Join(access.VisiblePeople(actor), i => i.PersonId, p => p.Id, (i, p) => new
            {
                i.Id, i.PersonId, Name = p.FirstName + " " + p.LastName, i.Kind, i.StartDate, TeamId = i.TeamId!.Value, TeamName = i.Team!.Name,
                i.Team.CaseloadCapacity, i.WorkerId, WorkerName = i.Worker == null ? null : i.Worker.DisplayName, i.EndDate,
            }).FirstOrDefaultAsync(ct);
        if (found is null || !await ManagesAsync(actor, found.TeamId, ct)) return null;
        var history = await db.Allocations.AsNoTracking().Where(a => a.InvolvementId == involvementId).OrderByDescending(a => a.FromUtc).ToListAsync(ct);
        return new Case(found.Id, found.PersonId, found.Name, found.Kind, found.StartDate, found.TeamId, found.TeamName,
            found.CaseloadCapacity, found.WorkerId, found.WorkerName, history);
    }

    /// <summary>The team's case holders with their open caseloads, fewest first; those holding a sibling are marked.</summary>
    public async Task<List<Candidate>> CandidatesAsync(int teamId, Guid personId, CancellationToken ct = default)
    {
        var siblingLinks = db.Relationships.Where(r => (r.Type == RelationshipType.SiblingOf || r.Type == RelationshipType.HalfSiblingOf) && r.RecordedInErrorAtUtc == null);
        var siblings = siblingLinks.Where(r => r.PersonId == personId).Select(r => r.RelatedPersonId)
            .Concat(siblingLinks.Where(r => r.RelatedPersonId == personId).Select(r => r.PersonId));
        var holderRoleIds = db.Roles.Where(r => CaseHolders.Contains(r.Name!)).Select(r => r.Id);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.TeamId == teamId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && holderRoleIds.Contains(ur.RoleId)))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.JobTitle,
                Children = db.Involvements.Where(i => i.WorkerId == u.Id && i.EndDate == null).Select(i => i.PersonId).Distinct().Count(),
                Sibling = db.Involvements.Any(i => i.WorkerId == u.Id && i.EndDate == null && siblings.Contains(i.PersonId)),
            }).ToListAsync(ct);
        return rows.Select(r => new Candidate(r.Id, r.DisplayName, r.JobTitle, r.Children, r.Sibling))
            .OrderByDescending(c => c.HoldsASibling).ThenBy(c => c.Children).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Gives the case to the worker. <paramref name="expectedWorkerId"/> is who held it when the manager opened the
    /// page: if someone else allocated it meanwhile, nothing changes and the manager is told.
    /// </summary>
    public async Task<Allocation?> AllocateAsync(Actor actor, int involvementId, string? expectedWorkerId, string workerId, string reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AllocateCase);
        reason = reason?.Trim() ?? "";
        if (reason.Length == 0) throw Refuse.Invalid("Reason", "Enter why you are allocating the case to this worker");
        if (reason.Length > 4000) throw Refuse.Invalid("Reason", "The reason must be 4,000 characters or fewer");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var involvement = await db.Involvements.Include(i => i.Team).FirstOrDefaultAsync(i => i.Id == involvementId && i.TeamId != null, ct);
        if (involvement is null || !await access.CanSeeAsync(actor, involvement.PersonId, ct) || !await ManagesAsync(actor, involvement.TeamId!.Value, ct))
            return null;
        if (involvement.EndDate is not null) throw Refuse.Invalid("WorkerId", "This case has closed: it cannot be allocated");
        if (involvement.WorkerId != expectedWorkerId)
            throw new ConcurrencyConflictException("Someone else allocated this case while you were choosing. Look at who holds it now, then choose again.");
        if (workerId == involvement.WorkerId) throw Refuse.Invalid("WorkerId", "This worker already holds the case: choose another to reallocate it");
        var candidates = await CandidatesAsync(involvement.TeamId!.Value, involvement.PersonId, ct);
        var worker = candidates.FirstOrDefault(c => c.Id == workerId)
            ?? throw Refuse.Invalid("WorkerId", $"Choose a worker of {involvement.Team!.Name}");

        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.Allocations.FirstOrDefaultAsync(a => a.InvolvementId == involvementId && a.ToUtc == null, ct);
        if (current is not null) current.ToUtc = now;
        var allocation = new Allocation
        {
            PersonId = involvement.PersonId, InvolvementId = involvement.Id, TeamId = involvement.TeamId!.Value, WorkerId = worker.Id,
            WorkerName = worker.Name, FromUtc = now, Reason = reason, AllocatedById = actor.UserId, AllocatedByName = actor.DisplayName,
        };
        db.Allocations.Add(allocation);
        involvement.WorkerId = worker.Id;
        var what = current is null
            ? $"{Involvement.Label(involvement.Kind)} allocated to {worker.Name} ({involvement.Team!.Name}): {ContactService.Shorten(reason)}"
            : $"{Involvement.Label(involvement.Kind)} reallocated from {current.WorkerName} to {worker.Name} ({involvement.Team!.Name}): {ContactService.Shorten(reason)}";
        ChronologyWriter.Add(db, involvement.PersonId, now, now, actor, SocialWorkChronology.Area, SocialWorkChronology.Allocated, what, significant: false);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, involvement.PersonId, what)], ct);
        await tx.CommitAsync(ct);
        return allocation;
    }

    /// <summary>Team managers allocate in their own team; service managers in any.</summary>
    private async Task<bool> ManagesAsync(Actor actor, int teamId, CancellationToken ct) =>
        actor.UserId == "system" || actor.Roles.Contains(Roles.ServiceManager)
        || await db.Users.AnyAsync(u => u.Id == actor.UserId && u.TeamId == teamId, ct);

}

/// <summary>The kinds of chronology entry social work writes.</summary>
public static class SocialWorkChronology
{
    public const string Area = "SocialWork";
    public const string Allocated = "Allocated";
    public const string AssessmentStarted = "Assessment started";
    public const string AssessmentSubmitted = "Assessment submitted";
    public const string AssessmentAuthorised = "Assessment authorised";
    public const string AssessmentReturned = "Assessment returned";
}
