using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.DemoBorough;

/// <summary>The demo borough's two years of child protection, on the same scale-1 borough as the other demo tests: distributions and rules, not exact numbers.</summary>
public partial class DemoBoroughTests
{
    // A property: the calendar is a static of another part of this class, set in an order the compiler chooses.
    private static ChildProtectionDues Dues => new(new ChildProtectionRules(), Calendar);

    private static DateOnly UkDay(DateTime utc) => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(utc, TimeSpan.Zero)));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ChildrenOnPlans_AreTheSeedsNumber_WithNeglectTheLargestCategoryThenEmotionalAbuse(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var plans = await db.ChildProtectionPlans.AsNoTracking().ToListAsync();
        var open = plans.Where(p => p.EndDate is null).ToList();

        // 166 to 248 children on plans in the seeds' borough; one plan in force per child.
        Assert.InRange(open.Count, 170, 250);
        Assert.Equal(open.Count, open.Select(p => p.PersonId).Distinct().Count());
        // Each child on a plan has a child protection case open, as ConferenceService moves the case's status.
        var cpCases = (await db.Involvements.Where(i => i.EndDate == null && i.Kind == InvolvementKind.ChildProtection).Select(i => i.PersonId).ToListAsync()).ToHashSet();
        Assert.All(open, p => Assert.Contains(p.PersonId, cpCases));

        foreach (var byCategory in new[] { open.Select(p => p.LatestCategory), plans.Where(p => p.StartDate >= AsOf.AddYears(-2)).Select(p => p.InitialCategory) })
        {
            var counts = byCategory.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(counts["NEG"] > counts["EMO"] && counts["EMO"] > counts["PHY"] && counts["PHY"] > counts["SAB"], string.Join(", ", counts));
            Assert.InRange(counts.GetValueOrDefault("MUL") / (double)counts.Values.Sum(), 0, 0.05);
            Assert.All(counts.Keys, c => Assert.True(AbuseCategories.IsValid(c), c));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task InitialConferences_AreMostlyWithinFifteenWorkingDays_WithPoliceAndHealthAtDiscussions_AndGpReportsToMost(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var enquiries = await db.Section47Enquiries.AsNoTracking().ToDictionaryAsync(e => e.Id);
        var discussions = await db.StrategyDiscussions.AsNoTracking().Include(d => d.Participants).ToListAsync();
        var conferences = await db.Conferences.AsNoTracking().Include(c => c.Members).ToListAsync();

        // Working Together: police and health at every strategy discussion; a discussion within an enquiry is on or after its start.
        Assert.All(discussions, d =>
        {
            Assert.Contains(d.Participants, p => p.Role == ProfessionalRole.Police);
            Assert.Contains(d.Participants, p => ProfessionalRoles.Health.Contains(p.Role));
            Assert.Equal(d.Decision == StrategyDecision.NoSection47, d.Section47EnquiryId is null);
            if (d.Section47EnquiryId is { } id) Assert.True(UkDay(d.HeldAtUtc) >= enquiries[id].StartDate);
        });
        Assert.Contains(discussions, d => d.Decision == StrategyDecision.ContinueSection47);
        Assert.Contains(discussions, d => d.Decision == StrategyDecision.NoSection47);

        // Due dates derived as the services derive them: 15 working days from the last discussion, and the DfE's from the start.
        var lastDiscussion = discussions.Where(d => d.Section47EnquiryId is not null).GroupBy(d => d.Section47EnquiryId!.Value)
            .ToDictionary(g => g.Key, g => g.Max(d => UkDay(d.HeldAtUtc)));
        Assert.All(enquiries.Values, e =>
        {
            Assert.Equal(Dues.InitialConference(lastDiscussion[e.Id]), e.ConferenceDueDate);
            Assert.Equal(Dues.ConferenceTarget(e.StartDate), e.ConferenceTargetDate);
            Assert.True(e.ChildSeenOn is null || e.ChildSeenOn >= e.StartDate);
            Assert.True(e.ChildSeenAloneOn is not null || e.NotSeenAloneReason is not null || e.ChildSeenOn is null);
            // Concluded only once the child was seen, never before the last discussion.
            if (e.Outcome is not null) Assert.True(e.ChildSeenOn <= e.OutcomeOn && e.OutcomeOn >= lastDiscussion[e.Id] && e.OutcomeOn < AsOf);
        });
        Assert.Contains(enquiries.Values, e => e.Outcome == Section47Outcome.NotSubstantiated);
        Assert.Contains(enquiries.Values, e => e.Outcome == Section47Outcome.SubstantiatedNoContinuingRisk);

        var initial = conferences.Where(c => c.Kind == ConferenceKind.Initial).ToList();
        Assert.All(initial, c =>
        {
            var e = enquiries[c.Section47EnquiryId!.Value];
            Assert.Equal(Section47Outcome.InitialConference, e.Outcome);
            Assert.Equal(e.ConferenceDueDate, c.DueDate);
            Assert.True(c.HeldOn is null || c.HeldOn >= e.OutcomeOn);
        });
        // The seeds' borough held 78% of initial conferences within 15 working days.
        var held = initial.Where(c => c.HeldOn is not null).ToList();
        Assert.InRange(held.Count, 400, 900);
        Assert.InRange(held.Count(c => c.HeldOn <= c.DueDate) / (double)held.Count, 0.75, 0.80);
        Assert.Contains(held, c => c.Decision == ConferenceDecision.NoPlan);

        // The GP is asked for a report for every conference, and sent one to most (the seeds' 94%).
        var heldAll = conferences.Where(c => c.HeldOn is not null).ToList();
        Assert.All(heldAll, c => Assert.Contains(c.Members, m => m.Role == ProfessionalRole.Gp && m.ReportRequested));
        var gpReports = heldAll.Count(c => c.Members.Any(m => m.Role == ProfessionalRole.Gp && m.ReportSubmittedAtUtc is not null));
        Assert.InRange(gpReports / (double)heldAll.Count, 0.90, 0.96);
        Assert.All(heldAll.SelectMany(c => c.Members), m => Assert.NotNull(m.Attended));
        Assert.Contains(heldAll.SelectMany(c => c.Members), m => m.UserId is not null && m.ReportSubmittedAtUtc is not null);
        // The child's and parents' participation is recorded at every conference held, and by a chair.
        Assert.All(heldAll, c => Assert.True(c.ChildParticipation is not null && c.ParentsParticipation is not null && c.ChairId is not null));
        Assert.Contains(heldAll, c => c.ChildParticipation == Participation.Attended);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Plans_HaveConsistentDates_ReviewsAndCoreGroupsFromTheRules_AndActionsWithOwnersAndRealDates(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var plans = await db.ChildProtectionPlans.AsNoTracking().Include(p => p.Actions).ToListAsync();
        var conferences = (await db.Conferences.AsNoTracking().ToListAsync()).ToLookup(c => c.PlanId);
        var byId = (await db.Conferences.AsNoTracking().Where(c => c.Kind != ConferenceKind.Review).ToListAsync()).ToDictionary(c => c.Id);
        var coreGroups = (await db.CoreGroups.AsNoTracking().ToListAsync()).ToLookup(m => m.PlanId);

        Assert.All(plans, p =>
        {
            var first = byId[p.InitialConferenceId];
            Assert.Equal(first.HeldOn, p.StartDate);
            Assert.Equal(p.Id, first.PlanId);
            Assert.Equal(ConferenceDecision.Plan, first.Decision);
            Assert.Equal(first.Category, p.InitialCategory);
            Assert.True(p.EndDate is null || p.EndDate > p.StartDate, $"plan {p.Id} ends {p.EndDate} before it starts {p.StartDate}");
            Assert.Equal(p.EndDate is null, p.EndReason is null);

            // Reviews: the first 3 months after the start, then 6 months after the last held; each after the one before.
            var reviews = conferences[p.Id].Where(c => c.Kind == ConferenceKind.Review).OrderBy(c => c.DueDate).ToList();
            DateOnly? last = null;
            foreach (var r in reviews)
            {
                Assert.Equal(Dues.NextReview(p.StartDate, last), r.DueDate);
                if (r.HeldOn is { } on)
                {
                    Assert.True(on > (last ?? p.StartDate), $"review {r.Id} held {on}, before the conference before it");
                    Assert.True(r.PlanWorking is not null && r.PlanWorkingReason is not null && r.WorkNotDone is not null);
                    last = on;
                }
            }
            if (p.EndDate is { } end)
            {
                var ending = Assert.Single(reviews, r => r.Decision == ConferenceDecision.EndPlan);
                Assert.Equal(end, ending.HeldOn);
                Assert.Equal(ConferenceService.Label(p.EndReason!.Value), ending.PlanEndReason);
                Assert.All(reviews, r => Assert.NotNull(r.HeldOn));
            }
            else
            {
                Assert.Single(reviews, r => r.HeldOn is null);
                // The latest category is the last review's (or the initial conference's).
                Assert.Equal(reviews.LastOrDefault(r => r.HeldOn is not null)?.Category ?? p.InitialCategory, p.LatestCategory);
            }

            // Core groups: the first within 10 working days of the start, then 4 weeks after the last held.
            var meetings = coreGroups[p.Id].OrderBy(m => m.DueDate).ToList();
            Assert.NotEmpty(meetings);
            DateOnly? lastHeld = null;
            foreach (var m in meetings)
            {
                Assert.Equal(Dues.NextCoreGroup(p.StartDate, lastHeld), m.DueDate);
                if (m.HeldOn is { } on)
                {
                    Assert.True(on > p.StartDate && (p.EndDate is null || on < p.EndDate));
                    lastHeld = on;
                }
            }
            if (p.EndDate is null) Assert.Single(meetings, m => m.HeldOn is null);

            Assert.InRange(p.Actions.Count, 3, 30);
            Assert.All(p.Actions, a => Assert.True(!string.IsNullOrWhiteSpace(a.OwnerName) && a.DueDate > p.StartDate));
        });
        var heldCoreGroups = coreGroups.SelectMany(g => g).Where(m => m.HeldOn is not null).ToList();
        Assert.InRange(heldCoreGroups.Count(m => m.HeldOn <= m.DueDate) / (double)heldCoreGroups.Count, 0.75, 0.95);
        var heldReviews = conferences.SelectMany(g => g).Where(c => c.Kind == ConferenceKind.Review && c.HeldOn is not null).ToList();
        Assert.Contains(heldReviews, r => r.PlanWorking == false);
        Assert.Contains(plans, p => p.LatestCategory != p.InitialCategory);
        Assert.True(plans.Select(p => p.EndReason).Distinct().Count() >= 4);
        Assert.Contains(plans.SelectMany(p => p.Actions), a => a.OwnerUserId is not null && a.Status == PlanActionStatus.Done);
        Assert.Contains(plans.Where(p => p.EndDate is null).SelectMany(p => p.Actions), a => a.Status is PlanActionStatus.NotStarted or PlanActionStatus.InProgress && a.DueDate < AsOf);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RepeatPlansAndPlansOverTwoYears_AreThere_AsTheBoardWatchesThem(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var plans = await db.ChildProtectionPlans.AsNoTracking().ToListAsync();
        var byChild = plans.ToLookup(p => p.PersonId);

        // The previous plans are counted as StartPlanAsync counts them: the child's plans ended by the start.
        Assert.All(plans, p =>
        {
            var before = byChild[p.PersonId].Where(o => o.EndDate <= p.StartDate && o.Id != p.Id).ToList();
            Assert.Equal(before.Count, p.PreviousPlans);
            Assert.Equal(before.Count == 0 ? null : before.Max(o => o.EndDate), p.PreviousPlanEnded);
            Assert.True(byChild[p.PersonId].Count(o => o.EndDate is null) <= 1);
        });
        // The seeds' borough: 21% of plans repeat plans, under 10% within two years of the last.
        var recent = plans.Where(p => p.StartDate >= AsOf.AddYears(-2)).ToList();
        var flags = recent.Select(p => Dues.For(p.StartDate, p.EndDate, p.PreviousPlans, p.PreviousPlanEnded, AsOf)).ToList();
        Assert.InRange(flags.Count(f => f.Repeat) / (double)recent.Count, 0.12, 0.3);
        Assert.InRange(flags.Count(f => f.WithinTwoYears) / (double)recent.Count, 0.02, 0.1);
        // A few plans in force have run past two years.
        var open = plans.Where(p => p.EndDate is null).ToList();
        Assert.InRange(open.Count(p => Dues.For(p.StartDate, null, p.PreviousPlans, p.PreviousPlanEnded, AsOf).OverTwoYears), 1, 15);
        Assert.Contains(open, p => Dues.For(p.StartDate, null, p.PreviousPlans, p.PreviousPlanEnded, AsOf) is { LongRunning: true, OverTwoYears: false });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DayOne_HasEnquiriesOpen_ConferencesCoreGroupsAndVisitsDueAndLate(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var openEnquiries = await db.Section47Enquiries.AsNoTracking().Where(e => e.Outcome == null).ToListAsync();
        Assert.InRange(openEnquiries.Count, 5, 60);
        var toHold = await db.Conferences.AsNoTracking().Where(c => c.HeldOn == null).ToListAsync();
        Assert.Contains(toHold, c => c.Kind == ConferenceKind.Initial && c.DueDate >= AsOf);
        Assert.Contains(toHold, c => c.Kind == ConferenceKind.Initial && c.DueDate < AsOf);
        Assert.Contains(toHold, c => c.Kind == ConferenceKind.Review && c.DueDate >= AsOf);
        Assert.InRange(toHold.Count(c => c.Kind == ConferenceKind.Review && c.DueDate < AsOf), 3, 40);
        Assert.Contains(toHold, c => c.ScheduledForUtc is not null && c.ChairId is not null);
        // Nothing happened on or after day one.
        Assert.All(toHold.Where(c => c.ScheduledForUtc is not null), c => Assert.True(UkDay(c.ScheduledForUtc!.Value) >= AsOf));
        Assert.False(await db.Conferences.AnyAsync(c => c.HeldOn >= AsOf));
        var dayOne = WorkingDayCalendar.FromUkLocal(AsOf.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
        Assert.False(await db.ConferenceMembers.AnyAsync(m => m.ReportSubmittedAtUtc >= dayOne));
        // A partner who uses Safeguard has reports to write for conferences not yet held.
        Assert.True(await db.ConferenceMembers.AnyAsync(m => m.UserId != null && m.ReportRequested && m.ReportSubmittedAtUtc == null
            && db.Conferences.Any(c => c.Id == m.ConferenceId && c.HeldOn == null)));

        var lateCoreGroups = await db.CoreGroups.CountAsync(m => m.HeldOn == null && m.DueDate < AsOf
            && db.ChildProtectionPlans.Any(p => p.Id == m.PlanId && p.EndDate == null));
        Assert.InRange(lateCoreGroups, 3, 50);

        // Visits: children on plans are visited every 10 working days; the next visit due sees the child protection status.
        var cpCases = await db.Involvements.AsNoTracking().Where(i => i.EndDate == null && i.Kind == InvolvementKind.ChildProtection && i.NextVisitDue != null).ToListAsync();
        Assert.InRange(cpCases.Count, 150, 260);
        var rules = new SocialWorkRules();
        Assert.All(cpCases.Where(i => i.LastSeenOn is not null && i.LastSeenOn >= i.StartDate),
            i => Assert.Equal(rules.ChildProtectionVisit.DueDate(i.LastSeenOn!.Value, Calendar), i.NextVisitDue));
        Assert.Contains(cpCases, i => i.NextVisitDue < AsOf);
        Assert.True(cpCases.Count(i => i.NextVisitDue >= AsOf) > cpCases.Count / 2);

        // A child in need plan ends as a child protection plan replaces it, on the day of the conference.
        var replaced = await db.ChildInNeedPlans.AsNoTracking().Where(p => p.EndReason == "Replaced by a child protection plan").ToListAsync();
        Assert.NotEmpty(replaced);
        var starts = (await db.ChildProtectionPlans.Select(p => new { p.PersonId, p.StartDate }).ToListAsync()).ToHashSet();
        Assert.True(replaced.Count(p => starts.Contains(new { p.PersonId, StartDate = p.EndDate!.Value })) > replaced.Count * 0.9);

        // Every step is on the child's chronology, with the services' kinds.
        var kinds = await db.Chronology.Where(e => e.Area == ChildProtectionChronology.Area).Select(e => e.Kind).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { ChildProtectionChronology.StrategyDiscussion, ChildProtectionChronology.Section47,
            ChildProtectionChronology.Conference, ChildProtectionChronology.CoreGroup, ChildProtectionChronology.EmergencyProtection }, kinds.ToHashSet());
        Assert.False(await db.Chronology.AnyAsync(e => e.Area == ChildProtectionChronology.Area && e.Link != null && e.Link.EndsWith("/0")));

        // Emergency protection: a handful a year, within the law's limits.
        var emergency = await db.EmergencyProtections.AsNoTracking().ToListAsync();
        Assert.InRange(emergency.Count, 4, 30);
        Assert.All(emergency.Where(e => e.Kind == EmergencyProtectionKind.PolicePowers && e.EndDate is not null), e => Assert.True(e.EndDate <= e.StartDate.AddDays(3)));
        Assert.All(emergency.Where(e => e.EndDate is not null), e => Assert.True(e.EndDate <= e.StartDate.AddDays(15)));
    }
}
