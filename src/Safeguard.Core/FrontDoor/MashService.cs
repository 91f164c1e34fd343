using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The MASH's work on a case: taking it, RAG-rating and re-rating, asking partner agencies, and the
/// manager's decision. Every step is on each child's chronology and in the access log.
/// </summary>
public sealed class MashService(SafeguardDbContext db, RecordAccess access, AccessLogAppender appender, FrontDoorRules rules,
    WorkingDayCalendar calendar, Outbox outbox, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Gives the case to a MASH worker (themselves, or one the manager chooses).</summary>
    public async Task<MashCase?> AssignAsync(Actor actor, int caseId, Guid version, string workerId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.WorkMashCase);
        if (workerId != actor.UserId && !actor.Can(Capabilities.DecideMashCase))
            throw new AccessDeniedException("Only the MASH manager can give a case to someone else.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mash = await LoadForChangeAsync(actor, caseId, version, ct);
        if (mash is null) return null;
        EnsureOpen(mash);
        var worker = await db.Users.Where(u => u.Id == workerId && u.IsActive).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct)
            ?? throw Refuse.Invalid("WorkerId", "Choose a member of the MASH");
        var workerRoles = await db.UserRoles.Where(r => r.UserId == workerId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync(ct);
        if (!Capabilities.Allows(Capabilities.WorkMashCase, workerRoles.OfType<string>())) throw Refuse.Invalid("WorkerId", "Choose a member of the MASH");
        mash.WorkerId = worker.Id;
        mash.WorkerName = worker.DisplayName;
        await SaveAsync(mash, ct);
        await tx.CommitAsync(ct);
        return mash;
    }

    /// <summary>
    /// The initial rating (never changed afterwards), or a re-rating recorded beside it with its reason.
    /// The decision's due time follows the current rating, counted from the contact's receipt.
    /// </summary>
    public async Task<MashCase?> RateAsync(Actor actor, int caseId, Guid version, Rag rating, string? reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.WorkMashCase);
        if (!Enum.IsDefined(rating)) throw Refuse.Invalid("Rating", "Choose a RAG rating");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mash = await LoadForChangeAsync(actor, caseId, version, ct);
        if (mash is null) return null;
        EnsureOpen(mash);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var initial = mash.InitialRag is null;
        if (!initial)
        {
            if (rating == mash.CurrentRag) throw Refuse.Invalid("Rating", $"The case is already rated {Rags.Label(rating).ToLowerInvariant()}: choose a different rating to re-rate it");
            if (reason is null) throw Refuse.Invalid("Reason", "Enter the reason for re-rating: the initial rating stays on the record beside it");
        }
        if (reason?.Length > 4000) throw Refuse.Invalid("Reason", "The reason must be 4,000 characters or fewer");
        var now = Now;
        var previous = mash.CurrentRag;
        mash.InitialRag ??= rating;
        mash.CurrentRag = rating;
        mash.DueAtUtc = rules.MashDue(mash.Contact.ReceivedAtUtc, rating, mash.Contact.PoliceRag, calendar);
        mash.WorkerId ??= actor.UserId;
        mash.WorkerName ??= actor.DisplayName;
        mash.Ratings.Add(new RagRating
        {
            Rating = rating, IsInitial = initial, Reason = reason, RatedAtUtc = now, RatedById = actor.UserId, RatedByName = actor.DisplayName,
        });
        var summary = initial
            ? $"MASH rated contact {mash.Contact.Reference} {Rags.Label(rating).ToLowerInvariant()}{(reason is null ? "" : $": {ContactService.Shorten(reason)}")}"
            : $"MASH re-rated contact {mash.Contact.Reference} from {Rags.Label(previous!.Value).ToLowerInvariant()} to {Rags.Label(rating).ToLowerInvariant()}: {ContactService.Shorten(reason!)}";
        foreach (var child in Children(mash))
            ChronologyWriter.Add(db, child, now, now, actor, FrontDoorChronology.Area, FrontDoorChronology.Rated, summary, significant: rating is Rag.Red or Rag.RedImminentDanger);
        await SaveAsync(mash, ct);
        await appender.AppendAsync(db, Children(mash).Select(c => AccessRecord.By(actor, now, AccessAction.Changed, c,
            $"MASH case for contact {mash.Contact.Reference}: {(initial ? "rated" : "re-rated")}",
            JsonSerializer.Serialize(new { from = previous?.ToString(), to = rating.ToString(), reason }))).ToList(), ct);
        await tx.CommitAsync(ct);
        return mash;
    }

    /// <summary>Asks a partner agency what it knows. Due by the time the council sets for the case's current rating.</summary>
    public async Task<InformationRequest?> RequestAsync(Actor actor, int caseId, int agencyId, string question, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.WorkMashCase);
        if (string.IsNullOrWhiteSpace(question)) throw Refuse.Invalid("Question", "Enter what you are asking the agency");
        if (question.Length > 4000) throw Refuse.Invalid("Question", "The question must be 4,000 characters or fewer");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mash = await LoadAsync(actor, caseId, ct);
        if (mash is null) return null;
        EnsureOpen(mash);
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId && a.IsActive, ct)
            ?? throw Refuse.Invalid("AgencyId", "Choose an agency from the list");
        if (mash.Requests.Any(r => r.AgencyId == agencyId && r.IsOutstanding))
            throw Refuse.Invalid("AgencyId", $"{agency.Name} already has an unanswered request on this case");
        var now = Now;
        var rating = mash.CurrentRag ?? mash.Contact.PoliceRag ?? Rag.Red;
        var request = new InformationRequest
        {
            MashCaseId = mash.Id, AgencyId = agency.Id, Question = question.Trim(), SentAtUtc = now, SentById = actor.UserId,
            SentByName = actor.DisplayName, RatingWhenSent = rating, DueAtUtc = rules.AnswerDue(now, rating, calendar),
        };
        db.InformationRequests.Add(request);
        var due = Due(request.DueAtUtc);
        foreach (var child in Children(mash))
            ChronologyWriter.Add(db, child, now, now, actor, FrontDoorChronology.Area, FrontDoorChronology.InformationRequested,
                $"MASH asked {agency.Name} for information (contact {mash.Contact.Reference}), due {due}");
        await db.SaveChangesAsync(ct);
        await outbox.NotifyAgencyAsync(agency.Id, "Safeguard: a request for information is waiting for your agency",
            $"The MASH has asked {agency.Name} for information. Please answer it by {due}.\n\nSign in to Safeguard to read and answer it: {{BaseUrl}}/partner\n\nThis email holds no details about the child, on purpose.", ct);
        await appender.AppendAsync(db, Children(mash).Select(c => AccessRecord.By(actor, now, AccessAction.Changed, c,
            $"MASH case for contact {mash.Contact.Reference}: information requested from {agency.Name}")).ToList(), ct);
        await tx.CommitAsync(ct);
        return request;
    }

    /// <summary>The request is no longer needed (answers already arrived elsewhere, or the case was decided).</summary>
    public async Task<InformationRequest?> WithdrawRequestAsync(Actor actor, int requestId, Guid version, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.WorkMashCase);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await db.InformationRequests.Include(r => r.Agency).FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || await LoadAsync(actor, request.MashCaseId, ct) is not { } mash) return null;
        if (request.Version != version) throw RequestConflict();
        if (!request.IsOutstanding) throw Refuse.Invalid("RequestId", "This request has already been answered or withdrawn");
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        var now = Now;
        request.WithdrawnAtUtc = now;
        foreach (var child in Children(mash))
            ChronologyWriter.Add(db, child, now, now, actor, FrontDoorChronology.Area, FrontDoorChronology.InformationRequested,
                $"MASH withdrew its request to {request.Agency.Name} (contact {mash.Contact.Reference})");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw RequestConflict(); }
        await tx.CommitAsync(ct);
        return request;
    }

    public sealed record Decision(MashOutcome Outcome, string Rationale, int? ToTeamId = null, string? PrimaryNeedCode = null,
        bool? CountsAsReferral = null, DateTime? DecidedAtUtc = null);

    /// <summary>
    /// The MASH manager's decision, with the rationale. An assessment or a strategy discussion opens each child's
    /// referral with the team; no further action on a case rated amber or red is a referral with no further action
    /// (the DfE counts it), unless the manager says otherwise.
    /// </summary>
    public async Task<MashCase?> DecideAsync(Actor actor, int caseId, Guid version, Decision decision, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.DecideMashCase);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var mash = await LoadForChangeAsync(actor, caseId, version, ct);
        if (mash is null) return null;
        EnsureOpen(mash);
        if (!Enum.IsDefined(decision.Outcome)) throw Refuse.Invalid("Outcome", "Choose the decision");
        if (mash.CurrentRag is null) throw Refuse.Invalid("Outcome", "RAG-rate the case before deciding it");
        if (string.IsNullOrWhiteSpace(decision.Rationale)) throw Refuse.Invalid("Rationale", "Enter the rationale for the decision");
        if (decision.Rationale.Length > 8000) throw Refuse.Invalid("Rationale", "The rationale must be 8,000 characters or fewer");
        var now = Now;
        var decidedAt = decision.DecidedAtUtc ?? now;
        if (decidedAt < mash.Contact.ReceivedAtUtc) throw Refuse.Invalid("DecidedAtUtc", "The decision cannot be before the contact was received");
        if (decidedAt > now.AddMinutes(5)) throw Refuse.Invalid("DecidedAtUtc", "The decision cannot be in the future");

        mash.Outcome = decision.Outcome;
        mash.Rationale = decision.Rationale.Trim();
        mash.DecidedAtUtc = decidedAt;
        mash.DecidedById = actor.UserId;
        mash.DecidedByName = actor.DisplayName;
        mash.Contact.Stage = ContactStage.Closed;
        foreach (var open in mash.Requests.Where(r => r.IsOutstanding)) open.WithdrawnAtUtc = now;
        await SaveAsync(mash, ct);

        Access.Team? team = null;
        switch (decision.Outcome)
        {
            case MashOutcome.EarlyHelp:
                team = await Episodes.TeamForAsync(db, decision.ToTeamId, earlyHelp: true, ct);
                Episodes.StartEarlyHelp(db, mash.Contact, team, decidedAt, actor, FrontDoorChronology.Area);
                break;
            case MashOutcome.Assessment or MashOutcome.StrategyDiscussion:
                team = await Episodes.TeamForAsync(db, decision.ToTeamId, earlyHelp: false, ct);
                await Episodes.OpenReferralsAsync(db, mash.Contact, team, PrimaryNeed(decision), noFurtherAction: false,
                    strategyDiscussion: decision.Outcome == MashOutcome.StrategyDiscussion, decidedAt, actor, FrontDoorChronology.Area, ct);
                break;
            case MashOutcome.NoFurtherAction:
                mash.CountsAsReferral = decision.CountsAsReferral ?? mash.CurrentRag is Rag.Amber or Rag.Red or Rag.RedImminentDanger;
                if (mash.CountsAsReferral)
                    await Episodes.OpenReferralsAsync(db, mash.Contact, null, PrimaryNeed(decision) , noFurtherAction: true, strategyDiscussion: false,
                        decidedAt, actor, FrontDoorChronology.Area, ct);
                break;
        }
        mash.ToTeamId = team?.Id;
        var summary = $"MASH decision on contact {mash.Contact.Reference}: {MashCase.Label(decision.Outcome)}{(team is null ? "" : $" ({team.Name})")}. {ContactService.Shorten(mash.Rationale)}";
        foreach (var child in Children(mash))
            ChronologyWriter.Add(db, child, decidedAt, now, actor, FrontDoorChronology.Area, FrontDoorChronology.MashDecision, summary, significant: true);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, Children(mash).Select(c => AccessRecord.By(actor, now, AccessAction.Changed, c,
            $"MASH case for contact {mash.Contact.Reference}: decided",
            JsonSerializer.Serialize(new { outcome = decision.Outcome.ToString(), team = team?.Name, rationale = mash.Rationale }))).ToList(), ct);
        await tx.CommitAsync(ct);
        return mash;
    }

    private static string PrimaryNeed(Decision decision)
    {
        var need = decision.PrimaryNeedCode ?? "N0";
        return FrontDoorCodes.PrimaryNeed.IsValid(need) ? need : throw Refuse.Invalid("PrimaryNeedCode", "Choose the child's primary need");
    }

    internal static IEnumerable<Guid> Children(MashCase mash) =>
        mash.Contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value);

    internal static string Due(DateTime dueUtc) => Timescale.Describe(dueUtc);

    private static void EnsureOpen(MashCase mash)
    {
        if (!mash.IsOpen) throw Refuse.Invalid("Outcome", "This MASH case has been decided: it can no longer change");
    }

    /// <summary>The case, if the actor may see every child on it (a restricted child hides the case).</summary>
    private async Task<MashCase?> LoadAsync(Actor actor, int caseId, CancellationToken ct)
    {
        var mash = await db.MashCases.Include(m => m.Contact).ThenInclude(c => c.Children).Include(m => m.Ratings).Include(m => m.Requests)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == caseId, ct);
        if (mash is null) return null;
        var ids = Children(mash).ToList();
        return await access.VisiblePeople(actor).CountAsync(p => ids.Contains(p.Id), ct) == ids.Count ? mash : null;
    }

    private async Task<MashCase?> LoadForChangeAsync(Actor actor, int caseId, Guid version, CancellationToken ct)
    {
        var mash = await LoadAsync(actor, caseId, ct);
        if (mash is null) return null;
        if (mash.Version != version) throw Conflict(mash);
        db.Entry(mash).Property(m => m.Version).OriginalValue = version;
        return mash;
    }

    private async Task SaveAsync(MashCase mash, CancellationToken ct)
    {
        try
        {
            if (db.Entry(mash).State == EntityState.Unchanged) db.Entry(mash).State = EntityState.Modified;
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict(mash);
        }
    }

    private static ConcurrencyConflictException Conflict(MashCase mash) =>
        new($"The MASH case for contact {mash.Contact.Reference} was changed by someone else while you were working on it. Nothing you entered has been saved: check the case and try again.");

    internal static ConcurrencyConflictException RequestConflict() =>
        new("This request was changed by someone else while you were working on it. Nothing has been saved: check it and try again.");
}
