using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// A child and family assessment from start to authorisation on both databases: the derived due dates, saving
/// part-way, what submitting needs, a return with the reason, the authorisation, and the refusals.
/// </summary>
public abstract class AssessmentServiceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    private Actor As(string role) => app.Borough.Users[role].Actor;
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    private async Task<T> With<T>(Func<AssessmentService, Task<T>> work)
    {
        await app.As(Roles.SocialWorker);   // skips the PostgreSQL run when there is no server
        using var scope = app.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AssessmentService>());
    }

    private static AssessmentService.Draft Complete(DateOnly seen, string? lateReason = null) => new(
        seen, seen, null, ["16A", "3B"], "Neglect is chronic; mother is engaging.", "Tobi says he is hungry at school.",
        "Mother agrees there is a problem with money.", AssessmentOutcome.ChildInNeedPlan, "N1", lateReason);

    [Fact]
    public async Task StartSaveSubmitReturnAndAuthorise_LeaveTheRecordTheCensusNeeds()
    {
        var (child, referralId) = await SocialWorkData.ReferredAsync(app, "Tobi", daysAgo: 3);
        var worker = As(Roles.SocialWorker);
        var manager = As(Roles.TeamManager);
        var calendar = app.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        var referralDate = Today.AddDays(-3);

        var started = await With(s => s.StartAsync(worker, child, null));
        Assert.Equal((Today, calendar.AddWorkingDays(referralDate, 45), calendar.AddWorkingDays(referralDate, 7)),
            (started!.StartDate, started.DueDate, started.ChildSeenDueDate));
        Assert.Equal(AssessmentStage.InProgress, started.Stage);

        var part = await With(s => s.SaveAsync(worker, started.Id, started.Version,
            new AssessmentService.Draft(Today, null, null, ["16A"], "So far: the home is cold.", null, null, null, null, null)));
        var incomplete = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.SubmitAsync(worker, part!.Id, part.Version,
            new AssessmentService.Draft(Today, null, null, ["16A"], "So far: the home is cold.", null, null, null, null, null))));
        Assert.Equal(["ChildSeenAloneOn", "ChildViews", "FamilyViews", "Outcome", "PrimaryNeedCode"], incomplete.Errors.Select(e => e.PropertyName));

        var submitted = await With(s => s.SubmitAsync(worker, part!.Id, part.Version, Complete(Today)));
        Assert.Equal(AssessmentStage.AwaitingAuthorisation, submitted!.Stage);
        var returned = await With(s => s.AuthoriseAsync(manager, submitted.Id, submitted.Version, approve: false, "Say what the school told you"));
        Assert.Equal(AssessmentStage.InProgress, returned!.Stage);
        var again = await With(s => s.SubmitAsync(worker, returned.Id, returned.Version, Complete(Today) with { Analysis = "Neglect is chronic; the school confirms it." }));
        var authorised = await With(s => s.AuthoriseAsync(manager, again!.Id, again.Version, approve: true, "A clear analysis; a plan is right"));

        Assert.Equal((AssessmentStage.Authorised, Today, manager.UserId), (authorised!.Stage, authorised.AuthorisedOn, authorised.AuthorisedById));
        await using var db = app.OpenDb();
        Assert.Equal("N1", (await db.Referrals.SingleAsync(r => r.Id == referralId)).PrimaryNeedCode);
        Assert.Equal(["16A", "3B"], (await db.Assessments.Include(a => a.Factors).SingleAsync(a => a.Id == started.Id)).Factors.Select(f => f.Code).Order());
        var decisions = await db.Authorisations.Where(a => a.SubjectId == started.Id && a.Subject == AuthorisationSubject.Assessment).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([(false, "Say what the school told you"), (true, "A clear analysis; a plan is right")], decisions.Select(d => (d.Approved, d.Reason)));
        var kinds = await db.Chronology.Where(e => e.PersonId == child && e.Area == SocialWorkChronology.Area).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([SocialWorkChronology.AssessmentStarted, SocialWorkChronology.AssessmentSubmitted, SocialWorkChronology.AssessmentReturned,
            SocialWorkChronology.AssessmentSubmitted, SocialWorkChronology.AssessmentAuthorised], kinds);
    }

    [Fact]
    public async Task DatesOutOfOrder_AreRefusedSayingWhichDate()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Ola", daysAgo: 5);
        var worker = As(Roles.SocialWorker);
        var referralDate = Today.AddDays(-5);

        var early = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.StartAsync(worker, child, referralDate.AddDays(-1))));
        var future = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.StartAsync(worker, child, Today.AddDays(1))));
        var started = await With(s => s.StartAsync(worker, child, referralDate));
        var seenBefore = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.SaveAsync(worker, started!.Id, started.Version,
            Complete(referralDate.AddDays(-2)))));
        var aloneBeforeSeen = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.SubmitAsync(worker, started!.Id, started.Version,
            Complete(Today) with { ChildSeenAloneOn = referralDate })));
        var twice = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.StartAsync(worker, child, null)));

        Assert.Equal($"The start date must be on or after the referral date, {referralDate:d MMMM yyyy}", Assert.Single(early.Errors).ErrorMessage);
        Assert.Equal("The start date cannot be in the future", Assert.Single(future.Errors).ErrorMessage);
        Assert.Equal($"The date the child was seen must be on or after the referral date, {referralDate:d MMMM yyyy}", Assert.Single(seenBefore.Errors).ErrorMessage);
        Assert.Equal("The child cannot have been seen alone before they were first seen: check both dates", Assert.Single(aloneBeforeSeen.Errors).ErrorMessage);
        Assert.Equal("The child already has an assessment in progress: carry on with it", Assert.Single(twice.Errors).ErrorMessage);
    }

    [Fact]
    public async Task ALateAssessment_NeedsItsReason()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Kunle", daysAgo: 90);
        var worker = As(Roles.SocialWorker);
        var started = await With(s => s.StartAsync(worker, child, Today.AddDays(-80)));

        var noReason = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.SubmitAsync(worker, started!.Id, started.Version, Complete(Today.AddDays(-70)))));
        var submitted = await With(s => s.SubmitAsync(worker, started!.Id, started.Version, Complete(Today.AddDays(-70), "The family moved to Leeds for six weeks")));

        Assert.Equal($"The assessment was due by {started!.DueDate:d MMMM yyyy}: enter why it is late", Assert.Single(noReason.Errors).ErrorMessage);
        Assert.Equal("The family moved to Leeds for six weeks", submitted!.LateReason);
    }

    [Fact]
    public async Task NoOneAuthorisesTheirOwn_AndAnotherTeamsWorkerCannotOpenIt()
    {
        await app.As(Roles.TeamManager);   // skips the PostgreSQL run when there is no server
        var manager = As(Roles.TeamManager);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Sade", workerId: manager.UserId);
        var (otherTeamsChild, _) = await SocialWorkData.ReferredAsync(app, "Bayo", teamId: app.Borough.AssessmentTeamId);
        var started = await With(s => s.StartAsync(manager, child, null));
        var submitted = await With(s => s.SubmitAsync(manager, started!.Id, started.Version, Complete(Today)));

        var own = await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.AuthoriseAsync(manager, submitted!.Id, submitted.Version, true, "Fine")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.AuthoriseAsync(As(Roles.SocialWorker), submitted!.Id, submitted.Version, true, "Fine")));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => s.AuthoriseAsync(As(Roles.ServiceManager), submitted!.Id, started!.Version, true, "Fine")));
        var byServiceManager = await With(s => s.AuthoriseAsync(As(Roles.ServiceManager), submitted!.Id, submitted.Version, true, "Fine"));

        Assert.Equal("You cannot authorise an assessment you wrote: another manager must.", own.Message);
        Assert.StartsWith("Someone else saved this assessment", stale.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentStage.Authorised, byServiceManager!.Stage);
        Assert.Null(await With(s => s.StartAsync(As(Roles.SocialWorker), otherTeamsChild, null)));
    }
}

public class AssessmentServiceOnSqliteTests(SafeguardApp app) : AssessmentServiceTests<SafeguardApp>(app);

public class AssessmentServiceOnPostgresTests(SafeguardAppOnPostgres app) : AssessmentServiceTests<SafeguardAppOnPostgres>(app);
