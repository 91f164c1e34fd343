using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.TestCommon;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>
/// The front door's services end to end against a real database, once on SQLite and once on PostgreSQL:
/// contact, screening, MASH rating, partner requests and answers, the decision, and what each leaves behind.
/// Each test makes its own children so the tests do not see each other's open cases.
/// </summary>
public abstract class FrontDoorServiceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SafeguardApp
{
    private Actor As(string role) => app.Borough.Users[role].Actor;

    private async Task<T> With<T>(Func<IServiceProvider, Task<T>> work)
    {
        await app.As(Roles.ContactServiceWorker); // skips the PostgreSQL run when there is no server
        using var scope = app.Factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<Guid> NewChildAsync(string first, string last = "Brennan") => With(async sp =>
        (await sp.GetRequiredService<PeopleService>().AddAsync(As(Roles.SocialWorker), new PersonDetails
        {
            FirstName = first, LastName = last, DateOfBirth = new DateOnly(2017, 4, 2), Sex = "F", Ethnicity = "WBRI",
        })).Id);

    private static NewContact PoliceContact(params Guid[] children) => new()
    {
        ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-30), Method = ContactMethod.PoliceNotification, SourceCode = "6",
        ReferrerName = "PC Hollis", ChildIds = children, FactorCodes = ["3A", "3B"], Concerns = "Domestic abuse incident at home overnight; children present.",
        Consent = Consent.NotSoughtSafeguarding, ConsentReason = "Seeking consent could put the mother at risk", PoliceRag = Rag.Red,
    };

    [Fact]
    public async Task AContactThroughTheMashToAnAssessment_LeavesReferralsChronologyAndAnIntactLog()
    {
        var (a, b) = (await NewChildAsync("Ava"), await NewChildAsync("Ben"));
        var contact = await With(sp => sp.GetRequiredService<ContactService>().RecordAsync(As(Roles.ContactServiceWorker), PoliceContact(a, b)));
        Assert.Equal(ContactStage.AwaitingScreening, contact.Stage);
        Assert.True(contact.ScreeningDueAtUtc > contact.ReceivedAtUtc);

        await With(sp => sp.GetRequiredService<ContactService>().ScreenAsync(As(Roles.ContactServiceWorker), contact.Id, contact.Version,
            new ContactService.Screening(ScreeningOutcome.Mash, "Domestic abuse with children present: multi-agency checks needed")));
        var caseId = await With(sp => sp.GetRequiredService<Core.Data.SafeguardDbContext>().MashCases.Where(m => m.ContactId == contact.Id).Select(m => m.Id).SingleAsync());

        var mash = await With(sp => sp.GetRequiredService<MashService>().RateAsync(As(Roles.MashWorker), caseId, Version(sp, caseId), Rag.Amber, null));
        Assert.Equal(Rag.Amber, mash!.InitialRag);
        mash = await With(sp => sp.GetRequiredService<MashService>().RateAsync(As(Roles.MashWorker), caseId, Version(sp, caseId), Rag.Red, "School reports Ben has an unexplained injury"));
        Assert.Equal(Rag.Amber, mash!.InitialRag);
        Assert.Equal(Rag.Red, mash.CurrentRag);
        Assert.Equal(contact.ReceivedAtUtc.AddHours(24), mash.DueAtUtc);

        var police = await With(sp => sp.GetRequiredService<MashService>().RequestAsync(As(Roles.MashWorker), caseId, app.Borough.PoliceId, "Any call-outs to this address in the last year?"));
        var health = await With(sp => sp.GetRequiredService<MashService>().RequestAsync(As(Roles.MashWorker), caseId, app.Borough.HealthId, "Known to the health visitor?"));
        Assert.Equal(police!.SentAtUtc.AddHours(12), police.DueAtUtc);

        // The police partner answers their own request; the health one is not theirs to see.
        var partner = As(Roles.PartnerAgencyUser);
        Assert.Null(await With(sp => sp.GetRequiredService<PartnerService>().OpenAsync(partner, health!.Id)));
        var answered = await With(sp => sp.GetRequiredService<PartnerService>().AnswerAsync(partner, police.Id, police.Version,
            "Two call-outs in March; no arrests.", []));
        Assert.NotNull(answered!.AnsweredAtUtc);

        await With(sp => sp.GetRequiredService<MashService>().DecideAsync(As(Roles.MashManager), caseId, Version(sp, caseId),
            new MashService.Decision(MashOutcome.Assessment, "Threshold for a statutory assessment is met.", app.Borough.AssessmentTeamId, "N1")));

        await app.FlushAccessLogAsync();
        await using var db = app.OpenDb();
        var referrals = await db.Referrals.Where(r => r.ContactId == contact.Id).ToListAsync();
        Assert.Equal(new[] { a, b }.Order(), referrals.Select(r => r.PersonId).Order());
        Assert.All(referrals, r => Assert.Equal("6", r.SourceCode));
        Assert.All(referrals, r => Assert.False(r.NoFurtherAction));
        Assert.Equal(2, await db.Involvements.CountAsync(i => (i.PersonId == a || i.PersonId == b) && i.Kind == InvolvementKind.Assessment && i.TeamId == app.Borough.AssessmentTeamId));
        var withdrawn = await db.InformationRequests.SingleAsync(r => r.Id == health!.Id);
        Assert.NotNull(withdrawn.WithdrawnAtUtc);
        foreach (var child in new[] { a, b })
        {
            var kinds = await db.Chronology.Where(c => c.PersonId == child).Select(c => c.Kind).ToListAsync();
            Assert.Contains(FrontDoorChronology.ContactReceived, kinds);
            Assert.Contains(FrontDoorChronology.Screened, kinds);
            Assert.Contains(FrontDoorChronology.Rated, kinds);
            Assert.Contains(FrontDoorChronology.InformationRequested, kinds);
            Assert.Contains(FrontDoorChronology.InformationReceived, kinds);
            Assert.Contains(FrontDoorChronology.MashDecision, kinds);
            Assert.Contains(FrontDoorChronology.Referral, kinds);
        }
        Assert.True((await new AccessLogVerifier(TestKeys.Chain()).VerifyAsync(db)).Intact);

        // The police users were told there is something to answer, and nothing about the child.
        await app.SendOutboxAsync();
        var email = Assert.Single(app.Emails.Sent, e => e.To == app.Borough.Users[Roles.PartnerAgencyUser].Email);
        Assert.Contains("https://safeguard.test/partner", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Brennan", email.Body + email.Subject, StringComparison.Ordinal);
    }

    private static Guid Version(IServiceProvider sp, int caseId) =>
        sp.GetRequiredService<Core.Data.SafeguardDbContext>().MashCases.AsNoTracking().Where(m => m.Id == caseId).Select(m => m.Version).Single();

    [Fact]
    public async Task ALaterContact_IsFlaggedAsARepeatReferral_AndGoesToTheTeamAsNewInformation()
    {
        var child = await NewChildAsync("Cara");
        var first = await With(sp => sp.GetRequiredService<ContactService>().RecordAsync(As(Roles.ContactServiceWorker), PoliceContact(child)));
        await With(sp => sp.GetRequiredService<ContactService>().ScreenAsync(As(Roles.ContactServiceWorker), first.Id, first.Version,
            new ContactService.Screening(ScreeningOutcome.Referral, "Clear threshold", app.Borough.AssessmentTeamId, "N1")));

        var second = await With(sp => sp.GetRequiredService<ContactService>().RecordAsync(As(Roles.ContactServiceWorker),
            PoliceContact(child) with { ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-5) }));

        await using var db = app.OpenDb();
        var flagged = await db.ContactChildren.SingleAsync(c => c.ContactId == second.Id);
        var earlier = await db.Referrals.SingleAsync(r => r.ContactId == first.Id);
        Assert.Equal(earlier.Id, flagged.EarlierReferralId);
        Assert.True(flagged.HadOpenCase);
        Assert.Equal(app.Borough.AssessmentTeamId, flagged.NewInformationForTeamId);
        Assert.Equal(ContactStage.NewInformation, second.Stage);
    }

    [Fact]
    public async Task StaleVersionsConflict_AndDecisionsBeforeReceiptAreRefused_WithNothingSaved()
    {
        var child = await NewChildAsync("Dana");
        var contact = await With(sp => sp.GetRequiredService<ContactService>().RecordAsync(As(Roles.ContactServiceWorker), PoliceContact(child)));
        var early = new ContactService.Screening(ScreeningOutcome.NoFurtherAction, "No concerns", DecidedAtUtc: contact.ReceivedAtUtc.AddMinutes(-1));
        var refused = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            With(sp => sp.GetRequiredService<ContactService>().ScreenAsync(As(Roles.ContactServiceWorker), contact.Id, contact.Version, early)));
        Assert.Contains(refused.Errors, e => e.PropertyName == "DecidedAtUtc");

        await With(sp => sp.GetRequiredService<ContactService>().ScreenAsync(As(Roles.ContactServiceWorker), contact.Id, contact.Version,
            new ContactService.Screening(ScreeningOutcome.Mash, "Checks needed")));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            With(sp => sp.GetRequiredService<ContactService>().ScreenAsync(As(Roles.ContactServiceWorker), contact.Id, contact.Version,
                new ContactService.Screening(ScreeningOutcome.NoFurtherAction, "Second thoughts"))));

        await using var db = app.OpenDb();
        var saved = await db.Contacts.SingleAsync(c => c.Id == contact.Id);
        Assert.Equal(ScreeningOutcome.Mash, saved.ScreeningOutcome);
        Assert.Equal(1, await db.MashCases.CountAsync(m => m.ContactId == contact.Id));
    }

    [Fact]
    public async Task ReRatingNeedsAReason_AndOnlyTheManagerDecides()
    {
        var child = await NewChildAsync("Evie");
        var contact = await With(sp => sp.GetRequiredService<ContactService>().RecordAsync(As(Roles.ContactServiceWorker), PoliceContact(child)));
        await With(sp => sp.GetRequiredService<ContactService>().ScreenAsync(As(Roles.ContactServiceWorker), contact.Id, contact.Version,
            new ContactService.Screening(ScreeningOutcome.Mash, "Checks needed")));
        var caseId = await With(sp => sp.GetRequiredService<Core.Data.SafeguardDbContext>().MashCases.Where(m => m.ContactId == contact.Id).Select(m => m.Id).SingleAsync());
        await With(sp => sp.GetRequiredService<MashService>().RateAsync(As(Roles.MashWorker), caseId, Version(sp, caseId), Rag.Green, null));

        var noReason = await Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            With(sp => sp.GetRequiredService<MashService>().RateAsync(As(Roles.MashWorker), caseId, Version(sp, caseId), Rag.Amber, "  ")));
        Assert.Contains(noReason.Errors, e => e.PropertyName == "Reason");
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            With(sp => sp.GetRequiredService<MashService>().DecideAsync(As(Roles.MashWorker), caseId, Version(sp, caseId),
                new MashService.Decision(MashOutcome.NoFurtherAction, "Not needed"))));

        // Green then no further action: not a referral, as the DfE counts them.
        await With(sp => sp.GetRequiredService<MashService>().DecideAsync(As(Roles.MashManager), caseId, Version(sp, caseId),
            new MashService.Decision(MashOutcome.EarlyHelp, "Family would benefit from support", app.Borough.EarlyHelpTeamId)));
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Referrals.CountAsync(r => r.ContactId == contact.Id));
        Assert.Equal(1, await db.Involvements.CountAsync(i => i.PersonId == child && i.Kind == InvolvementKind.EarlyHelp));
        Assert.Single(await db.RagRatings.Where(r => r.MashCaseId == caseId).ToListAsync());
    }
}

public class FrontDoorServiceOnSqliteTests(SafeguardApp app) : FrontDoorServiceTests<SafeguardApp>(app);

public class FrontDoorServiceOnPostgresTests(SafeguardAppOnPostgres app) : FrontDoorServiceTests<SafeguardAppOnPostgres>(app);
