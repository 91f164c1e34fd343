using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// Child protection conferences, chaired independently: the chairs' list of conferences to arrange and hold with
/// their due dates; arranging one (never for a child on the chair's own caseload); who is invited and asked for a
/// report; and holding it, with attendance, the child's and parents' participation and views, the decision and the
/// category. An initial conference deciding on a plan starts it (with its first core group and review due); a
/// review continues it or ends it.
/// </summary>
public sealed class ConferenceService(SafeguardDbContext db, RecordAccess records, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views,
    ChildProtectionDues dues, ChildProtectionRules rules, TimeProvider clock)
{
    public const int MaxText = 8000;

    /// <summary>One line of the chairs' list.</summary>
    public sealed record Listed(int Id, Guid PersonId, string ChildName, ConferenceKind Kind, DateOnly DueDate, DateTime? ScheduledForUtc,
        string? ChairName, int TeamId, int ReportsAsked, int ReportsIn);

    public sealed record NewMember(ProfessionalRole? Role, string? Name, int? AgencyId, string? UserId, bool ReportRequested);

    public sealed record Attendance(int MemberId, bool Attended);

    /// <summary>What the chair records when the conference is held.</summary>
    public sealed record Held(DateOnly? HeldOn, IReadOnlyList<Attendance> Attendance, Participation? ChildParticipation, string? ChildViews,
        Participation? ParentsParticipation, string? ParentsViews, ConferenceDecision? Decision, string? Category, string? SubCategory,
        bool? PlanWorking, string? PlanWorkingReason, string? WorkNotDone, string? DecisionReason, PlanEndReason? PlanEndReason);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>Conferences still to hold, soonest due first (at most <paramref name="take"/>): every chair's, or one chair's own.</summary>
    public async Task<List<Listed>> ToHoldAsync(Actor actor, string? chairId, int take = 500, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ChairConference);
        var hidden = records.HiddenPeople(actor);
        var query = db.Conferences.AsNoTracking().Where(c => c.HeldOn == null && !hidden.Any(p => p.Id == c.PersonId));
        if (chairId is not null) query = query.Where(c => c.ChairId == chairId);
        return await query.OrderBy(c => c.DueDate).ThenBy(c => c.Id).Take(Math.Clamp(take, 1, 2000))
            .Select(c => new Listed(c.Id, c.PersonId, db.People.Where(p => p.Id == c.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault() ?? "",
                c.Kind, c.DueDate, c.ScheduledForUtc, c.ChairName, c.TeamId, c.Members.Count(m => m.ReportRequested), c.Members.Count(m => m.ReportRequested && m.ReportSubmittedAtUtc != null)))
            .ToListAsync(ct);
    }

    /// <summary>One conference with its members; null when the actor may not see the child.</summary>
    public async Task<ChildProtectionConference?> OpenAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var conference = await db.Conferences.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (conference is null || !await MayOpenAsync(actor, conference, ct)) return null;
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, conference.PersonId, $"Child protection conference {id}"), ct);
        return conference;
    }

    /// <summary>
    /// A chair arranges the conference for a date and time, chaired by themselves or another chair; a chair who holds
    /// the child's case (or any open case of the child) cannot chair it.
    /// </summary>
    public async Task<ChildProtectionConference?> ArrangeAsync(Actor actor, int id, Guid version, DateTime? forUtc, string? chairId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ChairConference);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conference = await LoadForChangeAsync(actor, id, version, ct);
        if (conference is null) return null;
        var failures = new List<ValidationFailure>();
        if (forUtc is null) failures.Add(new ValidationFailure("ScheduledForUtc", "Enter the date and time of the conference"));
        var chairUserId = string.IsNullOrWhiteSpace(chairId) ? actor.UserId : chairId.Trim();
        var chair = await db.Users.Where(u => u.Id == chairUserId && u.IsActive).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var isChair = chair is not null && await db.UserRoles.AnyAsync(r => r.UserId == chair.Id
            && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.ConferenceChair), ct);
        if (!isChair) failures.Add(new ValidationFailure("ChairId", "Choose a conference chair"));
        else if (await db.Involvements.AnyAsync(i => i.PersonId == conference.PersonId && i.EndDate == null && i.WorkerId == chair!.Id, ct))
            failures.Add(new ValidationFailure("ChairId", $"{chair!.DisplayName} holds this child's case: a chair cannot chair a conference for a child on their own caseload"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        conference.ScheduledForUtc = DateTime.SpecifyKind(forUtc!.Value, DateTimeKind.Utc);
        conference.ChairId = chair!.Id;
        conference.ChairName = chair.DisplayName;
        await SaveAsync(actor, conference, "arranged", ct);
        await tx.CommitAsync(ct);
        return conference;
    }

    /// <summary>Invites people to the conference, each as a professional role (or family), and asks for their reports.</summary>
    public async Task<ChildProtectionConference?> InviteAsync(Actor actor, int id, Guid version, IReadOnlyList<NewMember> members, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ChairConference);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conference = await LoadForChangeAsync(actor, id, version, ct);
        if (conference is null) return null;
        var failures = new List<ValidationFailure>();
        if (members.Count == 0) failures.Add(new ValidationFailure("Members", "Add at least one person to invite"));
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            if (m.Role is not { } role || !Enum.IsDefined(role)) failures.Add(new ValidationFailure($"Members[{i}].Role", "Choose who this person is there as"));
            if (Tidy(m.Name) is not { } name) failures.Add(new ValidationFailure($"Members[{i}].Name", "Enter the person's name"));
            else if (name.Length > 200) failures.Add(new ValidationFailure($"Members[{i}].Name", "The name must be 200 characters or fewer"));
            if (m.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
                failures.Add(new ValidationFailure($"Members[{i}].UserId", "Choose someone who uses Safeguard, or leave it empty"));
        }
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
        foreach (var m in members)
            db.ConferenceMembers.Add(new ConferenceMember
            {
                ConferenceId = conference.Id, Role = m.Role!.Value, Name = Tidy(m.Name)!, AgencyId = m.AgencyId, UserId = m.UserId, ReportRequested = m.ReportRequested,
            });
        await SaveAsync(actor, conference, $"{members.Count} invited", ct);
        await tx.CommitAsync(ct);
        return conference;
    }

    /// <summary>
    /// A child on a plan in another council has moved here: the worker asks for a transfer-in conference, due 15 working
    /// days after this council was told (Working Together), on the chairs' list marked as such. Refused while the child
    /// is already on a plan here or has a conference waiting. Null when the case is not the actor's to open.
    /// </summary>
    public async Task<ChildProtectionConference?> RequestTransferInAsync(Actor actor, Guid personId, DateOnly? notifiedOn, string? fromCouncil, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordSection47);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var teamId = await db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null)
            .OrderByDescending(i => i.StartDate).Select(i => i.TeamId).FirstOrDefaultAsync(ct);
        if (teamId is null) throw await cases.ClosedRefusalAsync(personId, "a transfer-in conference", ct);
        var failures = new List<ValidationFailure>();
        if (notifiedOn is not { } on) failures.Add(new("NotifiedOn", "Enter the date the other council told us the child had moved here"));
        else if (on > Today) failures.Add(new("NotifiedOn", "The date we were told cannot be in the future"));
        var council = Tidy(fromCouncil);
        if (council is null) failures.Add(new("FromCouncil", "Enter the council whose plan the child is on"));
        else if (council.Length > 200) failures.Add(new("FromCouncil", "The council's name must be 200 characters or fewer"));
        if (await db.ChildProtectionPlans.AnyAsync(p => p.PersonId == personId && p.EndDate == null, ct))
            failures.Add(new("NotifiedOn", "The child is already on a child protection plan here"));
        else if (await db.Conferences.AnyAsync(c => c.PersonId == personId && c.HeldOn == null, ct))
            failures.Add(new("NotifiedOn", "A conference is already waiting to be held for the child: hold that one"));
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        var conference = new ChildProtectionConference
        {
            PersonId = personId, Kind = ConferenceKind.TransferIn, TeamId = teamId.Value, DueDate = dues.InitialConference(notifiedOn!.Value),
            CreatedAtUtc = now, Version = Guid.NewGuid(),
        };
        db.Conferences.Add(conference);
        await db.SaveChangesAsync(ct);
        ChronologyWriter.Add(db, personId, WorkingDayCalendar.FromUkLocal(notifiedOn.Value.ToDateTime(TimeOnly.MinValue)).UtcDateTime, now, actor,
            ChildProtectionChronology.Area, ChildProtectionChronology.Conference,
            $"Moved here on a child protection plan of {council}: transfer-in conference due by {conference.DueDate:d MMMM yyyy}", significant: true,
            link: $"/conferences/{conference.Id}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Transfer-in conference {conference.Id} asked for")], ct);
        await tx.CommitAsync(ct);
        return conference;
    }

    /// <summary>A report a partner has been asked for: for which child's conference, when.</summary>
    public sealed record ReportToWrite(int MemberId, int ConferenceId, ConferenceKind Kind, ProfessionalRole Role, string ChildName, DateOnly DueDate, DateTime? ScheduledForUtc);

    /// <summary>The reports a partner has been asked for and not yet sent, soonest conference first.</summary>
    public Task<List<ReportToWrite>> ReportsToWriteAsync(Actor actor, CancellationToken ct = default) => ReportsToWrite(actor, null).ToListAsync(ct);

    private IQueryable<ReportToWrite> ReportsToWrite(Actor actor, int? memberId)
    {
        Refuse.Unless(actor, Capabilities.SubmitConferenceReport);
        return db.ConferenceMembers.AsNoTracking().Where(m => m.UserId == actor.UserId && m.ReportRequested && m.ReportSubmittedAtUtc == null)
            .Where(m => memberId == null || m.Id == memberId)
            .Join(db.Conferences.Where(c => c.HeldOn == null), m => m.ConferenceId, c => c.Id, (m, c) => new { m, c })
            .OrderBy(x => x.c.DueDate)
            .Select(x => new ReportToWrite(x.m.Id, x.c.Id, x.c.Kind, x.m.Role,
                db.People.Where(p => p.Id == x.c.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault() ?? "", x.c.DueDate, x.c.ScheduledForUtc));
    }

    /// <summary>
    /// One report a partner has been asked for and not yet sent, with the child's date of birth so they can be sure of
    /// the child; the read is logged against the child. Null when it is not theirs, or already sent.
    /// </summary>
    public async Task<(ReportToWrite Report, DateOnly? DateOfBirth)?> ReportToWriteAsync(Actor actor, int memberId, CancellationToken ct = default)
    {
        var report = await ReportsToWrite(actor, memberId).FirstOrDefaultAsync(ct);
        if (report is null) return null;
        var child = await db.Conferences.Where(c => c.Id == report.ConferenceId)
            .Select(c => new { c.PersonId, Born = db.People.Where(p => p.Id == c.PersonId).Select(p => p.DateOfBirth).FirstOrDefault() }).FirstAsync(ct);
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, child.PersonId, $"Report asked for conference {report.ConferenceId}"), ct);
        return (report, child.Born);
    }

    /// <summary>A partner sends the report they were asked for, before the conference is held. Null when it is not theirs.</summary>
    public async Task<ConferenceMember?> SubmitReportAsync(Actor actor, int memberId, string? report, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.SubmitConferenceReport);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var member = await db.ConferenceMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.UserId == actor.UserId, ct);
        if (member is null) return null;
        var conference = await db.Conferences.FirstAsync(c => c.Id == member.ConferenceId, ct);
        if (conference.HeldOn is not null) throw Refuse.Invalid("Report", $"The conference was held on {conference.HeldOn:d MMMM yyyy}: send anything new to the child's social worker");
        var text = Tidy(report);
        if (text is null) throw Refuse.Invalid("Report", "Enter your report");
        if (text.Length > 20_000) throw Refuse.Invalid("Report", "The report must be 20,000 characters or fewer");
        var now = Now;
        member.Report = text;
        member.ReportSubmittedAtUtc = now;
        member.ReportSubmittedByName = actor.DisplayName;
        conference.Version = Guid.NewGuid();
        ChronologyWriter.Add(db, conference.PersonId, now, now, actor, ChildProtectionChronology.Area, ChildProtectionChronology.Conference,
            $"Report for the {Label(conference.Kind).ToLowerInvariant()} sent by {actor.DisplayName} ({ProfessionalRoles.Label(member.Role)})", significant: false,
            link: $"/conferences/{conference.Id}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, conference.PersonId, $"Report for conference {conference.Id}")], ct);
        await tx.CommitAsync(ct);
        return member;
    }

    /// <summary>
    /// The chair records the conference as held. An initial (or transfer-in) conference deciding on a plan starts it:
    /// the child's case becomes a child protection case, the first core group and review are due. A review continues
    /// the plan (its latest category, the next review due) or ends it.
    /// </summary>
    public async Task<ChildProtectionConference?> HoldAsync(Actor actor, int id, Guid version, Held input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ChairConference);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var conference = await LoadForChangeAsync(actor, id, version, ct);
        if (conference is null) return null;
        await db.Entry(conference).Collection(c => c.Members).LoadAsync(ct);
        var review = conference.Kind == ConferenceKind.Review;
        var plan = conference.PlanId is { } planId ? await db.ChildProtectionPlans.FirstAsync(p => p.Id == planId, ct) : null;
        var after = await EarliestAsync(conference, plan, ct);

        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        if (conference.ChairId != actor.UserId) Fail("ChairId", "Only the conference's chair records it: arrange it with yourself as chair first");
        if (input.HeldOn is not { } heldOn) Fail(nameof(Held.HeldOn), "Enter the date the conference was held");
        else if (heldOn > Today) Fail(nameof(Held.HeldOn), "The conference date cannot be in the future");
        else if (heldOn < after.Date) Fail(nameof(Held.HeldOn), $"The conference cannot be before {after.What} on {after.Date:d MMMM yyyy}");
        foreach (var a in input.Attendance ?? [])
            if (conference.Members.All(m => m.Id != a.MemberId)) Fail(nameof(Held.Attendance), "Record attendance only for the people invited");
        if (input.ChildParticipation is not { } child || !Enum.IsDefined(child)) Fail(nameof(Held.ChildParticipation), "Choose how the child took part");
        if (input.ParentsParticipation is not { } parents || !Enum.IsDefined(parents)) Fail(nameof(Held.ParentsParticipation), "Choose how the parents took part");
        var decision = input.Decision;
        var allowed = review ? new[] { ConferenceDecision.ContinuePlan, ConferenceDecision.EndPlan } : [ConferenceDecision.Plan, ConferenceDecision.NoPlan];
        if (decision is not { } d || !allowed.Contains(d))
            Fail(nameof(Held.Decision), review ? "Choose whether the plan continues or ends" : "Choose whether the child is to be the subject of a child protection plan");
        var needsCategory = decision is ConferenceDecision.Plan or ConferenceDecision.ContinuePlan;
        if (needsCategory && !AbuseCategories.IsValid(input.Category)) Fail(nameof(Held.Category), "Choose the category of abuse");
        else if (needsCategory && !rules.IsValidSubCategory(input.Category!, Tidy(input.SubCategory)))
            Fail(nameof(Held.SubCategory), "Choose a sub-category of the category chosen, or none");
        if (review)
        {
            // Inspectors want reviews that test whether the plan is working and challenge work not done.
            if (input.PlanWorking is null) Fail(nameof(Held.PlanWorking), "Say whether the plan is working");
            if (Tidy(input.PlanWorkingReason) is null) Fail(nameof(Held.PlanWorkingReason), "Enter the evidence that the plan is, or is not, working");
            if (Tidy(input.WorkNotDone) is null) Fail(nameof(Held.WorkNotDone), "Enter the work agreed that was not done, and the challenge made (or \"none\")");
            if (decision == ConferenceDecision.EndPlan && (input.PlanEndReason is not { } why || !Enum.IsDefined(why)))
                Fail(nameof(Held.PlanEndReason), "Choose why the plan ends");
        }
        if (Tidy(input.DecisionReason) is not { } reasons) Fail(nameof(Held.DecisionReason), "Enter the reasons for the decision");
        else if (reasons.Length > MaxText) Fail(nameof(Held.DecisionReason), $"The reasons must be {MaxText:N0} characters or fewer");
        foreach (var (field, text) in new[] { (nameof(Held.ChildViews), input.ChildViews), (nameof(Held.ParentsViews), input.ParentsViews),
            (nameof(Held.PlanWorkingReason), input.PlanWorkingReason), (nameof(Held.WorkNotDone), input.WorkNotDone) })
            if (Tidy(text)?.Length > MaxText) Fail(field, $"This must be {MaxText:N0} characters or fewer");
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        var held = input.HeldOn!.Value;
        conference.HeldOn = held;
        conference.ChildParticipation = input.ChildParticipation;
        conference.ChildViews = Tidy(input.ChildViews);
        conference.ParentsParticipation = input.ParentsParticipation;
        conference.ParentsViews = Tidy(input.ParentsViews);
        conference.Decision = decision;
        conference.Category = needsCategory ? input.Category : null;
        conference.SubCategory = needsCategory ? Tidy(input.SubCategory) : null;
        conference.PlanWorking = review ? input.PlanWorking : null;
        conference.PlanWorkingReason = review ? Tidy(input.PlanWorkingReason) : null;
        conference.WorkNotDone = review ? Tidy(input.WorkNotDone) : null;
        conference.DecisionReason = Tidy(input.DecisionReason);
        conference.PlanEndReason = decision == ConferenceDecision.EndPlan ? Label(input.PlanEndReason!.Value) : null;
        conference.RecordedAtUtc = now;
        foreach (var a in input.Attendance ?? []) conference.Members.Single(m => m.Id == a.MemberId).Attended = a.Attended;

        var summary = decision switch
        {
            ConferenceDecision.Plan => await StartPlanAsync(actor, conference, now, ct),
            ConferenceDecision.NoPlan => $"{Label(conference.Kind)} held: no child protection plan",
            ConferenceDecision.ContinuePlan => ContinuePlan(conference, plan!, held),
            _ => await EndPlanAsync(actor, conference, plan!, input.PlanEndReason!.Value, held, now, ct),
        };
        ChronologyWriter.Add(db, conference.PersonId, WorkingDayCalendar.FromUkLocal(held.ToDateTime(new TimeOnly(12, 0))).UtcDateTime, now, actor,
            ChildProtectionChronology.Area, ChildProtectionChronology.Conference, $"{summary} (chair: {conference.ChairName})", significant: true,
            link: $"/conferences/{conference.Id}");
        await SaveAsync(actor, conference, "held", ct);
        await tx.CommitAsync(ct);
        return conference;
    }

    private async Task<string> StartPlanAsync(Actor actor, ChildProtectionConference conference, DateTime now, CancellationToken ct)
    {
        var held = conference.HeldOn!.Value;
        var previous = await db.ChildProtectionPlans.Where(p => p.PersonId == conference.PersonId && p.EndDate != null)
            .GroupBy(p => p.PersonId).Select(g => new { Count = g.Count(), Ended = g.Max(p => p.EndDate) }).FirstOrDefaultAsync(ct);
        var referral = await db.Referrals.Where(r => r.PersonId == conference.PersonId && r.ClosedOn == null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ReferralDate).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var plan = new ChildProtectionPlan
        {
            PersonId = conference.PersonId, ReferralId = referral, TeamId = conference.TeamId, InitialConferenceId = conference.Id, StartDate = held,
            InitialCategory = conference.Category!, LatestCategory = conference.Category!, LatestSubCategory = conference.SubCategory,
            PreviousPlans = previous?.Count ?? 0, PreviousPlanEnded = previous?.Ended, CreatedAtUtc = now, Version = Guid.NewGuid(),
        };
        db.ChildProtectionPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        conference.PlanId = plan.Id;
        var coreGroup = new CoreGroupMeeting { PlanId = plan.Id, PersonId = plan.PersonId, DueDate = dues.NextCoreGroup(held, null), Version = Guid.NewGuid() };
        db.CoreGroups.Add(coreGroup);
        var nextReview = new ChildProtectionConference
        {
            PersonId = plan.PersonId, Kind = ConferenceKind.Review, PlanId = plan.Id, TeamId = plan.TeamId, DueDate = dues.NextReview(held, null),
            ChairId = conference.ChairId, ChairName = conference.ChairName, CreatedAtUtc = now, Version = Guid.NewGuid(),
        };
        db.Conferences.Add(nextReview);
        // The child in need plan (if any) ends: the child protection plan replaces it, as the census records.
        foreach (var cin in await db.ChildInNeedPlans.Where(p => p.PersonId == plan.PersonId && p.Stage == PlanStage.Active).ToListAsync(ct))
        {
            cin.Stage = PlanStage.Ended;
            cin.EndDate = held;
            cin.EndReason = "Replaced by a child protection plan";
            cin.Version = Guid.NewGuid();
        }
        await CaseStatus.MoveAsync(db, actor, plan.PersonId, plan.TeamId, [InvolvementKind.Assessment, InvolvementKind.ChildInNeed], InvolvementKind.ChildProtection,
            held, "Continues as the child protection plan starts", now, ct);
        var flags = dues.For(plan.StartDate, null, plan.PreviousPlans, plan.PreviousPlanEnded, held);
        var repeat = flags.WithinTwoYears ? $"; a second plan within two years of the last ({plan.PreviousPlans} before)"
            : flags.Repeat ? $"; a repeat plan ({plan.PreviousPlans} before)" : "";
        return $"{Label(conference.Kind)} held: child protection plan under {AbuseCategories.Label(plan.InitialCategory).ToLowerInvariant()}{repeat}; "
            + $"first core group due by {coreGroup.DueDate:d MMMM yyyy}, first review by {nextReview.DueDate:d MMMM yyyy}";
    }

    private string ContinuePlan(ChildProtectionConference conference, ChildProtectionPlan plan, DateOnly held)
    {
        plan.LatestCategory = conference.Category!;
        plan.LatestSubCategory = conference.SubCategory;
        plan.Version = Guid.NewGuid();
        var next = new ChildProtectionConference
        {
            PersonId = plan.PersonId, Kind = ConferenceKind.Review, PlanId = plan.Id, TeamId = plan.TeamId,
            DueDate = dues.NextReview(plan.StartDate, held), ChairId = conference.ChairId, ChairName = conference.ChairName,
            CreatedAtUtc = conference.RecordedAtUtc!.Value, Version = Guid.NewGuid(),
        };
        db.Conferences.Add(next);
        return $"Review conference held: the plan continues under {AbuseCategories.Label(plan.LatestCategory).ToLowerInvariant()}"
            + $"{(conference.PlanWorking == false ? "; the plan is not working" : "")}; next review due by {next.DueDate:d MMMM yyyy}";
    }

    private async Task<string> EndPlanAsync(Actor actor, ChildProtectionConference conference, ChildProtectionPlan plan, PlanEndReason reason, DateOnly held,
        DateTime now, CancellationToken ct)
    {
        plan.EndDate = held;
        plan.EndReason = reason;
        plan.Version = Guid.NewGuid();
        // Core groups not yet held stay on the record; they are no longer due once the plan has ended.
        string continues;
        if (reason == PlanEndReason.SteppedDownToChildInNeed)
        {
            var moved = await CaseStatus.MoveAsync(db, actor, plan.PersonId, plan.TeamId, [InvolvementKind.ChildProtection], InvolvementKind.ChildInNeed,
                held, "Continues as a child in need case as the child protection plan ends", now, ct);
            continues = moved is null ? "" : "; the case continues as a child in need case";
        }
        else
        {
            foreach (var open in await db.Involvements.Where(i => i.PersonId == plan.PersonId && i.TeamId == plan.TeamId && i.EndDate == null
                && i.Kind == InvolvementKind.ChildProtection).ToListAsync(ct))
                open.EndDate = held;
            continues = "";
        }
        return $"Review conference held: the child protection plan ends ({Label(reason).ToLowerInvariant()}){continues}";
    }

    /// <summary>The date a conference cannot be before, and what it is: its enquiry's start, or the plan's last conference.</summary>
    private async Task<(DateOnly Date, string What)> EarliestAsync(ChildProtectionConference conference, ChildProtectionPlan? plan, CancellationToken ct)
    {
        if (conference.Section47EnquiryId is { } enquiryId)
        {
            var start = await db.Section47Enquiries.Where(e => e.Id == enquiryId).Select(e => e.StartDate).FirstAsync(ct);
            return (start, "the strategy discussion that started the enquiry");
        }
        if (plan is not null)
        {
            var last = await db.Conferences.Where(c => c.PlanId == plan.Id && c.HeldOn != null && c.Id != conference.Id).MaxAsync(c => c.HeldOn, ct);
            return (last ?? plan.StartDate, "the plan's last conference");
        }
        return (DateOnly.MinValue, "");
    }

    /// <summary>Chairs may open any child with a conference; others as for the child's case.</summary>
    private Task<bool> MayOpenAsync(Actor actor, ChildProtectionConference conference, CancellationToken ct) =>
        cases.CanReadProtectionAsync(actor, conference.PersonId, ct);

    private async Task<ChildProtectionConference?> LoadForChangeAsync(Actor actor, int id, Guid version, CancellationToken ct)
    {
        var conference = await db.Conferences.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (conference is null || !await MayOpenAsync(actor, conference, ct)) return null;
        if (conference.Version != version)
            throw new ConcurrencyConflictException("Someone else changed this conference since you opened it: nothing was saved. Open it again to see their change.");
        if (conference.HeldOn is not null) throw Refuse.Invalid("HeldOn", $"This conference was held on {conference.HeldOn:d MMMM yyyy}: it can no longer change");
        return conference;
    }

    private async Task SaveAsync(Actor actor, ChildProtectionConference conference, string what, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, Now, AccessAction.Changed, conference.PersonId, $"Child protection conference {conference.Id} {what}")], ct);
    }

    public static string Label(ConferenceKind kind) => kind switch
    {
        ConferenceKind.Initial => "Initial child protection conference",
        ConferenceKind.TransferIn => "Transfer-in conference",
        _ => "Review conference",
    };

    public static string Label(PlanEndReason reason) => reason switch
    {
        PlanEndReason.NoLongerAtRisk => "No longer at continuing risk of significant harm",
        PlanEndReason.SteppedDownToChildInNeed => "Stepped down to a child in need plan",
        PlanEndReason.BecameLookedAfter => "Became looked after",
        PlanEndReason.MovedToAnotherCouncil => "Moved to another council",
        PlanEndReason.ReachedEighteen => "Reached 18",
        PlanEndReason.Died => "Died",
        _ => "Other",
    };
}
