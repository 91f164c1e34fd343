using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.SocialWork;

/// <summary>
/// Visits and case notes on both databases: the next visit due per status, the dates and seen/alone rules, the
/// chronology and access log, a note's edit keeping its earlier version, a concurrent edit, and who may do what.
/// </summary>
public abstract class VisitAndNoteServiceTests<TApp>(TApp app) : ServiceTests<TApp>(app) where TApp : SafeguardApp
{
    private Task<Visit?> Record(Actor actor, Guid child, VisitService.NewVisit visit) =>
        With(s => s.GetRequiredService<VisitService>().RecordAsync(actor, child, visit));

    private static VisitService.NewVisit SeenAlone(DateOnly on) =>
        new(on, null, true, true, null, VisitLocation.Home, null, "Tidy home; Remi showed me his room and said he feels safe.", false);

    private async Task SetStatusAsync(Guid child, InvolvementKind kind)
    {
        // Through the context, as the services save, so the case's next visit due is worked out again.
        await using var db = App.OpenDb();
        foreach (var i in await db.Involvements.Where(i => i.PersonId == child).ToListAsync()) i.Kind = kind;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task AVisitAtWhichTheChildIsSeen_SetsTheNextDue_ByTheStatusRule()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Remi", daysAgo: 20);
        var worker = As(Roles.SocialWorker);
        var calendar = App.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        var referralDate = Today.AddDays(-20);
        Task<VisitService.Summary> Summary() => With(s => s.GetRequiredService<VisitService>().SummaryAsync(child));
        Task<List<VisitDues.Due>> Late() => With(s => s.GetRequiredService<VisitService>().LateVisitsAsync(App.Borough.TeamId, Today, 10_000));

        // Referred 20 days ago, assessed but never seen: due by the child-seen date, and late.
        Assert.Equal(calendar.AddWorkingDays(referralDate, 7), (await Summary()).Next!.DueOn);
        Assert.Contains(await Late(), d => d.PersonId == child);

        var seen = await Record(worker, child, SeenAlone(Today.AddDays(-2)));
        var notSeen = await Record(worker, child, new(Today, null, false, null, "No one answered the door", VisitLocation.Home, null, "Curtains drawn, no answer.", true));

        var summary = await Summary();
        Assert.Equal((Today.AddDays(26), Today.AddDays(-2), Today.AddDays(-2)), (summary.Next!.DueOn, summary.LastSeen, summary.LastSeenAlone));
        Assert.Equal([notSeen!.Id, seen!.Id], summary.Recent.Select(v => v.Id));
        Assert.DoesNotContain(await Late(), d => d.PersonId == child);
        await SetStatusAsync(child, InvolvementKind.ChildProtection);
        Assert.Equal(calendar.AddWorkingDays(Today.AddDays(-2), 10), (await Summary()).Next!.DueOn);
        await SetStatusAsync(child, InvolvementKind.LookedAfter);
        Assert.Equal(Today.AddDays(40), (await Summary()).Next!.DueOn);

        await using var db = App.OpenDb();
        var entries = await db.Chronology.Where(e => e.PersonId == child && e.Kind == VisitService.ChronologyKind).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(false, $"/people/{child}/visits/{seen.Id}", "Visit (home) by Test Social worker: child seen alone"),
            (true, $"/people/{child}/visits/{notSeen.Id}", "Unannounced visit (home) by Test Social worker: child not seen: No one answered the door")],
            entries.Select(e => (e.IsSignificant, e.Link, e.Summary)));
        Assert.Equal(2, await db.AccessLog.CountAsync(e => e.PersonId == child && e.Action == AccessAction.Created && e.UserId == worker.UserId && e.What.StartsWith("Visit")));
    }

    [Fact]
    public async Task ADateOutOfOrder_OrAnUnexplainedVisit_IsRefusedSayingWhat()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Tayo", daysAgo: 5);
        var worker = As(Roles.SocialWorker);
        var referralDate = Today.AddDays(-5);
        var good = SeenAlone(Today);

        var before = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, good with { VisitedOn = referralDate.AddDays(-1) }));
        var future = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, good with { VisitedOn = Today.AddDays(1) }));
        var aloneNotSeen = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, good with { ChildSeen = false, NotSeenReason = "Asleep" }));
        var noReason = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, good with { ChildSeen = false, ChildSeenAlone = null }));
        var notAlone = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child, good with { ChildSeenAlone = false }));
        var empty = await Assert.ThrowsAsync<ValidationException>(() => Record(worker, child,
            new(null, App.Borough.Users[Roles.PartnerAgencyUser].Id, null, null, null, VisitLocation.Other, " ", " ", false)));

        Assert.Equal($"The visit cannot be before the referral: the date of the visit must be on or after {referralDate:d MMMM yyyy}", Assert.Single(before.Errors).ErrorMessage);
        Assert.Equal("The date of the visit cannot be in the future", Assert.Single(future.Errors).ErrorMessage);
        Assert.Equal("The child cannot have been seen alone when they were not seen", Assert.Single(aloneNotSeen.Errors).ErrorMessage);
        Assert.Equal("Enter why the child was not seen", Assert.Single(noReason.Errors).ErrorMessage);
        Assert.Equal("Enter why the child was not seen alone", Assert.Single(notAlone.Errors).ErrorMessage);
        Assert.Equal(["VisitedOn", "VisitedById", "ChildSeen", "LocationDetail", "Observations"], empty.Errors.Select(e => e.PropertyName));
        await using var db = App.OpenDb();
        Assert.False(await db.Visits.AnyAsync(v => v.PersonId == child));
    }

    [Fact]
    public async Task AnotherMemberOfTheTeam_CanBeNamedAsTheVisitor()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Bola", daysAgo: 5);
        var manager = App.Borough.Users[Roles.TeamManager];

        var visit = await Record(As(Roles.SocialWorker), child, SeenAlone(Today) with { VisitedById = manager.Id });

        Assert.Equal((manager.Id, manager.Name, As(Roles.SocialWorker).UserId), (visit!.VisitedById, visit.VisitedByName, visit.RecordedById));
    }

    [Fact]
    public async Task AnotherTeamsWorker_CannotOpenOrRecord_AndTheWrongRoleIsRefused()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Dami", daysAgo: 5, teamId: App.Borough.AssessmentTeamId);
        var (ours, _) = await SocialWorkData.ReferredAsync(App, "Efe", daysAgo: 5);
        var note = new CaseNoteService.NoteInput(CaseNoteType.Telephone, DateTime.UtcNow.AddHours(-1), false, null, "Rang mother.");

        Assert.Null(await Record(As(Roles.SocialWorker), child, SeenAlone(Today)));
        Assert.Null(await With(s => s.GetRequiredService<VisitService>().ListAsync(As(Roles.SocialWorker), child)));
        Assert.Null(await With(s => s.GetRequiredService<CaseNoteService>().WriteAsync(As(Roles.SocialWorker), child, note)));
        Assert.Null(await With(s => s.GetRequiredService<CaseNoteService>().ListAsync(As(Roles.SocialWorker), child)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Record(As(Roles.QaOfficer), ours, SeenAlone(Today)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Record(As(Roles.ServiceManager), ours, SeenAlone(Today)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => With(s => s.GetRequiredService<CaseNoteService>().WriteAsync(As(Roles.QaOfficer), ours, note)));
        // A service manager oversees every team: they may open another team's child.
        Assert.NotNull(await With(s => s.GetRequiredService<VisitService>().ListAsync(As(Roles.ServiceManager), child)));
    }

    [Fact]
    public async Task MyWork_AsksTheWorkerToVisitEachChildTheyHold()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Jide", daysAgo: 3);
        await Record(As(Roles.SocialWorker), child, SeenAlone(Today.AddDays(-1)));

        var held = await With(s => s.GetRequiredService<VisitService>().HeldByAsync(As(Roles.SocialWorker).UserId, null, 1000));

        var due = Assert.Single(held, d => d.PersonId == child);
        Assert.Equal(("Jide Okafor", Today.AddDays(27), InvolvementKind.Assessment), (due.ChildName, due.DueOn, due.Status));
    }

    [Fact]
    public async Task TheCasesStoredNextVisitDue_IsKeptBySavingWhatItDependsOn_AndClearedWhenTheCaseCloses()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Kemi", daysAgo: 12);
        var calendar = App.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        async Task<(DateOnly? Due, DateOnly? Seen)> Stored()
        {
            await using var db = App.OpenDb();
            var open = await db.Involvements.AsNoTracking().SingleAsync(i => i.PersonId == child && i.EndDate == null);
            return (open.NextVisitDue, open.LastSeenOn);
        }
        // Worked out from scratch and compared with what the saves kept: no change means they agree.
        Task<int> WorkOutAgain() => With(s => s.GetRequiredService<VisitDues>().RefreshAsync([child]));

        Assert.Equal((calendar.AddWorkingDays(Today.AddDays(-12), 7), (DateOnly?)null), await Stored());
        await Record(As(Roles.SocialWorker), child, SeenAlone(Today.AddDays(-3)));
        Assert.Equal((Today.AddDays(25), Today.AddDays(-3)), await Stored());
        Assert.Equal(0, await WorkOutAgain());
        await SetStatusAsync(child, InvolvementKind.ChildProtection);
        Assert.Equal((calendar.AddWorkingDays(Today.AddDays(-3), 10), Today.AddDays(-3)), await Stored());
        Assert.Equal(0, await WorkOutAgain());

        await using (var db = App.OpenDb())
        {
            var open = await db.Involvements.SingleAsync(i => i.PersonId == child && i.EndDate == null);
            open.EndDate = Today;
            await db.SaveChangesAsync();
            var closed = await db.Involvements.AsNoTracking().SingleAsync(i => i.Id == open.Id);
            Assert.Equal(((DateOnly?)null, (DateOnly?)null), (closed.NextVisitDue, closed.LastSeenOn));
        }
        Assert.DoesNotContain(await With(s => s.GetRequiredService<VisitService>().LateVisitsAsync(null, Today.AddYears(1), int.MaxValue)), d => d.PersonId == child);
    }

    [Fact]
    public async Task AChangedVisitingRule_AppliesWhenTheDatesAreWorkedOutAgain_AsAtStart()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Sade", daysAgo: 8);
        await Record(As(Roles.SocialWorker), child, SeenAlone(Today.AddDays(-1)));
        var calendar = App.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        Task<VisitDues.Due?> Next() => With(s => s.GetRequiredService<VisitDues>().ForChildAsync(child));
        Assert.Equal(Today.AddDays(27), (await Next())!.DueOn);

        // The council shortens child in need visits to two weeks; the app's start works every case out again.
        await using (var db = App.OpenDb())
        {
            var fortnightly = new SocialWorkRules { ChildInNeedVisit = new(2, TimescaleUnit.Weeks) };
            Assert.True(await new VisitDues(db, fortnightly, calendar).RefreshAllAsync() >= 1);
        }
        Assert.Equal(Today.AddDays(13), (await Next())!.DueOn);

        await using (var db = App.OpenDb())
            await new VisitDues(db, new SocialWorkRules(), calendar).RefreshAllAsync();
        Assert.Equal(Today.AddDays(27), (await Next())!.DueOn);
    }

    [Fact]
    public async Task EditingANote_KeepsTheEarlierVersion_AndMovesTheChronologyInStep()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Kofi", daysAgo: 5);
        var worker = As(Roles.SocialWorker);
        var at = DateTime.UtcNow.AddHours(-3);
        Task<CaseNote?> Edit(Actor actor, int id, Guid version, CaseNoteService.NoteInput input) =>
            With(s => s.GetRequiredService<CaseNoteService>().EditAsync(actor, child, id, version, input));

        var written = await With(s => s.GetRequiredService<CaseNoteService>().WriteAsync(worker, child,
            new(CaseNoteType.Telephone, at, false, "Mother", "Rang mother about school.\nShe will call back.")));
        var edited = await Edit(worker, written!.Id, written.Version,
            new(CaseNoteType.Telephone, at.AddHours(-1), true, "Mother", "Mother disclosed that her partner hit her.\nReferred to the domestic abuse service."));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Edit(As(Roles.TeamManager), written.Id, written.Version,
            new(CaseNoteType.Telephone, at, false, "Mother", "Overwriting")));
        var notTheirs = await Assert.ThrowsAsync<AccessDeniedException>(() => Edit(As(Roles.EarlyHelpWorker), written.Id, edited!.Version,
            new(CaseNoteType.Telephone, at, false, "Mother", "Not mine")));
        var byManager = await Edit(As(Roles.TeamManager), written.Id, edited!.Version,
            new(CaseNoteType.Telephone, at.AddHours(-1), true, "Mother", edited.Text + "\nManager: strategy discussion today."));

        Assert.StartsWith("Someone else changed this note since you opened it", stale.Message, StringComparison.Ordinal);
        Assert.StartsWith("Only the note's author (Test Social worker) or a manager can edit it", notTheirs.Message, StringComparison.Ordinal);
        await using var db = App.OpenDb();
        var note = await db.CaseNotes.Include(n => n.Versions).SingleAsync(n => n.Id == written.Id);
        Assert.Equal(["Rang mother about school.\nShe will call back.", "Mother disclosed that her partner hit her.\nReferred to the domestic abuse service."],
            note.Versions.OrderBy(v => v.Id).Select(v => v.Text));
        Assert.Equal(["Test Social worker", "Test Team manager"], note.Versions.OrderBy(v => v.Id).Select(v => v.ReplacedByName));
        Assert.NotNull(note.EditedAtUtc);
        Assert.Equal(byManager!.Version, note.Version);
        var entry = await db.Chronology.SingleAsync(e => e.Id == note.ChronologyEntryId);
        Assert.Equal((true, "Telephone call (seen: Mother): Mother disclosed that her partner hit her. (edited)", $"/people/{child}/notes/{note.Id}"),
            (entry.IsSignificant, entry.Summary, entry.Link));
        Assert.Equal(note.OccurredAtUtc, entry.OccurredAtUtc, TimeSpan.FromSeconds(1));
        Assert.Equal(1, await db.Chronology.CountAsync(e => e.PersonId == child && e.Kind == CaseNoteService.ChronologyKind));
        Assert.Equal(2, await db.AccessLog.CountAsync(e => e.PersonId == child && e.Action == AccessAction.Changed && e.What.StartsWith("Case note")));
    }

    [Fact]
    public async Task ANote_CannotBeInTheFutureOrBeforeTheChildWasBorn_AndNeedsItsText()
    {
        var (child, _) = await SocialWorkData.ReferredAsync(App, "Lola", daysAgo: 5);
        Task<CaseNote?> Write(CaseNoteService.NoteInput input) => With(s => s.GetRequiredService<CaseNoteService>().WriteAsync(As(Roles.SocialWorker), child, input));

        var future = await Assert.ThrowsAsync<ValidationException>(() => Write(new(CaseNoteType.Other, DateTime.UtcNow.AddMinutes(5), false, null, "Soon")));
        var unborn = await Assert.ThrowsAsync<ValidationException>(() => Write(new(CaseNoteType.Other, new DateTime(2015, 5, 31, 12, 0, 0, DateTimeKind.Utc), false, null, "Before")));
        var empty = await Assert.ThrowsAsync<ValidationException>(() => Write(new(null, null, false, null, "  ")));

        Assert.Equal("When it happened cannot be in the future", Assert.Single(future.Errors).ErrorMessage);
        Assert.Equal("When it happened cannot be before the child was born, 1 June 2015", Assert.Single(unborn.Errors).ErrorMessage);
        Assert.Equal(["Type", "OccurredAtUtc", "Text"], empty.Errors.Select(e => e.PropertyName));
    }
}

public class VisitAndNoteServiceOnSqliteTests(SafeguardApp app) : VisitAndNoteServiceTests<SafeguardApp>(app);

public class VisitAndNoteServiceOnPostgresTests(SafeguardAppOnPostgres app) : VisitAndNoteServiceTests<SafeguardAppOnPostgres>(app);
