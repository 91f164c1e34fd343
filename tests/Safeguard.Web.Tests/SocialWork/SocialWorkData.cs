using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>Children with open cases for the social work tests, each made fresh so tests do not see each other's.</summary>
internal static class SocialWorkData
{
    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Case)>> Sample = [];

    /// <summary>A new child with an unallocated case (an involvement) of the kind in the team; returns the child and the case.</summary>
    public static async Task<(Guid Child, int Case)> OpenCaseAsync(SafeguardApp app, string first, int? teamId = null,
        InvolvementKind kind = InvolvementKind.Assessment, string last = "Okafor")
    {
        await app.As(Roles.SocialWorker);   // skips a PostgreSQL test when there is no server
        using var scope = app.Factory.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<PeopleService>().AddAsync(app.Borough.Users[Roles.SocialWorker].Actor, new PersonDetails
        {
            FirstName = first, LastName = last, DateOfBirth = new DateOnly(2015, 6, 1), Sex = "M", Ethnicity = "BAFR",
        });
        await using var db = app.OpenDb();
        var involvement = new Involvement { PersonId = person.Id, Kind = kind, StartDate = new DateOnly(2026, 11, 2), TeamId = teamId ?? app.Borough.TeamId };
        db.Involvements.Add(involvement);
        await db.SaveChangesAsync();
        return (person.Id, involvement.Id);
    }

    /// <summary>
    /// A new child referred <paramref name="daysAgo"/> days ago, open to the team (the child in need team unless given)
    /// and allocated to the worker (the test social worker unless given); returns the child and the referral.
    /// </summary>
    public static async Task<(Guid Child, int Referral)> ReferredAsync(SafeguardApp app, string first, int daysAgo = 10, int? teamId = null, string? workerId = null)
    {
        var (child, caseId) = await OpenCaseAsync(app, first, teamId);
        await using var db = app.OpenDb();
        var referralDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo);
        var contact = new Core.FrontDoor.Contact
        {
            Number = await db.NextNumberAsync("Contact"), ReceivedAtUtc = DateTime.UtcNow.AddDays(-daysAgo), SourceCode = "2A", Concerns = "Hungry at school",
            Consent = Core.FrontDoor.Consent.Given, ScreeningDueAtUtc = DateTime.UtcNow, RecordedById = app.Borough.Users[Roles.ContactServiceWorker].Id, RecordedByName = "Test Contact service worker",
            Stage = Core.FrontDoor.ContactStage.Closed,
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        var referral = new Core.FrontDoor.Referral { PersonId = child, ContactId = contact.Id, ReferralDate = referralDate, SourceCode = "2A", PrimaryNeedCode = "N0", TeamId = teamId ?? app.Borough.TeamId };
        db.Referrals.Add(referral);
        var involvement = await db.Involvements.FindAsync(caseId);
        involvement!.StartDate = referralDate;
        involvement.WorkerId = workerId ?? app.Borough.Users[Roles.SocialWorker].Id;
        await db.SaveChangesAsync();
        return (child, referral.Id);
    }

    /// <summary>
    /// The child's assessment of their open referral, started on the referral date (unless given) and sent to the manager by
    /// <paramref name="worker"/> (the test social worker unless given); when <paramref name="authorise"/>,
    /// <paramref name="manager"/> (the test team manager unless given) authorises it. A child in need plan can be
    /// started once it is authorised with the outcome "a child in need plan".
    /// </summary>
    public static async Task<Core.SocialWork.Assessment> AssessAsync(SafeguardApp app, Guid child,
        Core.SocialWork.AssessmentOutcome outcome = Core.SocialWork.AssessmentOutcome.ChildInNeedPlan, bool authorise = true, Actor? worker = null, Actor? manager = null,
        DateOnly? startOn = null)
    {
        worker ??= app.Borough.Users[Roles.SocialWorker].Actor;
        manager ??= app.Borough.Users[Roles.TeamManager].Actor;
        DateOnly referralDate;
        await using (var db = app.OpenDb())
            referralDate = await db.Referrals.Where(r => r.PersonId == child && r.ClosedOn == null).Select(r => r.ReferralDate).SingleAsync();
        using var scope = app.Factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<Core.SocialWork.AssessmentService>();
        var started = await service.StartAsync(worker, child, startOn ?? referralDate);
        var sent = await service.SubmitAsync(worker, started!.Id, started.Version, CompleteDraft(referralDate) with { Outcome = outcome });
        return authorise ? (await service.AuthoriseAsync(manager, sent!.Id, sent.Version, true, "A sound analysis: the outcome follows from it"))! : sent!;
    }

    /// <summary>
    /// A new child whose case was referred and is now closed: the test social worker proposed closing it (RC7) and the
    /// team manager signed it off today.
    /// </summary>
    public static async Task<Guid> ClosedAsync(SafeguardApp app, string first)
    {
        var (child, _) = await ReferredAsync(app, first, daysAgo: 20);
        using var scope = app.Factory.Services.CreateScope();
        var closures = scope.ServiceProvider.GetRequiredService<Core.SocialWork.ClosureService>();
        var proposed = await closures.ProposeAsync(app.Borough.Users[Roles.SocialWorker].Actor, child,
            new Core.SocialWork.ClosureService.Proposal(Core.SocialWork.ClosureKind.Close, "RC7", "Needs met: school reports no concerns", null));
        await closures.AuthoriseAsync(app.Borough.Users[Roles.TeamManager].Actor, proposed!.Id, proposed.Version, true, "Agreed: needs met");
        return child;
    }

    /// <summary>One unallocated case per app for the role tests (open to the team every test user is in).</summary>
    public static async Task<int> SampleCase(SafeguardApp app) => (await SampleChildCase(app)).Case;

    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Assessment)>> SampleAssessments = [];

    /// <summary>One assessment per app for the role tests, written by the test social worker and waiting for authorisation.</summary>
    public static Task<(Guid Child, int Assessment)> SampleAssessment(SafeguardApp app) => SampleAssessments.GetValue(app, async a =>
    {
        var (child, _) = await ReferredAsync(a, "Sami", daysAgo: 5);
        using var scope = a.Factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<Core.SocialWork.AssessmentService>();
        var worker = a.Borough.Users[Roles.SocialWorker].Actor;
        var started = await service.StartAsync(worker, child, null);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await service.SubmitAsync(worker, started!.Id, started.Version, CompleteDraft(today.AddDays(-2)));
        return (child, started.Id);
    });

    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Closure)>> SampleClosures = [];

    /// <summary>One closure per app for the role tests, proposed by the test social worker and waiting for sign-off.</summary>
    public static Task<(Guid Child, int Closure)> SampleClosure(SafeguardApp app) => SampleClosures.GetValue(app, async a =>
    {
        var (child, _) = await ReferredAsync(a, "Cleo", daysAgo: 5);
        using var scope = a.Factory.Services.CreateScope();
        var closure = await scope.ServiceProvider.GetRequiredService<Core.SocialWork.ClosureService>().ProposeAsync(a.Borough.Users[Roles.SocialWorker].Actor, child,
            new Core.SocialWork.ClosureService.Proposal(Core.SocialWork.ClosureKind.Close, "RC7", "Needs met", null));
        return (child, closure!.Id);
    });

    /// <summary>An assessment draft with everything a submission needs.</summary>
    public static Core.SocialWork.AssessmentService.Draft CompleteDraft(DateOnly seenOn) => new(seenOn, seenOn, null, ["2B"],
        "Mother's low mood leaves the children hungry at times.", "Sami says he is hungry at school.", "Mother wants help with food and money.",
        Core.SocialWork.AssessmentOutcome.ChildInNeedPlan, "N1", null);

    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Plan, int Action, int Meeting)>> SamplePlans = [];

    /// <summary>
    /// One active child in need plan per app for the role tests: after the assessment with that outcome, written by the
    /// test social worker, authorised by the team manager.
    /// </summary>
    public static Task<(Guid Child, int Plan, int Action, int Meeting)> SamplePlan(SafeguardApp app) => SamplePlans.GetValue(app, async a =>
    {
        var (child, _) = await ReferredAsync(a, "Pia", daysAgo: 20);
        await AssessAsync(a, child);
        using var scope = a.Factory.Services.CreateScope();
        var plans = scope.ServiceProvider.GetRequiredService<Core.SocialWork.ChildInNeedPlanService>();
        var worker = a.Borough.Users[Roles.SocialWorker].Actor;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var plan = await plans.StartAsync(worker, child, today.AddDays(-5), "Pia is fed and warm every day.");
        plan = await plans.AddActionsAsync(worker, child, plan!.Id, plan.Version,
            [new("Help mother apply for free school meals", null, worker.UserId, today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]);
        plan = await plans.SubmitAsync(worker, child, plan!.Id, plan.Version);
        plan = await plans.AuthoriseAsync(a.Borough.Users[Roles.TeamManager].Actor, child, plan!.Id, plan.Version, true, "A clear plan");
        return (child, plan!.Id, plan.Actions.Single().Id, plan.Meetings.Single().Id);
    });

    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Oversight, int Action)>> SampleOversights = [];

    /// <summary>One oversight record per app for the role tests: the test team manager's, of the sample child, with an action for the social worker.</summary>
    public static Task<(Guid Child, int Oversight, int Action)> SampleOversight(SafeguardApp app) => SampleOversights.GetValue(app, async a =>
    {
        var (child, _) = await SampleChildCase(a);
        using var scope = a.Factory.Services.CreateScope();
        var today = DateOnly.FromDateTime(Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
        var o = await scope.ServiceProvider.GetRequiredService<Core.SocialWork.OversightService>().RecordAsync(a.Borough.Users[Roles.TeamManager].Actor, child,
            new(today, "Allocate this week", "The school reports more absence", [new("Ring the school", a.Borough.Users[Roles.SocialWorker].Id, today.AddDays(7))]));
        return (child, o!.Id, o.Actions[0].Id);
    });

    private static readonly ConditionalWeakTable<SafeguardApp, Task<int>> SampleSupervisions = [];

    /// <summary>One group supervision per app for the role tests, in the test team (every test user but the partner is a member).</summary>
    public static Task<int> SampleSupervision(SafeguardApp app) => SampleSupervisions.GetValue(app, async a =>
    {
        await a.As(Roles.TeamManager);
        using var scope = a.Factory.Services.CreateScope();
        var today = DateOnly.FromDateTime(Core.Calendar.WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));
        var s = await scope.ServiceProvider.GetRequiredService<Core.SocialWork.SupervisionService>().RecordAsync(a.Borough.Users[Roles.TeamManager].Actor,
            a.Borough.TeamId, new(Core.SocialWork.SupervisionKind.Group, today, null, "The whole team", "Caseloads are high this month", []));
        return s!.Id;
    });

    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Visit)>> SampleVisits = [];

    /// <summary>One visit per app for the role tests, recorded by the test social worker.</summary>
    public static Task<(Guid Child, int Visit)> SampleVisit(SafeguardApp app) => SampleVisits.GetValue(app, async a =>
    {
        var (child, _) = await ReferredAsync(a, "Vera", daysAgo: 5);
        using var scope = a.Factory.Services.CreateScope();
        var visit = await scope.ServiceProvider.GetRequiredService<Core.SocialWork.VisitService>().RecordAsync(a.Borough.Users[Roles.SocialWorker].Actor, child,
            new(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), null, true, true, null, Core.SocialWork.VisitLocation.Home, null, "Vera showed me her drawings.", false));
        return (child, visit!.Id);
    });

    private static readonly ConditionalWeakTable<SafeguardApp, Task<(Guid Child, int Note)>> SampleNotes = [];

    /// <summary>One case note per app for the role tests, written by the test social worker (so only they and managers may edit it).</summary>
    public static Task<(Guid Child, int Note)> SampleNote(SafeguardApp app) => SampleNotes.GetValue(app, async a =>
    {
        var (child, _) = await ReferredAsync(a, "Nell", daysAgo: 5);
        using var scope = a.Factory.Services.CreateScope();
        var note = await scope.ServiceProvider.GetRequiredService<Core.SocialWork.CaseNoteService>().WriteAsync(a.Borough.Users[Roles.SocialWorker].Actor, child,
            new(Core.SocialWork.CaseNoteType.Telephone, DateTime.UtcNow.AddHours(-2), false, "Mother", "Rang mother to arrange a visit."));
        return (child, note!.Id);
    });

    /// <summary>The child of <see cref="SampleCase"/>.</summary>
    public static Task<(Guid Child, int Case)> SampleChildCase(SafeguardApp app) => Sample.GetValue(app, a => OpenCaseAsync(a, "Cara", last: "Sample"));
}
