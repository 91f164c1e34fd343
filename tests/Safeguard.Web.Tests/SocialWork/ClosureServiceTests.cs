using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// Closing, stepping down and stepping up a child's case on both databases: what a sign-off ends and opens, the
/// census rules on reasons, who may sign off, a step up as a new referral, and the repeat referral count after closure.
/// </summary>
public abstract class ClosureServiceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    private Actor As(string role) => app.Borough.Users[role].Actor;
    private static DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(DateTimeOffset.UtcNow));

    private async Task<T> With<T>(Func<ClosureService, Task<T>> work)
    {
        await app.As(Roles.SocialWorker);   // skips the PostgreSQL run when there is no server
        using var scope = app.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClosureService>());
    }

    private async Task<int> AuthorisedAssessmentAsync(Guid child)
    {
        using var scope = app.Factory.Services.CreateScope();
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var started = await assessments.StartAsync(As(Roles.SocialWorker), child, null);
        var submitted = await assessments.SubmitAsync(As(Roles.SocialWorker), started!.Id, started.Version, SocialWorkData.CompleteDraft(Today));
        await assessments.AuthoriseAsync(As(Roles.TeamManager), submitted!.Id, submitted.Version, true, "Sound analysis");
        return started.Id;
    }

    private static ClosureService.Proposal Close(string code, string reasons = "Mother is managing; school reports no concerns") =>
        new(ClosureKind.Close, code, reasons, null);

    [Fact]
    public async Task SigningOffAStepDown_EndsTheEpisodeItsPlanWorkAndAllocations_AndOpensEarlyHelp()
    {
        var (child, referralId) = await SocialWorkData.ReferredAsync(app, "Tayo", daysAgo: 40);
        await AuthorisedAssessmentAsync(child);
        var worker = app.Borough.Users[Roles.SocialWorker];
        int involvementId, planId, allocationId;
        await using (var db = app.OpenDb())
        {
            involvementId = await db.Involvements.Where(i => i.PersonId == child).Select(i => i.Id).SingleAsync();
            var allocation = new Allocation
            {
                PersonId = child, InvolvementId = involvementId, TeamId = app.Borough.TeamId, WorkerId = worker.Id, WorkerName = worker.Name,
                FromUtc = DateTime.UtcNow.AddDays(-30), Reason = "Capacity", AllocatedById = app.Borough.Users[Roles.TeamManager].Id, AllocatedByName = "Test Team manager",
            };
            var plan = new ChildInNeedPlan
            {
                PersonId = child, ReferralId = referralId, TeamId = app.Borough.TeamId, StartDate = Today.AddDays(-20), Stage = PlanStage.Active,
                CreatedById = worker.Id, CreatedByName = worker.Name, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            };
            db.AddRange(allocation, plan);
            await db.SaveChangesAsync();
            (planId, allocationId) = (plan.Id, allocation.Id);
        }

        var proposed = await With(s => s.ProposeAsync(As(Roles.SocialWorker), child,
            new ClosureService.Proposal(ClosureKind.StepDownToEarlyHelp, null, "Needs met; family want help with routines", app.Borough.EarlyHelpTeamId)));
        Assert.Equal(("RC9", ClosureStage.AwaitingAuthorisation), (proposed!.ReasonCode, proposed.Stage));
        var signed = await With(s => s.AuthoriseAsync(As(Roles.TeamManager), proposed.Id, proposed.Version, true, "Agreed: the plan's aims are met"));

        Assert.Equal((ClosureStage.Authorised, Today), (signed!.Stage, signed.ClosedOn));
        await using var check = app.OpenDb();
        var referral = await check.Referrals.SingleAsync(r => r.Id == referralId);
        Assert.Equal((Today, "RC9"), (referral.ClosedOn, referral.ClosureReason));
        var plan2 = await check.ChildInNeedPlans.SingleAsync(p => p.Id == planId);
        Assert.Equal((PlanStage.Ended, Today, "Stepped down to early help (First Stop Early Help)"), (plan2.Stage, plan2.EndDate, plan2.EndReason));
        Assert.Equal(Today, (await check.Involvements.SingleAsync(i => i.Id == involvementId)).EndDate);
        Assert.NotNull((await check.Allocations.SingleAsync(a => a.Id == allocationId)).ToUtc);
        var earlyHelp = await check.Involvements.SingleAsync(i => i.PersonId == child && i.EndDate == null);
        Assert.Equal((InvolvementKind.EarlyHelp, app.Borough.EarlyHelpTeamId, (string?)null, Today), (earlyHelp.Kind, earlyHelp.TeamId, earlyHelp.WorkerId, earlyHelp.StartDate));
        var decision = await check.Authorisations.SingleAsync(a => a.SubjectId == proposed.Id && a.Subject == AuthorisationSubject.StepDown);
        Assert.Equal((true, "Agreed: the plan's aims are met", app.Borough.Users[Roles.TeamManager].Id), (decision.Approved, decision.Reason, decision.ById));
        var entry = await check.Chronology.SingleAsync(e => e.PersonId == child && e.Kind == ClosureChronology.SteppedDown);
        Assert.True(entry.IsSignificant);
        Assert.Equal($"/people/{child}/closures/{proposed.Id}", entry.Link);
        var changes = await check.AccessLog.Where(e => e.PersonId == child && e.Action == AccessAction.Changed).Select(e => e.What).ToListAsync();
        Assert.Contains(changes, what => what.StartsWith($"Closure {proposed.Id} signed off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheProposerCannotSignOff_NorAWorker_AnotherManagerCan()
    {
        await app.As(Roles.TeamManager);
        var manager = As(Roles.TeamManager);
        var (child, referralId) = await SocialWorkData.ReferredAsync(app, "Wale", workerId: manager.UserId);
        var proposed = await With(s => s.ProposeAsync(manager, child, Close("RC7")));

        var own = await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.AuthoriseAsync(manager, proposed!.Id, proposed.Version, true, "Fine")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.AuthoriseAsync(As(Roles.SocialWorker), proposed!.Id, proposed.Version, true, "Fine")));
        var twice = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.ProposeAsync(As(Roles.SocialWorker), child, Close("RC7"))));
        var signed = await With(s => s.AuthoriseAsync(As(Roles.ServiceManager), proposed!.Id, proposed.Version, true, "Closing: needs met"));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => s.AuthoriseAsync(As(Roles.ServiceManager), proposed!.Id, proposed.Version, true, "Again")));

        Assert.Equal("You cannot sign off a closure you proposed: another manager must.", own.Message);
        Assert.Equal("A proposal to close this case is already waiting for the manager's sign-off", Assert.Single(twice.Errors).ErrorMessage);
        Assert.Equal(ClosureStage.Authorised, signed!.Stage);
        Assert.StartsWith("Someone else decided on this proposal", stale.Message, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal("RC7", (await db.Referrals.SingleAsync(r => r.Id == referralId)).ClosureReason);
        Assert.False(await db.Involvements.AnyAsync(i => i.PersonId == child && i.EndDate == null));
    }

    [Fact]
    public async Task TheCensusRules_OnReasonsAndAnOpenAssessment()
    {
        var worker = As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Efe", daysAgo: 8);

        var rc8 = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.ProposeAsync(worker, child, Close("RC8"))));
        var rc9 = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.ProposeAsync(worker, child, Close("RC9"))));
        var nothing = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.ProposeAsync(worker, child, new ClosureService.Proposal(ClosureKind.Close, "", " ", null))));
        var noTeam = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.ProposeAsync(worker, child,
            new ClosureService.Proposal(ClosureKind.StepDownToEarlyHelp, null, "Early help can help", app.Borough.TeamId))));
        using (var scope = app.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().StartAsync(worker, child, null);
        var inProgress = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.ProposeAsync(worker, child, Close("RC7"))));
        var died = await With(s => s.ProposeAsync(worker, child, Close("RC2", "Efe died in hospital on Tuesday")));

        Assert.Equal("RC8 Case closed after assessment, no further action needs an authorised assessment on this referral, and there is none: choose another reason",
            Assert.Single(rc8.Errors).ErrorMessage);
        Assert.StartsWith("RC9 means the child was referred to early help", Assert.Single(rc9.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["ReasonCode", "Reasons"], nothing.Errors.Select(e => e.PropertyName));
        Assert.Equal("Choose the early help team that will work with the child", Assert.Single(noTeam.Errors).ErrorMessage);
        Assert.StartsWith("An assessment on this referral is still in progress or waiting for authorisation: complete it first. Only RC1 to RC6",
            Assert.Single(inProgress.Errors).ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(("RC2", ClosureKind.Close), (died!.ReasonCode, died.Kind));
        // A step down without an authorised assessment is RC7.
        var (other, _) = await SocialWorkData.ReferredAsync(app, "Ebi", daysAgo: 8);
        var stepDown = await With(s => s.ProposeAsync(worker, other, new ClosureService.Proposal(ClosureKind.StepDownToEarlyHelp, null, "Family asked for early help", app.Borough.EarlyHelpTeamId)));
        Assert.Equal("RC7", stepDown!.ReasonCode);
    }

    [Fact]
    public async Task AReturnedProposal_KeepsTheManagersReason_AndTheWorkerCanProposeAgain()
    {
        var worker = As(Roles.SocialWorker);
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Niyi");
        var proposed = await With(s => s.ProposeAsync(worker, child, Close("RC7")));

        var returned = await With(s => s.AuthoriseAsync(As(Roles.TeamManager), proposed!.Id, proposed.Version, false, "See the child alone first"));
        var summary = await With(s => s.SummaryAsync(worker, child, logView: false));
        var again = await With(s => s.ProposeAsync(worker, child, Close("RC7", "Seen alone: Niyi is happy at home")));

        Assert.Equal(ClosureStage.Returned, returned!.Stage);
        Assert.Equal((proposed!.Id, "See the child alone first"), (summary!.Returned!.Id, summary.ReturnedBecause!.Reason));
        Assert.Equal(ClosureStage.AwaitingAuthorisation, again!.Stage);
        Assert.Null((await With(s => s.SummaryAsync(worker, child, logView: false)))!.Returned);
    }

    [Fact]
    public async Task SteppingUp_MakesAReferralFromEarlyHelpThroughTheFrontDoor_AndEndsEarlyHelp()
    {
        var (child, firstReferral) = await SocialWorkData.ReferredAsync(app, "Kayode", daysAgo: 60);
        var proposed = await With(s => s.ProposeAsync(As(Roles.SocialWorker), child,
            new ClosureService.Proposal(ClosureKind.StepDownToEarlyHelp, null, "Early help for routines", app.Borough.EarlyHelpTeamId)));
        await With(s => s.AuthoriseAsync(As(Roles.TeamManager), proposed!.Id, proposed.Version, true, "Agreed"));

        var wrongTeam = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.StepUpAsync(As(Roles.TeamManager), child, app.Borough.EarlyHelpTeamId, "Worse")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.StepUpAsync(As(Roles.SocialWorker), child, app.Borough.AssessmentTeamId, "Worse")));
        var up = await With(s => s.StepUpAsync(As(Roles.TeamManager), child, app.Borough.AssessmentTeamId, "Bruising seen by the early help worker"));
        var again = await Assert.ThrowsAsync<ValidationException>(() => With(s => s.StepUpAsync(As(Roles.TeamManager), child, app.Borough.AssessmentTeamId, "Again")));

        Assert.Equal("Choose the social work team (assessment or child in need) that will assess the child", Assert.Single(wrongTeam.Errors).ErrorMessage);
        Assert.Equal(firstReferral, up!.EarlierReferralId);
        Assert.StartsWith("The child is not open to early help", Assert.Single(again.Errors).ErrorMessage, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var referral = await db.Referrals.SingleAsync(r => r.Id == up.ReferralId);
        Assert.Equal(("5D", Today, app.Borough.AssessmentTeamId, (DateOnly?)null), (referral.SourceCode, referral.ReferralDate, referral.TeamId, referral.ClosedOn));
        var contact = await db.Contacts.Include(c => c.Children).SingleAsync(c => c.Id == up.ContactId);
        Assert.Equal((ScreeningOutcome.Referral, ContactStage.Closed, firstReferral, up.ReferralId),
            (contact.ScreeningOutcome, contact.Stage, contact.Children[0].EarlierReferralId, contact.Children[0].ReferralId));
        var open = await db.Involvements.Where(i => i.PersonId == child && i.EndDate == null).ToListAsync();
        Assert.Equal((InvolvementKind.Assessment, app.Borough.AssessmentTeamId), (Assert.Single(open).Kind, open[0].TeamId));
        Assert.True(await db.Authorisations.AnyAsync(a => a.Subject == AuthorisationSubject.StepUp && a.SubjectId == up.ReferralId && a.PersonId == child));
        Assert.True(await db.Chronology.AnyAsync(e => e.PersonId == child && e.Kind == ClosureChronology.SteppedUp && e.IsSignificant));
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(400, false)]
    public async Task ALaterContact_LinksBackToTheClosedEpisode_AndIsARepeatReferralWithin12Months(int referredDaysAgo, bool repeat)
    {
        var (child, referralId) = await SocialWorkData.ReferredAsync(app, "Remi", daysAgo: referredDaysAgo);
        var proposed = await With(s => s.ProposeAsync(As(Roles.SocialWorker), child, Close("RC7")));
        await With(s => s.AuthoriseAsync(As(Roles.TeamManager), proposed!.Id, proposed.Version, true, "Needs met"));

        Contact contact;
        using (var scope = app.Factory.Services.CreateScope())
            contact = await scope.ServiceProvider.GetRequiredService<ContactService>().RecordAsync(As(Roles.ContactServiceWorker), new NewContact
            {
                ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-5), Method = ContactMethod.Phone, SourceCode = "2A", ReferrerName = "Ms Head",
                ChildIds = [child], Concerns = "Remi came to school hungry again", Consent = Consent.Given,
            });

        var about = Assert.Single(contact.Children);
        Assert.False(about.HadOpenCase);
        Assert.Equal(ContactStage.AwaitingScreening, contact.Stage);
        Assert.Equal(repeat ? referralId : null, about.EarlierReferralId);
    }

    [Fact]
    public async Task AnotherTeamsWorker_CannotProposeOrOpen()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(app, "Lola", teamId: app.Borough.AssessmentTeamId);
        var serviceManager = As(Roles.ServiceManager);

        Assert.Null(await With(s => s.ProposeAsync(As(Roles.SocialWorker), child, Close("RC7"))));
        Assert.Null(await With(s => s.SummaryAsync(As(Roles.SocialWorker), child, logView: false)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.ProposeAsync(serviceManager, child, Close("RC7"))));
        Assert.NotNull(await With(s => s.SummaryAsync(serviceManager, child, logView: true)));
    }
}

public class ClosureServiceOnSqliteTests(SafeguardApp app) : ClosureServiceTests<SafeguardApp>(app);

public class ClosureServiceOnPostgresTests(SafeguardAppOnPostgres app) : ClosureServiceTests<SafeguardAppOnPostgres>(app);
