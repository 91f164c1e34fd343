using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Tests.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ChildProtection;

/// <summary>
/// Strategy discussions and section 47 enquiries on both databases: police and health always there, the initial
/// conference's two due dates, a further discussion moving one of them, the child seen before the enquiry concludes,
/// the outcome putting a conference on the chairs' list (or not), emergency protection's limits, and who may do what.
/// </summary>
public abstract class StrategyAndSection47Tests<TApp>(TApp app) : ServiceTests<TApp>(app) where TApp : SafeguardApp
{
    // 10:00 UK time on the day, or just now when that is still to come today.
    private static DateTime At(DateOnly day)
    {
        var at = WorkingDayCalendar.FromUkLocal(day.ToDateTime(new TimeOnly(10, 0))).UtcDateTime;
        return day == Today && at > DateTime.UtcNow ? DateTime.UtcNow.AddSeconds(-30) : at;
    }


    private static StrategyDiscussionService.NewDiscussion Discussion(DateOnly on, StrategyDecision decision, params StrategyDiscussionService.NewParticipant[] people) =>
        new(At(on), StrategyDiscussionForm.Meeting,
            people.Length > 0 ? people : [new(ProfessionalRole.Police, "DC Amir Khan", null, true), new(ProfessionalRole.Gp, "Dr Ruth Obi", null, false),
                new(ProfessionalRole.School, "Ms Lee (DSL)", null, true)],
            "Bruising to the upper arm seen at school; the child says her stepfather grabbed her.", "Mother agrees the stepfather stays away until the enquiry ends.",
            decision, "Reasonable cause to suspect significant harm: a disclosure with a visible injury.");

    private Task<StrategyDiscussion?> Record(Actor actor, Guid child, StrategyDiscussionService.NewDiscussion d) =>
        With(s => s.GetRequiredService<StrategyDiscussionService>().RecordAsync(actor, child, d));

    [Fact]
    public async Task StartingAnEnquiry_SetsTheConferenceDueFromTheLastDiscussion_AndTheDfeTargetFromTheStart()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Nia", daysAgo: 20);
        var calendar = App.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        var worker = As(Roles.SocialWorker);

        var first = await Record(worker, child, Discussion(Today.AddDays(-10), StrategyDecision.StartSection47));
        var second = await Record(worker, child, Discussion(Today.AddDays(-3), StrategyDecision.ContinueSection47));

        await using var db = App.OpenDb();
        var enquiry = await db.Section47Enquiries.AsNoTracking().SingleAsync(e => e.PersonId == child);
        Assert.Equal((Today.AddDays(-10), calendar.AddWorkingDays(Today.AddDays(-3), 15), calendar.AddWorkingDays(Today.AddDays(-10), 15)),
            (enquiry.StartDate, enquiry.ConferenceDueDate, enquiry.ConferenceTargetDate));
        Assert.Equal([enquiry.Id, enquiry.Id], new[] { first!.Section47EnquiryId, second!.Section47EnquiryId });
        Assert.Equal(3, (await db.StrategyParticipants.CountAsync(p => p.StrategyDiscussionId == first.Id)));
        var entries = await db.Chronology.AsNoTracking().Where(e => e.PersonId == child && e.Kind == ChildProtectionChronology.StrategyDiscussion).OrderBy(e => e.OccurredAtUtc).ToListAsync();
        Assert.All(entries, e => Assert.True(e.IsSignificant));
        Assert.Equal($"Strategy discussion (meeting) with Police, GP, School: section 47 enquiry started; an initial conference, if needed, is due by {calendar.AddWorkingDays(Today.AddDays(-10), 15):d MMMM yyyy}",
            entries[0].Summary);
        Assert.Equal($"/people/{child}/strategy-discussions/{first.Id}", entries[0].Link);
        Assert.Equal(2, await db.AccessLog.CountAsync(e => e.PersonId == child && e.Action == AccessAction.Created && e.What.StartsWith("Strategy discussion")));
    }

    [Fact]
    public async Task WithoutPoliceOrHealth_OrWithDatesOutOfOrder_OrTheWrongDecision_ItIsRefusedBesideTheField()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Ola", daysAgo: 5);
        var worker = As(Roles.SocialWorker);

        var noPartners = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child,
            Discussion(Today, StrategyDecision.StartSection47, new StrategyDiscussionService.NewParticipant(ProfessionalRole.School, "Ms Lee", null, true))));
        Assert.Equal(2, noPartners.Errors.Count(e => e.PropertyName == "Participants"));
        var beforeReferral = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, Discussion(Today.AddDays(-6), StrategyDecision.StartSection47)));
        Assert.Contains("cannot be before the referral", Assert.Single(beforeReferral.Errors).ErrorMessage, StringComparison.Ordinal);
        var future = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, Discussion(Today.AddDays(2), StrategyDecision.StartSection47)));
        Assert.Equal("HeldAtUtc", Assert.Single(future.Errors).PropertyName);
        var nothingToContinue = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, Discussion(Today, StrategyDecision.ContinueSection47)));
        Assert.Equal("Decision", Assert.Single(nothingToContinue.Errors).PropertyName);

        Assert.NotNull(await Record(worker, child, Discussion(Today.AddDays(-1), StrategyDecision.StartSection47)));
        var secondStart = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, Discussion(Today, StrategyDecision.StartSection47)));
        Assert.Contains("already under way", Assert.Single(secondStart.Errors).ErrorMessage, StringComparison.Ordinal);
        var beforeEnquiry = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, Discussion(Today.AddDays(-2), StrategyDecision.ContinueSection47)));
        Assert.Contains("cannot be earlier", Assert.Single(beforeEnquiry.Errors).ErrorMessage, StringComparison.Ordinal);
        // Nothing was written by the refused ones.
        await using var db = App.OpenDb();
        Assert.Equal(1, await db.StrategyDiscussions.CountAsync(s => s.PersonId == child));
    }

    [Fact]
    public async Task TheEnquiryConcludesOnlyOnceTheChildIsSeen_AndAConferenceOutcomePutsItOnTheChairsList()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Zuri", daysAgo: 12);
        var (other, _) = await SocialWorkData.ReferredAsync(App, "Bayo", daysAgo: 12);
        var worker = As(Roles.SocialWorker);
        Task<Section47Enquiry> Enquiry(Guid who) => With(async s =>
        {
            await Record(worker, who, Discussion(Today.AddDays(-8), StrategyDecision.StartSection47));
            return (await s.GetRequiredService<StrategyDiscussionService>().OpenEnquiryAsync(who))!;
        });
        Section47Service Service(IServiceProvider s) => s.GetRequiredService<Section47Service>();
        var enquiry = await Enquiry(child);

        var unseen = await Assert.ThrowsAsync<ValidationException>(() => With(s => Service(s).ConcludeAsync(worker, child, enquiry.Id, enquiry.Version,
            Section47Outcome.InitialConference, Today, "Continuing risk")));
        Assert.Equal("ChildSeenOn", Assert.Single(unseen.Errors).PropertyName);
        var aloneFirst = await Assert.ThrowsAsync<ValidationException>(() => With(s => Service(s).RecordSeenAsync(worker, child, enquiry.Id, enquiry.Version,
            new(Today.AddDays(-5), Today.AddDays(-6), null))));
        Assert.Equal("ChildSeenAloneOn", Assert.Single(aloneFirst.Errors).PropertyName);
        var seen = await With(s => Service(s).RecordSeenAsync(worker, child, enquiry.Id, enquiry.Version, new(Today.AddDays(-7), Today.AddDays(-7), null)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => With(s => Service(s).ConcludeAsync(worker, child, enquiry.Id, enquiry.Version,
            Section47Outcome.InitialConference, Today, "Continuing risk")));
        var concluded = await With(s => Service(s).ConcludeAsync(worker, child, enquiry.Id, seen!.Version,
            Section47Outcome.InitialConference, Today, "Substantiated: injuries consistent with the account; stepfather back in the home."));

        var otherEnquiry = await Enquiry(other);
        otherEnquiry = await With(s => Service(s).RecordSeenAsync(worker, other, otherEnquiry.Id, otherEnquiry.Version, new(Today.AddDays(-7), null, "Too young to speak alone (18 months)")));
        var notSubstantiated = await With(s => Service(s).ConcludeAsync(worker, other, otherEnquiry!.Id, otherEnquiry.Version,
            Section47Outcome.NotSubstantiated, Today, "Accidental: the account is consistent and the GP agrees."));

        await using var db = App.OpenDb();
        var conference = await db.Conferences.AsNoTracking().SingleAsync(c => c.PersonId == child);
        Assert.Equal((ConferenceKind.Initial, enquiry.Id, enquiry.ConferenceDueDate, (DateOnly?)null), (conference.Kind, conference.Section47EnquiryId, conference.DueDate, conference.HeldOn));
        Assert.False(concluded!.ConferenceNotRequired);
        Assert.True(notSubstantiated!.ConferenceNotRequired);
        Assert.False(await db.Conferences.AnyAsync(c => c.PersonId == other));
        var again = await Assert.ThrowsAsync<ValidationException>(() => With(s => Service(s).RecordSeenAsync(worker, child, enquiry.Id, concluded.Version, new(Today, Today, null))));
        Assert.Contains("can no longer change", Assert.Single(again.Errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmergencyProtection_IsRecordedWithinItsLegalLimits()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Kofi", daysAgo: 10);
        var worker = As(Roles.SocialWorker);
        Task<EmergencyProtection?> Protect(EmergencyProtectionKind kind, DateOnly start, DateOnly? end) =>
            With(s => s.GetRequiredService<Section47Service>().RecordEmergencyProtectionAsync(worker, child, new(kind, start, end, "Found alone at home overnight")));

        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => Protect(EmergencyProtectionKind.PolicePowers, Today.AddDays(-8), Today.AddDays(-4)));
        Assert.Contains("at most 72 hours", Assert.Single(tooLong.Errors).ErrorMessage, StringComparison.Ordinal);
        var backwards = await Assert.ThrowsAsync<ValidationException>(() => Protect(EmergencyProtectionKind.EmergencyProtectionOrder, Today.AddDays(-2), Today.AddDays(-3)));
        Assert.Equal("EndDate", Assert.Single(backwards.Errors).PropertyName);
        Assert.NotNull(await Protect(EmergencyProtectionKind.PolicePowers, Today.AddDays(-8), Today.AddDays(-6)));
        Assert.NotNull(await Protect(EmergencyProtectionKind.EmergencyProtectionOrder, Today.AddDays(-6), null));

        await using var db = App.OpenDb();
        Assert.Equal(2, await db.EmergencyProtections.CountAsync(p => p.PersonId == child));
        Assert.Equal(2, await db.Chronology.CountAsync(e => e.PersonId == child && e.Kind == ChildProtectionChronology.EmergencyProtection && e.IsSignificant));
    }

    [Fact]
    public async Task AnotherTeamsWorker_GetsNothing_AndARoleWithoutTheCapabilityIsRefused()
    {
        var (theirs, _) = await SocialWorkData.ReferredAsync(App, "Temi", daysAgo: 5, teamId: App.Borough.AssessmentTeamId);
        var (ours, _) = await SocialWorkData.ReferredAsync(App, "Ade", daysAgo: 5);

        Assert.Null(await Record(As(Roles.SocialWorker), theirs, Discussion(Today, StrategyDecision.StartSection47)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Record(As(Roles.EarlyHelpWorker), ours, Discussion(Today, StrategyDecision.StartSection47)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Record(As(Roles.QaOfficer), ours, Discussion(Today, StrategyDecision.StartSection47)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.GetRequiredService<Section47Service>().RecordEmergencyProtectionAsync(As(Roles.ConferenceChair), ours,
            new(EmergencyProtectionKind.PolicePowers, Today, null, null))));
        await using var db = App.OpenDb();
        Assert.False(await db.StrategyDiscussions.AnyAsync(s => s.PersonId == theirs || s.PersonId == ours));
    }
}

public class StrategyAndSection47OnSqliteTests(SafeguardApp app) : StrategyAndSection47Tests<SafeguardApp>(app);

public class StrategyAndSection47OnPostgresTests(SafeguardAppOnPostgres app) : StrategyAndSection47Tests<SafeguardAppOnPostgres>(app);
