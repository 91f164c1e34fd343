using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Who may open a child's social work (assessments, plans, visits): the members of a team the child is open to,
/// or was, and service managers and QA officers, who oversee every team. A worker of another team cannot, even
/// though they can see the child's record; restricted records stay restricted.
/// </summary>
public sealed class CaseAccess(SafeguardDbContext db, RecordAccess records)
{
    public async Task<bool> CanOpenAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        if (!await records.CanSeeAsync(actor, personId, ct)) return false;
        if (actor.UserId == "system" || actor.Roles.Contains(Roles.ServiceManager) || actor.Roles.Contains(Roles.QaOfficer)) return true;
        var teamId = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
        return teamId is not null && await db.Involvements.AnyAsync(i => i.PersonId == personId && i.TeamId == teamId, ct);
    }

    /// <summary>
    /// Who may read a child's conferences and child protection plans: those who may open the case, and conference
    /// chairs, who chair for every team (restricted records stay restricted).
    /// </summary>
    public async Task<bool> CanReadProtectionAsync(Actor actor, Guid personId, CancellationToken ct = default) =>
        await CanOpenAsync(actor, personId, ct) || (actor.Roles.Contains(Roles.ConferenceChair) && await records.CanSeeAsync(actor, personId, ct));

    /// <summary>The child's name for a page heading, once access has been checked (reading it is logged by the caller's own read).</summary>
    public Task<string?> NameAsync(Guid personId, CancellationToken ct = default) =>
        db.People.Where(p => p.Id == personId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefaultAsync(ct);

    /// <summary>Who a case page is about, for its heading: the name, Safeguard ID and whether the record was made in error.</summary>
    public sealed record Child(Guid Id, string FullName, string SafeguardId, DateTime? RecordedInErrorAtUtc);

    /// <summary>
    /// The child for the heading of a page whose own read (a visit, a note, a plan...) has checked access and logged the
    /// view, so one page is one entry in the access log. Null when there is no such person.
    /// </summary>
    public async Task<Child?> ChildAsync(Guid personId, CancellationToken ct = default)
    {
        var p = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.FirstName, p.MiddleNames, p.LastName, p.Number, p.RecordedInErrorAtUtc }).FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var name = p.MiddleNames is { Length: > 0 } ? $"{p.FirstName} {p.MiddleNames} {p.LastName}" : $"{p.FirstName} {p.LastName}";
        return new Child(p.Id, name, Person.FormatNumber(p.Number), p.RecordedInErrorAtUtc);
    }

    /// <summary>
    /// Whether the child's case is open: a referral not closed (and not "no further action"), or work with a team not
    /// ended (early help included). Visits and management oversight are recorded only while it is.
    /// </summary>
    public async Task<bool> IsOpenAsync(Guid personId, CancellationToken ct = default) =>
        await db.Referrals.AnyAsync(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction, ct)
        || await db.Involvements.AnyAsync(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null, ct);

    /// <summary>
    /// The refusal of work recorded only on an open case (<paramref name="what"/>: "a visit"), saying when the case closed,
    /// under "PersonId": it is about the whole record, not one field.
    /// </summary>
    public async Task<FluentValidation.ValidationException> ClosedRefusalAsync(Guid personId, string what, CancellationToken ct = default)
    {
        var closed = await ClosedAsync(personId, ct);
        var when = closed?.On is { } on ? $"closed on {on.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : "is not open to a team";
        return Refuse.Invalid("PersonId", $"The child's case {when}: {what} is recorded while a case is open");
    }

    /// <summary>How a case that is not open ended: when, and the census reason when there is one (both null for a child never open to a team).</summary>
    public sealed record Closed(DateOnly? On, string? Reason);

    /// <summary>
    /// Null while the case is open. Otherwise the latest closure signed off (its date and reason); without one (work
    /// ended some other way) the latest referral closed, or else the last day the child's work with a team ended.
    /// </summary>
    public async Task<Closed?> ClosedAsync(Guid personId, CancellationToken ct = default)
    {
        if (await IsOpenAsync(personId, ct)) return null;
        var closure = await db.Closures.AsNoTracking().Where(c => c.PersonId == personId && c.Stage == ClosureStage.Authorised && c.ClosedOn != null)
            .OrderByDescending(c => c.ClosedOn).ThenByDescending(c => c.Id).Select(c => new { c.ClosedOn, c.ReasonCode, c.Kind }).FirstOrDefaultAsync(ct);
        var ended = await db.Involvements.Where(i => i.PersonId == personId && i.TeamId != null).MaxAsync(i => i.EndDate, ct);
        // After a step down the case stays open with early help; if that work has since ended, the step down is not why it closed.
        if (closure is not null && !(closure.Kind == ClosureKind.StepDownToEarlyHelp && ended > closure.ClosedOn))
            return new Closed(closure.ClosedOn, closure.Kind == ClosureKind.StepDownToEarlyHelp
                ? $"stepped down to early help ({ClosureCodes.Describe(closure.ReasonCode)})" : ClosureCodes.Describe(closure.ReasonCode));
        var referral = await db.Referrals.AsNoTracking().Where(r => r.PersonId == personId && r.ClosedOn != null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ClosedOn).ThenByDescending(r => r.Id).Select(r => new { r.ClosedOn, r.ClosureReason }).FirstOrDefaultAsync(ct);
        if (referral is not null && !(ended > referral.ClosedOn))
            return new Closed(referral.ClosedOn, referral.ClosureReason is { } code ? ClosureCodes.Describe(code) : null);
        return new Closed(ended, null);
    }
}
