using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.DemoBorough;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.DemoBorough;

/// <summary>The demo borough's two years of social work, on the same scale-1 borough as the other demo tests: distributions, not exact numbers.</summary>
public partial class DemoBoroughTests
{
    private static readonly WorkingDayCalendar Calendar = new(new BankHolidays(), TimeProvider.System);
    private static readonly SocialWorkRules Rules = new();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Assessments_AreMostlyAuthorisedInTime_AndDayOneHasLateOnesAndOnesAwaitingTheManager(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Factors).ToListAsync();
        var referrals = await db.Referrals.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var decisions = (await db.Authorisations.AsNoTracking().Where(a => a.Subject == AuthorisationSubject.Assessment).ToListAsync()).ToLookup(a => a.SubjectId);

        // Each referral that was not "no further action" has (nearly always) its assessment; none has two.
        var assessed = referrals.Values.Where(r => !r.NoFurtherAction).ToList();
        Assert.InRange(assessments.Select(a => a.ReferralId).Distinct().Count() / (double)assessed.Count, 0.9, 1.0);
        Assert.Equal(assessments.Count, assessments.Select(a => a.ReferralId).Distinct().Count());
        Assert.All(assessments, a =>
        {
            var r = referrals[a.ReferralId];
            Assert.False(r.NoFurtherAction);
            Assert.Equal(r.PersonId, a.PersonId);
            Assert.True(a.StartDate >= r.ReferralDate && a.StartDate < AsOf, $"assessment {a.Id} starts {a.StartDate}");
            // Derived as the service derives them: from the referral date, through the calendar with bank holidays.
            Assert.Equal(Rules.Assessment.DueDate(r.ReferralDate, Calendar), a.DueDate);
            Assert.Equal(Rules.ChildSeen.DueDate(r.ReferralDate, Calendar), a.ChildSeenDueDate);
            Assert.All(a.Factors, f => Assert.True(AssessmentService.Factors.IsValid(f.Code), f.Code));
            Assert.True(a.ChildSeenOn is null || a.ChildSeenOn >= r.ReferralDate);
            Assert.True(a.ChildSeenAloneOn is null || a.ChildSeenAloneOn >= a.ChildSeenOn);
        });

        // Working Together: 45 working days. 80-85% of those authorised in the two years were in time.
        var authorised = assessments.Where(a => a.Stage == AssessmentStage.Authorised && a.AuthorisedOn >= AsOf.AddYears(-2)).ToList();
        Assert.InRange(authorised.Count, 1_700, 3_000);
        var inTime = authorised.Count(a => a.AuthorisedOn <= a.DueDate) / (double)authorised.Count;
        Assert.InRange(inTime, 0.80, 0.85);
        Assert.All(authorised, a =>
        {
            // Complete as SubmitAsync asks, and authorised by a manager other than the worker, with the decision kept.
            Assert.Empty(AssessmentService.Missing(a, DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(a.SubmittedAtUtc!.Value, TimeSpan.Zero)))));
            var approval = Assert.Single(decisions[a.Id], d => d.Approved);
            Assert.NotEqual(a.WorkerId, approval.ById);
            Assert.Equal(a.AuthorisedById, approval.ById);
            Assert.True(a.SubmittedAtUtc < a.AuthorisedAtUtc);
        });
        Assert.All(authorised.Where(a => a.AuthorisedOn > a.DueDate), a => Assert.False(string.IsNullOrEmpty(a.LateReason)));
        // A minority were sent back first, with the reason, then authorised.
        var returnedFirst = authorised.Count(a => decisions[a.Id].Any(d => !d.Approved && d.AtUtc < a.AuthorisedAtUtc));
        Assert.InRange(returnedFirst / (double)authorised.Count, 0.02, 0.15);
        Assert.True(authorised.Select(a => a.Outcome).Distinct().Count() >= 4);

        // Day one: about 200 open, some late, some with the child not yet seen past the 7 working days, some waiting for the manager.
        var open = assessments.Where(a => a.Stage != AssessmentStage.Authorised).ToList();
        Assert.InRange(open.Count, 150, 260);
        Assert.Contains(open, a => a.Stage == AssessmentStage.InProgress && a.DueDate < AsOf);
        Assert.Contains(open, a => a.Stage == AssessmentStage.InProgress && a.ChildSeenOn is null && a.ChildSeenDueDate < AsOf);
        Assert.InRange(open.Count(a => a.Stage == AssessmentStage.AwaitingAuthorisation), 10, 80);
        Assert.All(open.Where(a => a.Stage == AssessmentStage.AwaitingAuthorisation), a => Assert.Empty(AssessmentService.Missing(a, a.DueDate)));
        Assert.All(open, a => Assert.Null(referrals[a.ReferralId].ClosedOn));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ChildInNeedPlans_HaveActionsWithOwnersAndRealDates_AndReviewsEveryThreeMonths(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var plans = await db.ChildInNeedPlans.AsNoTracking().Include(p => p.Actions).Include(p => p.Meetings).AsSplitQuery().ToListAsync();
        var referrals = await db.Referrals.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var openCin = await db.Involvements.Where(i => i.EndDate == null && i.Kind == InvolvementKind.ChildInNeed).Select(i => i.PersonId).Distinct().ToListAsync();

        Assert.InRange(plans.Count(p => p.Stage == PlanStage.Active), 550, 1_100);
        Assert.Contains(plans, p => p.Stage == PlanStage.Ended);
        Assert.All(plans, p =>
        {
            Assert.Equal(referrals[p.ReferralId].PersonId, p.PersonId);
            Assert.True(p.StartDate >= referrals[p.ReferralId].ReferralDate);
            Assert.InRange(p.Actions.Count, 2, 30);
            Assert.Equal(p.Stage == PlanStage.Ended, p.EndDate is not null);
            Assert.True(p.EndDate is null || p.EndDate >= p.StartDate);
        });
        // An action has an owner and a real date ("ongoing" is refused by the service).
        Assert.All(plans.SelectMany(p => p.Actions), a =>
        {
            Assert.False(string.IsNullOrWhiteSpace(a.OwnerName));
            Assert.NotEqual(default, a.DueDate);
        });
        var actions = plans.Where(p => p.Stage == PlanStage.Active).SelectMany(p => p.Actions).ToList();
        Assert.Contains(actions, a => a.Status == PlanActionStatus.Done);
        Assert.Contains(actions, a => a.Status is PlanActionStatus.InProgress or PlanActionStatus.NotStarted && a.DueDate < AsOf);
        Assert.Contains(actions, a => a.OwnerUserId is null);

        // Every active plan has its next review scheduled: three months after the last one held (or the start).
        foreach (var p in plans.Where(p => p.Stage == PlanStage.Active))
        {
            var next = Assert.Single(p.Meetings, m => m.HeldOn is null);
            var last = p.Meetings.Where(m => m.HeldOn is not null).Max(m => m.HeldOn) ?? p.StartDate;
            Assert.Equal(Rules.ChildInNeedReview.DueDate(last, Calendar), next.DueDate);
        }
        var held = plans.SelectMany(p => p.Meetings).Where(m => m.HeldOn is not null).ToList();
        Assert.InRange(held.Count(m => m.HeldOn > m.DueDate) / (double)held.Count, 0.05, 0.3);
        Assert.All(held, m => Assert.False(string.IsNullOrEmpty(m.Minutes) || string.IsNullOrEmpty(m.Decision)));
        Assert.True(await db.PlanActionProgress.AnyAsync(p => p.MeetingId != null));
        // Plans on the open child in need cases whose referral is in the two years the front door holds.
        Assert.InRange(plans.Count(p => p.Stage != PlanStage.Ended) / (double)openCin.Count, 0.4, 0.9);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EveryPlanInTheTwoYears_FollowsAnAuthorisedAssessmentWhoseOutcomeWasAChildInNeedPlan(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var plans = await db.ChildInNeedPlans.AsNoTracking().Where(p => p.StartDate >= AsOf.AddYears(-2)).ToListAsync();
        var assessments = (await db.Assessments.AsNoTracking().Where(a => a.Stage == AssessmentStage.Authorised).ToListAsync()).ToLookup(a => a.ReferralId);

        Assert.NotEmpty(plans);
        Assert.All(plans, p =>
        {
            // As the service asks when the plan is started: the episode's assessment last authorised before then, of
            // the same child, with the outcome "a child in need plan", and the plan not dated before that assessment began.
            var followed = assessments[p.ReferralId].Where(a => a.AuthorisedAtUtc <= p.CreatedAtUtc).MaxBy(a => a.AuthorisedAtUtc);
            Assert.True(followed is not null, $"plan {p.Id} (from {p.StartDate}) has no assessment authorised before it was written");
            Assert.Equal(p.PersonId, followed.PersonId);
            Assert.True(followed.Outcome == AssessmentOutcome.ChildInNeedPlan, $"plan {p.Id} follows assessment {followed.Id}, whose outcome was {followed.Outcome}");
            Assert.True(followed.StartDate <= p.StartDate, $"plan {p.Id} starts {p.StartDate}, before its assessment {followed.Id} started on {followed.StartDate}");
        });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Visits_HaveASpreadOfTimeliness_AndMostChildrenAreSeen(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var openCin = await db.Involvements.Where(i => i.EndDate == null && i.Kind == InvolvementKind.ChildInNeed && i.WorkerId != null).Select(i => i.PersonId).Distinct().ToListAsync();
        var lastSeen = await db.Visits.Where(v => v.ChildSeen).GroupBy(v => v.PersonId).Select(g => new { g.Key, Last = g.Max(v => v.VisitedOn) }).ToDictionaryAsync(g => g.Key, g => g.Last);
        var weeks = openCin.Where(lastSeen.ContainsKey).Select(p => (AsOf.DayNumber - lastSeen[p].DayNumber) / 7.0).ToList();
        Assert.InRange(weeks.Count / (double)openCin.Count, 0.9, 1.0);
        // Most within the four weeks, some at five to eight, a few longer.
        Assert.InRange(weeks.Count(w => w <= 4) / (double)weeks.Count, 0.6, 0.92);
        Assert.InRange(weeks.Count(w => w > 4 && w <= 8) / (double)weeks.Count, 0.05, 0.35);
        Assert.InRange(weeks.Count(w => w > 8) / (double)weeks.Count, 0.005, 0.1);

        var visits = await db.Visits.AsNoTracking().Where(v => v.VisitedOn >= AsOf.AddMonths(-6)).ToListAsync();
        Assert.InRange(visits.Count(v => v.ChildSeen) / (double)visits.Count, 0.85, 0.97);
        Assert.InRange(visits.Count(v => v.ChildSeenAlone) / (double)visits.Count(v => v.ChildSeen), 0.4, 0.8);
        Assert.All(visits.Where(v => !v.ChildSeen || !v.ChildSeenAlone), v => Assert.False(string.IsNullOrEmpty(v.NotSeenReason)));
        Assert.All(visits, v => Assert.True(v.VisitedOn < AsOf && v.RecordedAtUtc < DayOne));
        Assert.True(visits.Select(v => v.Location).Distinct().Count() >= 5);
        Assert.True(visits.Select(v => v.Observations).Distinct().Count() > 20);

        // Every open case with a visiting rule has its next visit due, as the services would have kept it: working them
        // all out again changes nothing. Some are late on day one, most are not.
        var visited = VisitSchedule.Visited;
        var openCases = await db.Involvements.AsNoTracking().Where(i => i.EndDate == null && i.TeamId != null && visited.Contains(i.Kind)).ToListAsync();
        Assert.All(openCases, i => Assert.NotNull(i.NextVisitDue));
        Assert.False(await db.Involvements.AnyAsync(i => i.EndDate != null && i.NextVisitDue != null));
        Assert.Equal(0, await new VisitDues(db, Rules, Calendar).RefreshAllAsync());
        Assert.InRange(openCases.Count(i => i.NextVisitDue < AsOf) / (double)openCases.Count, 0.03, 0.4);

        // Each on the chronology with the link the service sets.
        var sample = visits.Take(50).ToList();
        foreach (var v in sample)
            Assert.True(await db.Chronology.AnyAsync(e => e.PersonId == v.PersonId && e.Kind == VisitService.ChronologyKind && e.Link == $"/people/{v.PersonId}/visits/{v.Id}"));
        var notes = await db.CaseNotes.AsNoTracking().OrderBy(n => n.Id).Take(50).ToListAsync();
        foreach (var n in notes)
            Assert.Equal($"/people/{n.PersonId}/notes/{n.Id}", await db.Chronology.Where(e => e.Id == n.ChronologyEntryId).Select(e => e.Link).SingleAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Oversight_CoversMostOpenCases_AndSomeActionsAreOverdueOnDayOne(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var kinds = new[] { InvolvementKind.Assessment, InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection, InvolvementKind.LookedAfter };
        var open = await db.Involvements.Where(i => i.EndDate == null && kinds.Contains(i.Kind) && i.WorkerId != null && i.StartDate < AsOf.AddDays(-60))
            .Select(i => i.PersonId).Distinct().ToListAsync();
        var latest = await db.Oversights.GroupBy(o => o.PersonId).Select(g => new { g.Key, Last = g.Max(o => o.RecordedOn) }).ToDictionaryAsync(g => g.Key, g => g.Last);
        var recent = open.Count(p => latest.TryGetValue(p, out var d) && d > AsOf.AddDays(-42));
        Assert.InRange(recent / (double)open.Count, 0.7, 0.97);

        var actions = await db.OversightActions.AsNoTracking().ToListAsync();
        Assert.InRange(actions.Count(a => a.CompletedOn is not null) / (double)actions.Count, 0.75, 0.98);
        Assert.Contains(actions, a => a.CompletedOn is null && a.DueDate < AsOf);
        Assert.Contains(actions, a => a.CompletedOn is null && a.DueDate >= AsOf);
        Assert.Contains(actions, a => a.FollowUps > 0 && a.OriginalDueDate < a.DueDate);
        Assert.All(actions, a => Assert.True(a.OriginalDueDate <= a.DueDate && (a.FollowUps > 0) == (a.OriginalDueDate != a.DueDate)));
        Assert.All(actions.Where(a => a.CompletedOn is not null), a => Assert.True(a.CompletedOn < AsOf));

        // Supervision about monthly for each worker holding cases, each discussing their children.
        var sessions = await db.Supervisions.AsNoTracking().Where(s => s.HeldOn >= AsOf.AddYears(-1)).ToListAsync();
        var perWorker = sessions.GroupBy(s => s.SuperviseeId).Select(g => g.Count()).ToList();
        Assert.InRange(perWorker.Average(), 6, 14);
        Assert.True(await db.Oversights.CountAsync(o => o.SupervisionId != null) > await db.Supervisions.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Closures_MatchTheirReferrals_AndAllocationHistoryAgreesWithWhoHoldsEachCase(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var closures = await db.Closures.AsNoTracking().ToListAsync();
        var referrals = await db.Referrals.AsNoTracking().ToDictionaryAsync(r => r.Id);
        var signedOff = closures.Where(c => c.Stage == ClosureStage.Authorised).ToList();
        Assert.All(signedOff, c =>
        {
            var r = referrals[c.ReferralId];
            Assert.Equal(r.ClosureReason, c.ReasonCode);
            Assert.Equal(r.ClosedOn, c.ClosedOn);
            Assert.Equal(c.ReasonCode == "RC9", c.Kind == ClosureKind.StepDownToEarlyHelp);
        });
        // Every episode that closed (not a "no further action" referral) has its sign-off.
        Assert.All(referrals.Values.Where(r => r.ClosedOn is not null && !r.NoFurtherAction), r => Assert.Contains(signedOff, c => c.ReferralId == r.Id));
        var codes = signedOff.GroupBy(c => c.ReasonCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(codes["RC8"] > codes["RC9"] && codes["RC7"] > 100 && codes["RC9"] > 50, string.Join(", ", codes));
        Assert.True(codes.Keys.Count(k => ClosureCodes.EndsRegardless(k)) >= 2);
        var earlyHelp = await db.Involvements.Where(i => i.Kind == InvolvementKind.EarlyHelp).Select(i => new { i.PersonId, i.StartDate }).ToListAsync();
        Assert.All(signedOff.Where(c => c.Kind == ClosureKind.StepDownToEarlyHelp), c => Assert.Contains(earlyHelp, e => e.PersonId == c.PersonId && e.StartDate == c.ClosedOn));
        Assert.InRange(closures.Count(c => c.Stage == ClosureStage.AwaitingAuthorisation), 3, 30);
        Assert.Contains(closures, c => c.Stage == ClosureStage.Returned && referrals[c.ReferralId].ClosedOn is null);

        // Allocation history: the one current allocation of each allocated open case is its worker; closed cases have none current.
        var involvements = await db.Involvements.AsNoTracking().Where(i => i.TeamId != null).ToListAsync();
        var allocations = (await db.Allocations.AsNoTracking().ToListAsync()).ToLookup(a => a.InvolvementId);
        foreach (var i in involvements)
        {
            var current = allocations[i.Id].Where(a => a.ToUtc == null).ToList();
            if (i.EndDate is null && i.WorkerId is not null) Assert.Equal(i.WorkerId, Assert.Single(current).WorkerId);
            else Assert.Empty(current);
            if (i.WorkerId is not null) Assert.NotEmpty(allocations[i.Id]);
            Assert.All(allocations[i.Id], a => Assert.True(a.ToUtc is null || a.ToUtc > a.FromUtc));
        }
        var reallocated = involvements.Count(i => allocations[i.Id].Count() > 1);
        Assert.InRange(reallocated / (double)involvements.Count, 0.02, 0.2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DemoUsers_FindSocialWorkInMyWork_AndOneChildHasATenYearHistory(DatabaseProvider provider)
    {
        var (borough, db) = await OpenAsync(provider);
        await using var _ = db;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(DayOne.AddHours(9), TimeSpan.Zero));
        var access = new Core.Access.Restrictions.RecordAccess(db, clock);
        var myWork = new Core.Work.MyWork(db, access, new FrontDoorQueries(db, access, new Core.Access.Log.AccessLogQueue(), new FrontDoorRules(), clock), new SocialWorkMyWork(db), clock);
        async Task<Core.Work.MyWork.Result> WorkOf(string role, string mailbox)
        {
            var user = await db.Users.SingleAsync(u => u.Email == $"{mailbox}@{StaffBuilder.Domain}");
            return await myWork.ForAsync(new Actor(user.Id, user.DisplayName, [role]));
        }

        var worker = await WorkOf(Roles.SocialWorker, "social-worker");
        Assert.Contains(worker.Items, i => i.Kind == "Visit");
        Assert.Contains(worker.Items, i => i.Kind == "Visit" && i.IsOverdue(clock.GetUtcNow().UtcDateTime));
        Assert.Contains(worker.Items, i => i.Kind is "Plan action" or "Action");
        Assert.Contains(worker.Items, i => i.Kind == "Closure");
        var manager = await WorkOf(Roles.TeamManager, "team-manager");
        Assert.Contains(manager.Items, i => i.Kind == "Follow up");
        Assert.Contains(manager.Items, i => i.Kind == "Sign off");

        // The long-history child: ten years of cases and hundreds of events.
        var child = borough.Summary.LongHistoryPersonId;
        Assert.NotEqual(Guid.Empty, child);
        var events = await db.Chronology.Where(e => e.PersonId == child).Select(e => e.OccurredAtUtc).ToListAsync();
        Assert.True(events.Count >= 300, $"{events.Count} events");
        Assert.True(events.Min() < At(AsOf.AddYears(-9)), $"first event {events.Min():O}");
        Assert.True(await db.Involvements.AnyAsync(i => i.PersonId == child && i.EndDate == null && i.Kind == InvolvementKind.LookedAfter));
    }
}
