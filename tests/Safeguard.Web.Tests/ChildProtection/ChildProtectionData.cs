using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Tests.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>Children on child protection plans for the plan's tests, each made fresh through the services so tests do not see each other's.</summary>
internal static class ChildProtectionData
{
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    /// <summary>
    /// A new child referred 30 days ago, through a strategy discussion (25 days ago), a section 47 enquiry and an initial
    /// conference held <paramref name="conferenceDaysAgo"/> days ago by the test chair, onto a plan under neglect. Returns
    /// the child and the plan as it is now.
    /// </summary>
    public static async Task<(Guid Child, ChildProtectionPlan Plan)> OnPlanAsync(SafeguardApp app, string first, int conferenceDaysAgo = 15)
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, first, daysAgo: 30);
        var worker = app.Borough.Users[Roles.SocialWorker].Actor;
        var chair = app.Borough.Users[Roles.ConferenceChair].Actor;
        using var scope = app.Factory.Services.CreateScope();
        var s = scope.ServiceProvider;
        var started = WorkingDayCalendar.FromUkLocal(Today.AddDays(-25).ToDateTime(new TimeOnly(10, 0))).UtcDateTime;
        await s.GetRequiredService<StrategyDiscussionService>().RecordAsync(worker, child, new(started, StrategyDiscussionForm.Call,
            [new(ProfessionalRole.Police, "DC Khan", null, true), new(ProfessionalRole.Gp, "Dr Obi", null, true)],
            "Neglect: no food in the house, the home unsafe.", null, StrategyDecision.StartSection47, "Significant harm suspected."));
        var enquiry = (await s.GetRequiredService<StrategyDiscussionService>().OpenEnquiryAsync(child))!;
        var section47 = s.GetRequiredService<Section47Service>();
        enquiry = (await section47.RecordSeenAsync(worker, child, enquiry.Id, enquiry.Version, new(Today.AddDays(-24), Today.AddDays(-24), null)))!;
        await section47.ConcludeAsync(worker, child, enquiry.Id, enquiry.Version, Section47Outcome.InitialConference, Today.AddDays(-20), "Continuing risk of neglect.");
        var conferences = s.GetRequiredService<ConferenceService>();
        int conferenceId;
        await using (var db = app.OpenDb())
            conferenceId = await db.Conferences.Where(c => c.PersonId == child && c.HeldOn == null).Select(c => c.Id).SingleAsync();
        var conference = (await conferences.ArrangeAsync(chair, conferenceId, (await conferences.OpenAsync(chair, conferenceId))!.Version, DateTime.UtcNow.AddDays(-conferenceDaysAgo), null))!;
        await conferences.HoldAsync(chair, conference.Id, conference.Version, Holding(Today.AddDays(-conferenceDaysAgo), ConferenceDecision.Plan));
        await using var check = app.OpenDb();
        return (child, await check.ChildProtectionPlans.AsNoTracking().Include(p => p.Actions).SingleAsync(p => p.PersonId == child && p.EndDate == null));
    }

    /// <summary>What the chair records: an initial conference deciding on a plan, or a review continuing or ending it.</summary>
    public static ConferenceService.Held Holding(DateOnly on, ConferenceDecision decision, string? category = "NEG", bool? working = null, PlanEndReason? end = null) =>
        new(on, [], Participation.ViewsThroughAdvocate, "Wants to stay at home.", Participation.Attended, "Mother accepts help.",
            decision, category, null, working, working is null ? null : "Home conditions have improved and held",
            working is null ? null : "None: every action was done", "The decision follows from the reports.", end);

    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Plan)>> SamplePlans = [];

    /// <summary>One child protection plan per app for the role tests (the child open to the team every test user is in).</summary>
    public static Task<(Guid Child, int Plan)> SamplePlan(SafeguardApp app) => SamplePlans.GetValue(app, async a =>
    {
        var (child, plan) = await OnPlanAsync(a, "Pearl");
        return (child, plan.Id);
    });
}
