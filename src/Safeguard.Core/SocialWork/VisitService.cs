using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Visits to a child: recording one (when, who, whether the child was seen and seen alone, where, what was observed),
/// and when the next is due, derived from the last time the child was seen and the rule for their current status
/// (<see cref="VisitSchedule"/>). Every visit is on the child's chronology, significant when the child was not seen.
/// </summary>
public sealed class VisitService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue queue, SocialWorkRules rules,
    WorkingDayCalendar calendar, TimeProvider clock)
{
    public const int MaxText = 20_000;
    public const string ChronologyKind = "Visit";

    /// <summary>A visit as the worker records it; the fields left empty are checked and named.</summary>
    public sealed record NewVisit(DateOnly? VisitedOn, string? VisitedById, bool? ChildSeen, bool? ChildSeenAlone, string? NotSeenReason,
        VisitLocation? Location, string? LocationDetail, string? Observations, bool Unannounced);

    /// <summary>The case page's view of a child's visits.</summary>
    public sealed record Summary(VisitDues.Due? Next, DateOnly? LastSeen, DateOnly? LastSeenAlone, IReadOnlyList<Visit> Recent);

    /// <summary>A member of staff who can be named as the visitor.</summary>
    public sealed record Visitor(string Id, string Name);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>Records a visit. Null when the child's case is not the actor's to open (another team's: 404).</summary>
    public async Task<Visit?> RecordAsync(Actor actor, Guid personId, NewVisit input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordVisit);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var episodeStart = await EpisodeStartAsync(personId, ct)
            ?? throw await cases.ClosedRefusalAsync(personId, "a visit", ct);
        var visitors = await VisitorsAsync(personId, ct);
        var today = Today;

        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        if (input.VisitedOn is not { } visitedOn) Fail(nameof(NewVisit.VisitedOn), "Enter the date of the visit");
        else if (visitedOn < episodeStart.Date)
            Fail(nameof(NewVisit.VisitedOn), $"The visit cannot be before the {episodeStart.What}: the date of the visit must be on or after {episodeStart.Date:d MMMM yyyy}");
        else if (visitedOn > today) Fail(nameof(NewVisit.VisitedOn), "The date of the visit cannot be in the future");
        var visitorId = string.IsNullOrWhiteSpace(input.VisitedById) ? actor.UserId : input.VisitedById.Trim();
        var visitor = visitorId == actor.UserId ? new Visitor(actor.UserId, actor.DisplayName) : visitors.FirstOrDefault(v => v.Id == visitorId);
        if (visitor is null) Fail(nameof(NewVisit.VisitedById), "Choose who visited from the staff of the child's team");
        var reason = Tidy(input.NotSeenReason);
        if (input.ChildSeen is null) Fail(nameof(NewVisit.ChildSeen), "Say whether the child was seen");
        else if (input.ChildSeen == false)
        {
            if (input.ChildSeenAlone == true) Fail(nameof(NewVisit.ChildSeenAlone), "The child cannot have been seen alone when they were not seen");
            if (reason is null) Fail(nameof(NewVisit.NotSeenReason), "Enter why the child was not seen");
        }
        else if (input.ChildSeenAlone is null) Fail(nameof(NewVisit.ChildSeenAlone), "Say whether the child was seen alone");
        else if (input.ChildSeenAlone == false && reason is null) Fail(nameof(NewVisit.NotSeenReason), "Enter why the child was not seen alone");
        if (input.Location is not { } location || !Enum.IsDefined(location)) Fail(nameof(NewVisit.Location), "Choose where the visit took place");
        else if (location == VisitLocation.Other && string.IsNullOrWhiteSpace(input.LocationDetail))
            Fail(nameof(NewVisit.LocationDetail), "Enter where the visit took place");
        var observations = Tidy(input.Observations);
        if (observations is null) Fail(nameof(NewVisit.Observations), "Enter what you observed");
        else if (observations.Length > MaxText) Fail(nameof(NewVisit.Observations), $"The observations must be {MaxText:N0} characters or fewer");
        if (reason?.Length > 4000) Fail(nameof(NewVisit.NotSeenReason), "The reason must be 4,000 characters or fewer");
        if (input.LocationDetail?.Trim().Length > 200) Fail(nameof(NewVisit.LocationDetail), "The place must be 200 characters or fewer");
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        var seen = input.ChildSeen!.Value;
        var visit = new Visit
        {
            PersonId = personId, VisitedOn = input.VisitedOn!.Value, VisitedById = visitor!.Id, VisitedByName = visitor.Name,
            ChildSeen = seen, ChildSeenAlone = seen && input.ChildSeenAlone == true,
            NotSeenReason = seen && input.ChildSeenAlone == true ? null : reason,
            Location = input.Location!.Value, LocationDetail = input.Location == VisitLocation.Other ? Tidy(input.LocationDetail) : null,
            Observations = observations!, Unannounced = input.Unannounced, RecordedById = actor.UserId, RecordedAtUtc = now, Version = Guid.NewGuid(),
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        var occurred = WorkingDayCalendar.FromUkLocal(visit.VisitedOn.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        ChronologyWriter.Add(db, personId, occurred, now, actor, SocialWorkChronology.Area, ChronologyKind, Describe(visit),
            significant: !visit.ChildSeen, link: $"/people/{personId}/visits/{visit.Id}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Visit {visit.Id} recorded")], ct);
        await tx.CommitAsync(ct);
        return visit;
    }

    /// <summary>One visit in full; null when it is not the actor's to open.</summary>
    public async Task<Visit?> OpenAsync(Actor actor, Guid personId, int visitId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId && v.PersonId == personId, ct);
        if (visit is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        await queue.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Visit {visitId}"), ct);
        return visit;
    }

    /// <summary>The child's visits, newest first (at most <paramref name="take"/>), with the next due; null when not the actor's to open.</summary>
    public async Task<(Summary Summary, List<Visit> Visits)?> ListAsync(Actor actor, Guid personId, int take = 200, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        var summary = await SummaryAsync(personId, 0, ct);
        var visits = await Newest(personId).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        await queue.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, "Visits"), ct);
        return (summary, visits);
    }

    /// <summary>For the case page (which has checked and logged access): the next visit due, last seen, last seen alone and the recent visits.</summary>
    public async Task<Summary> SummaryAsync(Guid personId, int recent = 5, CancellationToken ct = default)
    {
        var next = await Dues.ForChildAsync(personId, ct);
        var start = await EpisodeStartAsync(personId, ct);
        var from = start?.Date ?? DateOnly.MinValue;
        var lastSeen = await db.Visits.Where(v => v.PersonId == personId && v.ChildSeen && v.VisitedOn >= from).MaxAsync(v => (DateOnly?)v.VisitedOn, ct);
        var lastAlone = await db.Visits.Where(v => v.PersonId == personId && v.ChildSeenAlone && v.VisitedOn >= from).MaxAsync(v => (DateOnly?)v.VisitedOn, ct);
        var list = recent > 0 ? await Newest(personId).Take(recent).ToListAsync(ct) : [];
        return new Summary(next, lastSeen, lastAlone, list);
    }

    /// <summary>The staff of the teams the child is open to now, who may be named as the visitor.</summary>
    public async Task<List<Visitor>> VisitorsAsync(Guid personId, CancellationToken ct = default)
    {
        var teams = db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null).Select(i => i.TeamId);
        var rows = await db.Users.AsNoTracking().Where(u => u.IsActive && teams.Contains(u.TeamId))
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return rows.Select(r => new Visitor(r.Id, r.DisplayName)).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The next visit due to each child the worker holds (an open case allocated to them), soonest first, bounded by <paramref name="take"/>.</summary>
    public Task<List<VisitDues.Due>> HeldByAsync(string workerId, IQueryable<Person>? visible, int take, CancellationToken ct = default) =>
        Dues.HeldByAsync(workerId, visible, take, ct);

    /// <summary>Children whose next visit was due before <paramref name="today"/>, most overdue first, in one team or (null) every team.</summary>
    public Task<List<VisitDues.Due>> LateVisitsAsync(int? teamId, DateOnly today, int take, IQueryable<Person>? visible = null, CancellationToken ct = default) =>
        Dues.LateVisitsAsync(teamId, today, take, visible, ct);

    private VisitDues Dues => new(db, rules, calendar);

    private IQueryable<Visit> Newest(Guid personId) =>
        db.Visits.AsNoTracking().Where(v => v.PersonId == personId).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id);

    /// <summary>The first date a visit may have: the child's open referral, or with none the start of their earliest open case.</summary>
    private async Task<(DateOnly Date, string What)?> EpisodeStartAsync(Guid personId, CancellationToken ct)
    {
        var referral = await db.Referrals.Where(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction)
            .MaxAsync(r => (DateOnly?)r.ReferralDate, ct);
        if (referral is { } date) return (date, "referral");
        var opened = await db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null).MinAsync(i => (DateOnly?)i.StartDate, ct);
        return opened is { } o ? (o, "case opened") : null;
    }

    /// <summary>The chronology's line for a visit: where, whether the child was seen (alone), and the reason when not.</summary>
    public static string Describe(Visit v)
    {
        var where = v.Location == VisitLocation.Other && v.LocationDetail is not null ? v.LocationDetail : Label(v.Location).ToLowerInvariant();
        var seen = !v.ChildSeen ? $"child not seen: {v.NotSeenReason}"
            : v.ChildSeenAlone ? "child seen alone"
            : $"child seen, not alone: {v.NotSeenReason}";
        return ContactService.Shorten($"{(v.Unannounced ? "Unannounced visit" : "Visit")} ({where}) by {v.VisitedByName}: {seen}");
    }

    public static string Label(VisitLocation location) => location switch
    {
        VisitLocation.Home => "Home",
        VisitLocation.School => "School or nursery",
        VisitLocation.Office => "Office",
        VisitLocation.FamilyOrFriends => "Family or friends' home",
        VisitLocation.Placement => "Placement",
        VisitLocation.Other => "Somewhere else",
        _ => location.ToString(),
    };
}
