using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.SocialWork;
using Safeguard.Web.Tests.Support;
using Safeguard.Web;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// Conferences on both databases, from the enquiry's outcome to the plan's end: the chairs' list, a chair refused for
/// a child on their own caseload, a partner's report, the initial conference starting the plan (core group and
/// review due, the case becoming a child protection case), a review that finds the plan not working, the plan ending
/// into child in need, and a second plan flagged as within two years.
/// </summary>
public abstract class ConferenceTests<TApp>(TApp app) : ServiceTests<TApp>(app) where TApp : SafeguardApp
{
    private static ConferenceService Conferences(IServiceProvider s) => s.GetRequiredService<ConferenceService>();

    /// <summary>A child referred 30 days ago whose enquiry (started 25 days ago) concluded today with an initial conference due.</summary>
    private async Task<(Guid Child, ChildProtectionConference Conference)> ToConferenceAsync(string name)
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, name, daysAgo: 30);
        var worker = As(Roles.SocialWorker);
        var started = WorkingDayCalendar.FromUkLocal(Today.AddDays(-25).ToDateTime(new TimeOnly(10, 0))).UtcDateTime;
        return await With(async s =>
        {
            await s.GetRequiredService<StrategyDiscussionService>().RecordAsync(worker, child, new(started, StrategyDiscussionForm.Call,
                [new(ProfessionalRole.Police, "DC Khan", null, true), new(ProfessionalRole.HealthVisitor, "Jo Price", null, true)],
                "Neglect: no food, unsafe home.", null, StrategyDecision.StartSection47, "Significant harm suspected."));
            var enquiry = (await s.GetRequiredService<StrategyDiscussionService>().OpenEnquiryAsync(child))!;
            var section47 = s.GetRequiredService<Section47Service>();
            enquiry = (await section47.RecordSeenAsync(worker, child, enquiry.Id, enquiry.Version, new(Today.AddDays(-24), Today.AddDays(-24), null)))!;
            await section47.ConcludeAsync(worker, child, enquiry.Id, enquiry.Version, Section47Outcome.InitialConference, Today.AddDays(-20), "Continuing risk of neglect.");
            await using var db = App.OpenDb();
            return (child, await db.Conferences.AsNoTracking().SingleAsync(c => c.PersonId == child && c.HeldOn == null));
        });
    }

    private static ConferenceService.Held Holding(DateOnly on, ConferenceDecision decision, string? category = "NEG", bool? working = null, PlanEndReason? end = null) =>
        new(on, [], Participation.ViewsThroughAdvocate, "Wants to stay at home with her brother.", Participation.Attended, "Mother disagrees with the concerns.",
            decision, category, category == "NEG" ? "Home conditions" : null, working, working is null ? null : "Home conditions improved but school attendance has not",
            working is null ? null : "The housing referral was not made: challenged, now due this week", "The children's needs are not being met at home.", end);

    [Fact]
    public async Task FromTheInitialConferenceToTheEndOfThePlan_EveryDateIsDerived_AndTheCaseFollows()
    {
        var (child, conference) = await ToConferenceAsync("Ama");
        var chair = As(Roles.ConferenceChair);
        var dues = App.Factory.Services.GetRequiredService<ChildProtectionDues>();

        var listed = await With(s => Conferences(s).ToHoldAsync(chair, null));
        Assert.Contains(listed, l => l.Id == conference.Id && l.Kind == ConferenceKind.Initial && l.DueDate == conference.DueDate);

        var arranged = await With(s => Conferences(s).ArrangeAsync(chair, conference.Id, conference.Version, DateTime.UtcNow.AddDays(-15), null));
        var invited = await With(s => Conferences(s).InviteAsync(chair, conference.Id, arranged!.Version,
            [new(ProfessionalRole.Police, "DC Khan", App.Borough.PoliceId, App.Borough.Users[Roles.PartnerAgencyUser].Id, true),
             new(ProfessionalRole.Gp, "Dr Obi", App.Borough.HealthId, null, true)]));

        // The partner sees the report asked of them and sends it.
        var partner = As(Roles.PartnerAgencyUser);
        var toWrite = await With(s => Conferences(s).ReportsToWriteAsync(partner));
        var mine = Assert.Single(toWrite, r => r.ConferenceId == conference.Id);
        Assert.NotNull(await With(s => Conferences(s).SubmitReportAsync(partner, mine.MemberId, "Two call-outs this year; no arrests.")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => Conferences(s).SubmitReportAsync(As(Roles.SocialWorker), mine.MemberId, "x")));
        var row = Assert.Single(await With(s => Conferences(s).ToHoldAsync(chair, chair.UserId)), l => l.Id == conference.Id);
        Assert.Equal((2, 1), (row.ReportsAsked, row.ReportsIn));

        await using (var db = App.OpenDb())
            invited = await db.Conferences.AsNoTracking().Include(c => c.Members).SingleAsync(c => c.Id == conference.Id);
        var initialOn = Today.AddDays(-15);
        var held = await With(s => Conferences(s).HoldAsync(chair, conference.Id, invited!.Version,
            Holding(initialOn, ConferenceDecision.Plan) with { Attendance = [.. invited.Members.Select(m => new ConferenceService.Attendance(m.Id, m.Role == ProfessionalRole.Police))] }));

        await using (var db = App.OpenDb())
        {
            var plan = await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.PersonId == child);
            Assert.Equal((initialOn, "NEG", "NEG", 0, (DateOnly?)null), (plan.StartDate, plan.InitialCategory, plan.LatestCategory, plan.PreviousPlans, plan.EndDate));
            Assert.Equal(dues.NextCoreGroup(initialOn, null), (await db.CoreGroups.AsNoTracking().SingleAsync(m => m.PlanId == plan.Id)).DueDate);
            var review = await db.Conferences.AsNoTracking().SingleAsync(c => c.PlanId == plan.Id && c.Kind == ConferenceKind.Review);
            Assert.Equal((dues.NextReview(initialOn, null), chair.UserId), (review.DueDate, review.ChairId));
            var open = await db.Involvements.AsNoTracking().Where(i => i.PersonId == child && i.EndDate == null).Select(i => i.Kind).ToListAsync();
            Assert.Equal([InvolvementKind.ChildProtection], open);
            // On a plan, the child is visited within 10 working days of its start (the enquiry's visit does not count as one).
            Assert.Equal(App.Factory.Services.GetRequiredService<WorkingDayCalendar>().AddWorkingDays(initialOn, 10),
                (await db.Involvements.AsNoTracking().SingleAsync(i => i.PersonId == child && i.EndDate == null)).NextVisitDue);
            var attended = await db.ConferenceMembers.AsNoTracking().Where(m => m.ConferenceId == conference.Id).ToDictionaryAsync(m => m.Role, m => m.Attended);
            Assert.Equal((true, false), (attended[ProfessionalRole.Police], attended[ProfessionalRole.Gp]));

            // A review that finds the plan not working continues it; the next review is six months on.
            var reviewed = await With(s => Conferences(s).HoldAsync(chair, review.Id, review.Version,
                Holding(Today.AddDays(-5), ConferenceDecision.ContinuePlan, "EMO", working: false)));
            var next = await db.Conferences.AsNoTracking().SingleAsync(c => c.PlanId == plan.Id && c.HeldOn == null);
            Assert.Equal(dues.NextReview(initialOn, Today.AddDays(-5)), next.DueDate);
            Assert.Equal("EMO", (await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id)).LatestCategory);

            // The last review ends it into child in need; the case follows.
            await With(s => Conferences(s).HoldAsync(chair, next.Id, next.Version,
                Holding(Today, ConferenceDecision.EndPlan, category: null, working: true, end: PlanEndReason.SteppedDownToChildInNeed)));
            var ended = await db.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id);
            Assert.Equal((Today, PlanEndReason.SteppedDownToChildInNeed), (ended.EndDate, ended.EndReason));
            Assert.Equal([InvolvementKind.ChildInNeed], await db.Involvements.AsNoTracking().Where(i => i.PersonId == child && i.EndDate == null).Select(i => i.Kind).ToListAsync());
            // The conference's decision to step down is the child in need plan's starting point: no new assessment is needed.
            Assert.Null(await With(s => s.GetRequiredService<ChildInNeedPlanService>().WhyNotStartAsync(child)));
            Assert.Equal(3, await db.Chronology.CountAsync(e => e.PersonId == child && e.Kind == ChildProtectionChronology.Conference && e.IsSignificant));
        }
    }

    [Fact]
    public async Task AChildOnAChildInNeedPlan_WhoBecomesSubjectToAPlan_HasTheChildInNeedPlanEndedAsReplaced()
    {
        var (child, conference) = await ToConferenceAsync("Akosua");
        await using (var db = App.OpenDb())
        {
            var referral = await db.Referrals.Where(r => r.PersonId == child).Select(r => r.Id).SingleAsync();
            db.ChildInNeedPlans.Add(new ChildInNeedPlan
            {
                PersonId = child, ReferralId = referral, TeamId = App.Borough.TeamId, StartDate = Today.AddDays(-28), Stage = PlanStage.Active,
                CreatedById = App.Borough.Users[Roles.SocialWorker].Id, CreatedByName = "Test Social worker", Version = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }
        var chair = As(Roles.ConferenceChair);
        var arranged = await With(s => Conferences(s).ArrangeAsync(chair, conference.Id, conference.Version, DateTime.UtcNow.AddDays(-1), null));
        await With(s => Conferences(s).HoldAsync(chair, conference.Id, arranged!.Version, Holding(Today.AddDays(-1), ConferenceDecision.Plan)));

        await using var check = App.OpenDb();
        var cin = await check.ChildInNeedPlans.AsNoTracking().SingleAsync(p => p.PersonId == child);
        Assert.Equal((PlanStage.Ended, Today.AddDays(-1), "Replaced by a child protection plan"), (cin.Stage, cin.EndDate, cin.EndReason));
        Assert.Equal([InvolvementKind.ChildProtection],
            await check.Involvements.AsNoTracking().Where(i => i.PersonId == child && i.EndDate == null).Select(i => i.Kind).ToListAsync());
    }

    [Fact]
    public async Task AChairHoldingTheChildsCase_CannotChairIt_AndAReviewMustTestThePlan()
    {
        var (child, conference) = await ToConferenceAsync("Efua");
        var chair = As(Roles.ConferenceChair);
        await using (var db = App.OpenDb())
        {
            var open = await db.Involvements.SingleAsync(i => i.PersonId == child && i.EndDate == null);
            open.WorkerId = chair.UserId;
            await db.SaveChangesAsync();
        }
        var refused = await Assert.ThrowsAsync<ValidationException>(() => With(s => Conferences(s).ArrangeAsync(chair, conference.Id, conference.Version, DateTime.UtcNow, null)));
        Assert.Contains("own caseload", Assert.Single(refused.Errors).ErrorMessage, StringComparison.Ordinal);

        var early = await Assert.ThrowsAsync<ValidationException>(() => With(s => Conferences(s).HoldAsync(chair, conference.Id, conference.Version,
            Holding(Today.AddDays(-40), ConferenceDecision.Plan))));
        Assert.Contains(early.Errors, e => e.PropertyName == "HeldOn" && e.ErrorMessage.Contains("cannot be before", StringComparison.Ordinal));
        Assert.Contains(early.Errors, e => e.PropertyName == "ChairId");
        var wrongDecision = await Assert.ThrowsAsync<ValidationException>(() => With(s => Conferences(s).HoldAsync(chair, conference.Id, conference.Version,
            Holding(Today, ConferenceDecision.ContinuePlan))));
        Assert.Contains(wrongDecision.Errors, e => e.PropertyName == "Decision");
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => Conferences(s).ToHoldAsync(As(Roles.SocialWorker), null)));
    }

    [Fact]
    public async Task ASecondPlanWithinTwoYears_CountsThePreviousPlan_AndSaysSoOnTheChronology()
    {
        var (child, conference) = await ToConferenceAsync("Kwame");
        await using (var db = App.OpenDb())
        {
            db.ChildProtectionPlans.Add(new ChildProtectionPlan
            {
                PersonId = child, TeamId = App.Borough.TeamId, InitialConferenceId = conference.Id, StartDate = Today.AddMonths(-20), EndDate = Today.AddMonths(-14),
                EndReason = PlanEndReason.NoLongerAtRisk, InitialCategory = "PHY", LatestCategory = "PHY", Version = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }
        var chair = As(Roles.ConferenceChair);
        var arranged = await With(s => Conferences(s).ArrangeAsync(chair, conference.Id, conference.Version, DateTime.UtcNow, null));
        await With(s => Conferences(s).HoldAsync(chair, conference.Id, arranged!.Version, Holding(Today, ConferenceDecision.Plan)));

        await using var check = App.OpenDb();
        var plan = await check.ChildProtectionPlans.AsNoTracking().SingleAsync(p => p.PersonId == child && p.EndDate == null);
        Assert.Equal((1, Today.AddMonths(-14)), (plan.PreviousPlans, plan.PreviousPlanEnded));
        var entry = await check.Chronology.AsNoTracking().Where(e => e.PersonId == child && e.Kind == ChildProtectionChronology.Conference).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Contains("a second plan within two years of the last (1 before)", entry.Summary, StringComparison.Ordinal);
    }
}

public class ConferenceOnSqliteTests(SafeguardApp app) : ConferenceTests<SafeguardApp>(app)
{
    [Fact]
    public async Task TheChairsList_ShowsEachConferenceToHold_WithItsDueDate_AndTheChairsOwnOnRequest()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Yaw", daysAgo: 30);
        var worker = App.Borough.Users[Roles.SocialWorker].Actor;
        var today = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
        int conferenceId;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var s = scope.ServiceProvider;
            await s.GetRequiredService<StrategyDiscussionService>().RecordAsync(worker, child, new(DateTime.UtcNow.AddDays(-25), StrategyDiscussionForm.Meeting,
                [new(ProfessionalRole.Police, "DC Khan", null, true), new(ProfessionalRole.Gp, "Dr Obi", null, true)], "Injury.", null, StrategyDecision.StartSection47, "Harm suspected."));
            var enquiry = (await s.GetRequiredService<StrategyDiscussionService>().OpenEnquiryAsync(child))!;
            enquiry = (await s.GetRequiredService<Section47Service>().RecordSeenAsync(worker, child, enquiry.Id, enquiry.Version, new(today.AddDays(-24), today.AddDays(-24), null)))!;
            await s.GetRequiredService<Section47Service>().ConcludeAsync(worker, child, enquiry.Id, enquiry.Version, Section47Outcome.InitialConference, today, "Risk continues.");
            await using var db = App.OpenDb();
            conferenceId = await db.Conferences.Where(c => c.PersonId == child).Select(c => c.Id).SingleAsync();
        }
        var chair = await App.As(Roles.ConferenceChair);

        var page = await Forms.GetDocumentAsync(chair, "/conferences");
        var row = page.QuerySelectorAll("[data-testid=conferences] tbody tr").Single(r => r.QuerySelector($"a[href='/people/{child}']") is not null);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Initial child protection conference", cells[0]);
        Assert.StartsWith(Display.Date(App.Factory.Services.GetRequiredService<WorkingDayCalendar>().AddWorkingDays(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-25)), 15)), cells[1], StringComparison.Ordinal);
        Assert.Contains("Late", cells[1], StringComparison.Ordinal);
        Assert.Equal(("Not arranged yet", "No chair yet", "None asked for yet"), (cells[2], cells[3], cells[4]));
        Assert.Equal("Conferences", page.QuerySelector("[aria-current=page]")?.TextContent.Trim());
        var mine = await Forms.GetDocumentAsync(chair, "/conferences?mine=true");
        Assert.Null(mine.QuerySelector($"a[href='/people/{child}']"));
        Assert.True(conferenceId > 0);
    }
}

public class ConferenceOnPostgresTests(SafeguardAppOnPostgres app) : ConferenceTests<SafeguardAppOnPostgres>(app);
