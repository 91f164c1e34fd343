using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People.Codes;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// A child and family assessment from start to authorisation: the worker starts it on the child's open referral,
/// saves it part-way as often as needed, and submits it; a manager other than the worker authorises it or sends it
/// back with the reason. Each step is on the child's chronology and in the access log.
/// </summary>
public sealed class AssessmentService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views, SocialWorkRules rules,
    WorkingDayCalendar calendar, TimeProvider clock)
{
    public const int MaxText = 20_000;

    /// <summary>The census's factors identified at assessment: the contact's factors, and 21 "no factors identified".</summary>
    public static readonly CodeList Factors = new([.. FrontDoorCodes.Factors.Items, new CodeItem("21", "No factors identified")]);

    /// <summary>What the worker has written so far; every field may be empty until it is submitted.</summary>
    public sealed record Draft(DateOnly? ChildSeenOn, DateOnly? ChildSeenAloneOn, string? NotSeenAloneReason, IReadOnlyList<string> FactorCodes,
        string? Analysis, string? ChildViews, string? FamilyViews, AssessmentOutcome? Outcome, string? PrimaryNeedCode, string? LateReason);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>One assessment with everything written so far, for the worker or the manager; null when it is not theirs to open.</summary>
    public async Task<Assessment?> OpenAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Factors).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null || !await cases.CanOpenAsync(actor, assessment.PersonId, ct)) return null;
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, assessment.PersonId, $"Assessment {id}"), ct);
        return assessment;
    }

    /// <summary>The child's assessments, newest first (without their text), for the case page.</summary>
    public Task<List<Assessment>> ForChildAsync(Guid personId, CancellationToken ct = default) =>
        db.Assessments.AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.StartDate).ThenByDescending(a => a.Id).ToListAsync(ct);

    /// <summary>Whether an assessment can be started: the child has an open referral (not NFA) with no assessment in progress.</summary>
    public async Task<bool> CanStartAsync(Guid personId, CancellationToken ct = default)
    {
        var referral = await db.Referrals.Where(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ReferralDate).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return referral is { } id && !await db.Assessments.AnyAsync(a => a.ReferralId == id && a.Stage != AssessmentStage.Authorised, ct);
    }

    /// <summary>The manager's decisions on an assessment, oldest first: each authorisation or return with its reason.</summary>
    public Task<List<Authorisation>> DecisionsAsync(int id, CancellationToken ct = default) =>
        db.Authorisations.AsNoTracking().Where(a => a.Subject == AuthorisationSubject.Assessment && a.SubjectId == id).OrderBy(a => a.AtUtc).ToListAsync(ct);

    /// <summary>Starts an assessment on the child's open referral. The start date is today unless given (not before the referral, not in the future).</summary>
    public async Task<Assessment?> StartAsync(Actor actor, Guid personId, DateOnly? startDate, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AssessChild);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var referral = await db.Referrals.Where(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct)
            ?? throw Refuse.Invalid("PersonId", "The child has no open referral to assess: a referral comes from the front door");
        if (await db.Assessments.AnyAsync(a => a.ReferralId == referral.Id && a.Stage != AssessmentStage.Authorised, ct))
            throw Refuse.Invalid("PersonId", "The child already has an assessment in progress: carry on with it");
        var start = startDate ?? Today;
        if (start < referral.ReferralDate)
            throw Refuse.Invalid("StartDate", $"The start date must be on or after the referral date, {referral.ReferralDate:d MMMM yyyy}");
        if (start > Today) throw Refuse.Invalid("StartDate", "The start date cannot be in the future");

        var holder = await db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null)
            .OrderByDescending(i => i.StartDate).Select(i => new { TeamId = i.TeamId!.Value, i.WorkerId, Worker = i.Worker == null ? null : i.Worker.DisplayName })
            .FirstOrDefaultAsync(ct);
        var now = Now;
        var assessment = new Assessment
        {
            PersonId = personId, ReferralId = referral.Id, TeamId = holder?.TeamId ?? referral.TeamId ?? 0,
            WorkerId = holder?.WorkerId ?? actor.UserId, WorkerName = holder?.Worker ?? actor.DisplayName,
            StartDate = start, DueDate = rules.Assessment.DueDate(referral.ReferralDate, calendar),
            ChildSeenDueDate = rules.ChildSeen.DueDate(referral.ReferralDate, calendar),
            PrimaryNeedCode = referral.PrimaryNeedCode == "N0" ? null : referral.PrimaryNeedCode,
            Stage = AssessmentStage.InProgress, CreatedAtUtc = now, UpdatedAtUtc = now, Version = Guid.NewGuid(),
        };
        if (assessment.TeamId == 0) throw Refuse.Invalid("PersonId", "The child is not open to a team: allocate the referral first");
        db.Assessments.Add(assessment);
        ChronologyWriter.Add(db, personId, now, now, actor, SocialWorkChronology.Area, SocialWorkChronology.AssessmentStarted,
            $"Child and family assessment started {start:d MMMM yyyy} by {assessment.WorkerName}; due by {assessment.DueDate:d MMMM yyyy}", significant: false);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Assessment {assessment.Id} started")], ct);
        await tx.CommitAsync(ct);
        return assessment;
    }

    /// <summary>Saves what has been written so far. Dates are checked now; completeness is checked when it is submitted.</summary>
    public async Task<Assessment?> SaveAsync(Actor actor, int id, Guid version, Draft draft, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AssessChild);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (assessment, referralDate) = await LoadForChangeAsync(actor, id, version, ct);
        if (assessment is null) return null;
        if (assessment.Stage == AssessmentStage.Authorised) throw Refuse.Invalid("Analysis", "This assessment has been authorised: it can no longer change");
        Apply(assessment, draft, referralDate, Today);
        await SaveAsync(actor, assessment, "saved", ct);
        await tx.CommitAsync(ct);
        return assessment;
    }

    /// <summary>Saves and sends it to the manager. Everything the census and the manager need must be there; a late one needs its reason.</summary>
    public async Task<Assessment?> SubmitAsync(Actor actor, int id, Guid version, Draft draft, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AssessChild);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (assessment, referralDate) = await LoadForChangeAsync(actor, id, version, ct);
        if (assessment is null) return null;
        if (assessment.Stage != AssessmentStage.InProgress) throw Refuse.Invalid("Analysis", "This assessment has already been sent to the manager");
        Apply(assessment, draft, referralDate, Today);
        var missing = Missing(assessment, Today);
        if (missing.Count > 0) throw new FluentValidation.ValidationException(missing);
        var now = Now;
        assessment.Stage = AssessmentStage.AwaitingAuthorisation;
        assessment.SubmittedAtUtc = now;
        ChronologyWriter.Add(db, assessment.PersonId, now, now, actor, SocialWorkChronology.Area, SocialWorkChronology.AssessmentSubmitted,
            $"Child and family assessment sent to the manager for authorisation (outcome: {Label(assessment.Outcome!.Value).ToLowerInvariant()})", significant: false);
        await SaveAsync(actor, assessment, "submitted", ct);
        await tx.CommitAsync(ct);
        return assessment;
    }

    /// <summary>
    /// The manager authorises it (completing it on today's date) or sends it back with the reason. A worker cannot
    /// authorise their own assessment, and a manager cannot authorise one they wrote.
    /// </summary>
    public async Task<Assessment?> AuthoriseAsync(Actor actor, int id, Guid version, bool approve, string? reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AuthoriseWork);
        var why = ManagerDecision.Reason(reason, approve ? "Enter your reasons for authorising it: the record shows why" : "Enter what needs to change before you can authorise it");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (assessment, _) = await LoadForChangeAsync(actor, id, version, ct);
        if (assessment is null) return null;
        if (assessment.Stage != AssessmentStage.AwaitingAuthorisation) throw Refuse.Invalid("Reason", "This assessment is not waiting for authorisation");
        if (assessment.WorkerId == actor.UserId) throw new AccessDeniedException("You cannot authorise an assessment you wrote: another manager must.");
        var now = Now;
        ManagerDecision.Record(db, actor, assessment.PersonId, AuthorisationSubject.Assessment, assessment.Id, approve, why, now);
        if (approve)
        {
            assessment.Stage = AssessmentStage.Authorised;
            assessment.AuthorisedOn = Today;
            assessment.AuthorisedAtUtc = now;
            assessment.AuthorisedById = actor.UserId;
            assessment.AuthorisedByName = actor.DisplayName;
            // The census's primary need is the one reviewed at assessment.
            var referral = await db.Referrals.FirstAsync(r => r.Id == assessment.ReferralId, ct);
            referral.PrimaryNeedCode = assessment.PrimaryNeedCode!;
        }
        else
        {
            assessment.Stage = AssessmentStage.InProgress;
        }
        var late = approve && assessment.AuthorisedOn > assessment.DueDate ? $" ({calendar.WorkingDaysBetween(assessment.DueDate, assessment.AuthorisedOn!.Value)} working days late)" : "";
        ChronologyWriter.Add(db, assessment.PersonId, now, now, actor, SocialWorkChronology.Area,
            approve ? SocialWorkChronology.AssessmentAuthorised : SocialWorkChronology.AssessmentReturned,
            approve ? $"Child and family assessment authorised by {actor.DisplayName}{late}: {Label(assessment.Outcome!.Value).ToLowerInvariant()}. {ContactService.Shorten(why)}"
                : $"Child and family assessment returned to {assessment.WorkerName} by {actor.DisplayName}: {ContactService.Shorten(why)}",
            significant: approve);
        await SaveAsync(actor, assessment, approve ? "authorised" : "returned to the worker", ct);
        await tx.CommitAsync(ct);
        return assessment;
    }

    /// <summary>What must be there before it goes to the manager, each against its field.</summary>
    public static List<FluentValidation.Results.ValidationFailure> Missing(Assessment a, DateOnly today)
    {
        var missing = new List<FluentValidation.Results.ValidationFailure>();
        void Need(bool ok, string field, string message) { if (!ok) missing.Add(new(field, message)); }
        Need(a.ChildSeenOn is not null, nameof(Draft.ChildSeenOn), "Enter the date the child was seen: an assessment needs the child seen");
        Need(a.ChildSeenAloneOn is not null || !string.IsNullOrWhiteSpace(a.NotSeenAloneReason), nameof(Draft.ChildSeenAloneOn),
            "Enter the date the child was seen alone, or why they were not");
        Need(a.Factors.Count > 0, nameof(Draft.FactorCodes), "Choose the factors identified, or \"no factors identified\"");
        Need(a.ChildSeenAloneOn is null || a.ChildSeenOn is null || a.ChildSeenAloneOn >= a.ChildSeenOn, nameof(Draft.ChildSeenAloneOn),
            "The child cannot have been seen alone before they were first seen: check both dates");
        Need(!string.IsNullOrWhiteSpace(a.Analysis), nameof(Draft.Analysis), "Enter your analysis");
        Need(!string.IsNullOrWhiteSpace(a.ChildViews), nameof(Draft.ChildViews), "Enter the child's views, or how you understood them if the child cannot say");
        Need(!string.IsNullOrWhiteSpace(a.FamilyViews), nameof(Draft.FamilyViews), "Enter the family's views");
        Need(a.Outcome is not null, nameof(Draft.Outcome), "Choose the outcome");
        Need(a.PrimaryNeedCode is not null, nameof(Draft.PrimaryNeedCode), "Choose the child's primary need");
        Need(today <= a.DueDate || !string.IsNullOrWhiteSpace(a.LateReason), nameof(Draft.LateReason),
            $"The assessment was due by {a.DueDate:d MMMM yyyy}: enter why it is late");
        return missing;
    }

    private static void Apply(Assessment a, Draft d, DateOnly referralDate, DateOnly today)
    {
        if (d.ChildSeenOn is { } seen && seen < referralDate)
            throw Refuse.Invalid(nameof(Draft.ChildSeenOn), $"The date the child was seen must be on or after the referral date, {referralDate:d MMMM yyyy}");
        if (d.ChildSeenAloneOn is { } alone && alone < referralDate)
            throw Refuse.Invalid(nameof(Draft.ChildSeenAloneOn), $"The date the child was seen alone must be on or after the referral date, {referralDate:d MMMM yyyy}");
        if (d.ChildSeenOn > today) throw Refuse.Invalid(nameof(Draft.ChildSeenOn), "The date the child was seen cannot be in the future");
        if (d.ChildSeenAloneOn > today) throw Refuse.Invalid(nameof(Draft.ChildSeenAloneOn), "The date the child was seen alone cannot be in the future");
        var codes = d.FactorCodes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.FirstOrDefault(c => Factors.Label(c) is null) is { } bad)
            throw Refuse.Invalid(nameof(Draft.FactorCodes), $"'{bad}' is not a DfE factor code");
        if (codes.Contains("21") && codes.Count > 1)
            throw Refuse.Invalid(nameof(Draft.FactorCodes), "\"No factors identified\" cannot go with other factors");
        if (d.PrimaryNeedCode is { } need && FrontDoorCodes.PrimaryNeed.Label(need) is null)
            throw Refuse.Invalid(nameof(Draft.PrimaryNeedCode), "Choose a primary need from the list");
        if (d.Outcome is { } outcome && !Enum.IsDefined(outcome)) throw Refuse.Invalid(nameof(Draft.Outcome), "Choose an outcome from the list");
        foreach (var (field, text) in new[] { (nameof(Draft.Analysis), d.Analysis), (nameof(Draft.ChildViews), d.ChildViews),
                     (nameof(Draft.FamilyViews), d.FamilyViews), (nameof(Draft.LateReason), d.LateReason), (nameof(Draft.NotSeenAloneReason), d.NotSeenAloneReason) })
            if (text?.Length > MaxText) throw Refuse.Invalid(field, $"This must be {MaxText:N0} characters or fewer");

        a.ChildSeenOn = d.ChildSeenOn;
        a.ChildSeenAloneOn = d.ChildSeenAloneOn;
        a.NotSeenAloneReason = Tidy(d.NotSeenAloneReason);
        a.Analysis = Tidy(d.Analysis);
        a.ChildViews = Tidy(d.ChildViews);
        a.FamilyViews = Tidy(d.FamilyViews);
        a.Outcome = d.Outcome;
        a.PrimaryNeedCode = d.PrimaryNeedCode;
        a.LateReason = Tidy(d.LateReason);
        a.Factors.RemoveAll(f => !codes.Contains(f.Code));
        a.Factors.AddRange(codes.Where(c => a.Factors.All(f => f.Code != c)).Select(c => new AssessmentFactor { Code = c }));
    }

    private async Task<(Assessment? Assessment, DateOnly ReferralDate)> LoadForChangeAsync(Actor actor, int id, Guid version, CancellationToken ct)
    {
        var assessment = await db.Assessments.Include(a => a.Factors).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null || !await cases.CanOpenAsync(actor, assessment.PersonId, ct)) return (null, default);
        if (assessment.Version != version)
            throw new ConcurrencyConflictException("Someone else saved this assessment since you opened it. Your text is still on the page: compare it with theirs, then save again.");
        var referralDate = await db.Referrals.Where(r => r.Id == assessment.ReferralId).Select(r => r.ReferralDate).FirstAsync(ct);
        return (assessment, referralDate);
    }

    private async Task SaveAsync(Actor actor, Assessment assessment, string what, CancellationToken ct)
    {
        var now = Now;
        assessment.UpdatedAtUtc = now;
        assessment.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, assessment.PersonId, $"Assessment {assessment.Id} {what}")], ct);
    }

    public static string Label(AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.NoFurtherAction => "No further action",
        AssessmentOutcome.EarlyHelp => "Early help",
        AssessmentOutcome.ChildInNeedPlan => "A child in need plan",
        AssessmentOutcome.StrategyDiscussion => "A strategy discussion",
        AssessmentOutcome.BecomesLookedAfter => "Becoming looked after",
        _ => outcome.ToString(),
    };
}
