using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.DemoBorough;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.DemoBorough;

/// <summary>The demo borough's two years of front-door activity, on the same scale-1 borough as the other demo tests.</summary>
public partial class DemoBoroughTests
{
    private static readonly DateTime DayOne = At(AsOf);
    private static readonly DateTime YearAgo = At(AsOf.AddYears(-1));
    private static readonly DateTime TwoYearsAgo = At(AsOf.AddYears(-2));

    private static DateTime At(DateOnly day) => WorkingDayCalendar.FromUkLocal(day.ToDateTime(TimeOnly.MinValue)).UtcDateTime;

    private static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(utc, TimeSpan.Zero)));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FrontDoor_HasTheSeedsBoroughsContactsFromPoliceHealthAndSchoolsMost(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;

        // DOMAIN.md: 8,202 contacts in a year, up 17.5% on the year before.
        Assert.InRange(await db.Contacts.CountAsync(c => c.ReceivedAtUtc >= YearAgo && c.ReceivedAtUtc < DayOne), 7_500, 8_900);
        Assert.InRange(await db.Contacts.CountAsync(c => c.ReceivedAtUtc >= TwoYearsAgo && c.ReceivedAtUtc < YearAgo), 6_300, 7_600);
        Assert.Equal(0, await db.Contacts.CountAsync(c => c.ReceivedAtUtc < TwoYearsAgo || c.ReceivedAtUtc >= DayOne));

        var sources = await db.Contacts.GroupBy(c => c.SourceCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var police = sources.Where(s => s.Key == "6").Sum(s => s.Count);
        var health = sources.Where(s => s.Key.StartsWith('3')).Sum(s => s.Count);
        var schools = sources.Where(s => s.Key == "2A").Sum(s => s.Count);
        var largestOther = sources.Where(s => s.Key != "6" && !s.Key.StartsWith('3') && s.Key != "2A").Max(s => s.Count);
        Assert.True(police > health && health > schools && schools > largestOther, $"police {police}, health {health}, schools {schools}, next {largestOther}");
        var publicOrFamily = sources.Where(s => FrontDoorCodes.IsPublicOrFamily(s.Key)).Sum(s => s.Count);
        Assert.InRange(publicOrFamily / (double)sources.Sum(s => s.Count), 0.03, 0.2);

        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Children).Include(c => c.Factors).AsSplitQuery().ToListAsync();
        Assert.All(contacts, c => Assert.InRange(c.Children.Count, 1, NewContactValidator.MaxChildren));
        Assert.InRange(contacts.Average(c => c.Children.Count), 1.2, 2.2);
        Assert.All(contacts, c => Assert.NotEmpty(c.Factors));
        Assert.All(contacts.SelectMany(c => c.Factors), f => Assert.True(FrontDoorCodes.Factors.IsValid(f.Code), f.Code));
        // What the services' validator asks of a contact: a named professional, no agency for the public, a reason without consent.
        Assert.All(contacts.Where(c => FrontDoorCodes.IsProfessional(c.SourceCode)), c => Assert.False(string.IsNullOrEmpty(c.ReferrerName)));
        Assert.All(contacts.Where(c => FrontDoorCodes.IsPublicOrFamily(c.SourceCode)), c => Assert.Null(c.ReferrerAgencyId));
        Assert.All(contacts.Where(c => c.SourceCode == "9"), c => Assert.Null(c.ReferrerName));
        Assert.All(contacts.Where(c => c.Consent is Consent.NotSoughtSafeguarding or Consent.RefusedOverridden), c => Assert.False(string.IsNullOrEmpty(c.ConsentReason)));
        Assert.InRange(contacts.Count(c => c.Consent == Consent.Given) / (double)contacts.Count, 0.6, 0.9);
        Assert.All(contacts, c => Assert.Equal(c.SourceCode == "6", c.PoliceRag is not null));
        Assert.All(contacts, c => Assert.True(c.RecordedAtUtc >= c.ReceivedAtUtc && (c.ScreenedAtUtc ?? c.RecordedAtUtc) >= c.RecordedAtUtc, $"C-{c.Number}"));
        // Most contacts end in no further action, advice, signposting or early help.
        var screened = contacts.Where(c => c.ScreeningOutcome is not null).ToList();
        Assert.InRange(screened.Count(c => c.ScreeningOutcome is ScreeningOutcome.NoFurtherAction or ScreeningOutcome.InformationAndAdvice
            or ScreeningOutcome.Signpost or ScreeningOutcome.EarlyHelp) / (double)screened.Count, 0.55, 0.85);
        Assert.Equal(contacts.Max(c => c.Number) + 1, await db.NumberSequences.Where(s => s.Name == "Contact").Select(s => s.Next).SingleAsync());
        Assert.Equal(Enumerable.Range(1, contacts.Count), contacts.Select(c => c.Number).Order());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MashCases_AreAbout1400AYearMostlyRedAndKeepTheirInitialRating(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var cases = await db.MashCases.AsNoTracking().Include(m => m.Contact).Include(m => m.Ratings).Include(m => m.Requests).AsSplitQuery().ToListAsync();

        Assert.InRange(cases.Count(m => m.Contact.ReceivedAtUtc >= YearAgo), 1_200, 1_600);
        Assert.InRange(cases.Count(m => m.Contact.ReceivedAtUtc < YearAgo), 1_000, 1_400);
        var rated = cases.Where(m => m.InitialRag is not null).ToList();
        double Share(params Rag[] rags) => rated.Count(m => rags.Contains(m.InitialRag!.Value)) / (double)rated.Count;
        // DOMAIN.md: 94% red, 4% green, under 1% blue (and a few amber).
        Assert.InRange(Share(Rag.Red, Rag.RedImminentDanger), 0.85, 0.97);
        Assert.InRange(Share(Rag.Green), 0.02, 0.08);
        Assert.InRange(Share(Rag.Blue), 0.0, 0.02);
        Assert.InRange(Share(Rag.Amber), 0.01, 0.08);

        foreach (var m in rated)
        {
            var ratings = m.Ratings.OrderBy(r => r.RatedAtUtc).ThenBy(r => r.Id).ToList();
            Assert.True(ratings[0].IsInitial && ratings[0].Rating == m.InitialRag, $"case {m.Id}");
            Assert.Equal(ratings[^1].Rating, m.CurrentRag);
            Assert.Single(ratings, r => r.IsInitial);
            Assert.All(ratings.Skip(1), r => Assert.False(string.IsNullOrEmpty(r.Reason)));
        }
        Assert.InRange(rated.Count(m => m.Ratings.Count > 1) / (double)rated.Count, 0.02, 0.12);
        Assert.All(cases.Where(m => m.InitialRag is null), m => Assert.Null(m.DecidedAtUtc));

        var decided = cases.Where(m => m.DecidedAtUtc is not null).ToList();
        Assert.All(decided, m => Assert.False(string.IsNullOrEmpty(m.Rationale)));
        Assert.InRange(decided.Count(m => m.DecidedAtUtc > m.DueAtUtc) / (double)decided.Count, 0.03, 0.25);
        var mashManagers = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => x.Name == Roles.MashManager).Select(x => x.UserId).ToListAsync();
        Assert.All(decided, m => Assert.Contains(m.DecidedById, mashManagers));

        var requests = cases.SelectMany(m => m.Requests).ToList();
        var answered = requests.Where(r => r.AnsweredAtUtc is not null).ToList();
        Assert.InRange(answered.Count(r => r.WasLate) / (double)answered.Count, 0.05, 0.3);
        Assert.All(answered, r => Assert.False(string.IsNullOrEmpty(r.Answer)));
        var kinds = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.Kind);
        Assert.Contains(requests, r => kinds[r.AgencyId] == AgencyKind.Probation);
        Assert.Contains(requests, r => kinds[r.AgencyId] == AgencyKind.Housing);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DueTimes_AreWhatTheFrontDoorRulesGive(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var rules = new FrontDoorRules();
        var calendar = new WorkingDayCalendar(new BankHolidays(), TimeProvider.System);

        var contacts = await db.Contacts.AsNoTracking().Select(c => new { c.Number, c.ReceivedAtUtc, c.ScreeningDueAtUtc, c.PoliceRag }).ToListAsync();
        Assert.All(contacts, c => Assert.Equal(rules.ScreeningDue(c.ReceivedAtUtc, calendar), c.ScreeningDueAtUtc));
        var cases = await db.MashCases.AsNoTracking().Select(m => new { m.Id, m.Contact.ReceivedAtUtc, m.CurrentRag, m.Contact.PoliceRag, m.DueAtUtc }).ToListAsync();
        Assert.All(cases, m => Assert.Equal(rules.MashDue(m.ReceivedAtUtc, m.CurrentRag, m.PoliceRag, calendar), m.DueAtUtc));
        var requests = await db.InformationRequests.AsNoTracking().ToListAsync();
        Assert.All(requests, r => Assert.Equal(rules.AnswerDue(r.SentAtUtc, r.RatingWhenSent, calendar), r.DueAtUtc));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Referrals_OpenEachEpisodeAndAbout1In9IsARepeat(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        var referrals = await db.Referrals.AsNoTracking().ToListAsync();
        var byPerson = referrals.ToLookup(r => r.PersonId);

        // DOMAIN.md: 10-13% of referrals follow another within 12 months. Only the last year has 12 months before it here.
        var lastYear = referrals.Where(r => r.ReferralDate >= AsOf.AddYears(-1)).ToList();
        var repeats = lastYear.Count(r => byPerson[r.PersonId].Any(e => e.Id != r.Id && (e.ReferralDate < r.ReferralDate || e.Id < r.Id)
            && OpenCases.IsRepeat(e.ReferralDate, r.ReferralDate, 12)));
        Assert.InRange(repeats / (double)lastYear.Count, 0.09, 0.14);
        // DOMAIN.md: about 1,300 referrals a year (273 per 10,000 children), in both years.
        Assert.InRange(lastYear.Count, 1_150, 1_550);
        Assert.InRange(referrals.Count(r => r.ReferralDate >= AsOf.AddYears(-2) && r.ReferralDate < AsOf.AddYears(-1)), 1_150, 1_550);

        // A later contact about a child referred in the last 12 months points at that referral, as ContactService sets it.
        var flagged = await db.ContactChildren.AsNoTracking().Where(c => c.EarlierReferralId != null)
            .Join(db.Contacts, c => c.ContactId, k => k.Id, (c, k) => new { c.PersonId, c.EarlierReferralId, k.ReceivedAtUtc }).ToListAsync();
        Assert.NotEmpty(flagged);
        var byId = referrals.ToDictionary(r => r.Id);
        Assert.All(flagged, f => Assert.True(byId[f.EarlierReferralId!.Value].PersonId == f.PersonId
            && OpenCases.IsRepeat(byId[f.EarlierReferralId.Value].ReferralDate, UkDate(f.ReceivedAtUtc), 12)));

        // Every social care episode that began in the two years began with a referral on (or just before) its first day.
        var socialCare = new[] { InvolvementKind.Assessment, InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection, InvolvementKind.LookedAfter, InvolvementKind.CareLeaver };
        var involvements = (await db.Involvements.AsNoTracking().Where(i => socialCare.Contains(i.Kind)).ToListAsync()).ToLookup(i => i.PersonId);
        var dobs = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DateOfBirth);
        var starts = new List<Involvement>();
        foreach (var g in involvements)
        {
            foreach (var i in g.Where(i => i.Kind != InvolvementKind.CareLeaver && i.StartDate >= AsOf.AddYears(-2)))
            {
                if (dobs[i.PersonId] is { } dob && dob.AddYears(18) <= i.StartDate) continue;
                // An episode straight after another (within a week) is part of it: one referral opened both.
                var follows = g.Any(o => (o.StartDate < i.StartDate || (o.StartDate == i.StartDate && o.Id < i.Id)) && (o.EndDate is null || o.EndDate >= i.StartDate.AddDays(-7)));
                if (!follows) starts.Add(i);
            }
        }
        Assert.InRange(starts.Count, 1_500, 6_000);
        var missing = starts.Where(i => !byPerson[i.PersonId].Any(r => !r.NoFurtherAction && r.ReferralDate <= i.StartDate && r.ReferralDate >= i.StartDate.AddDays(-3))).ToList();
        Assert.True(missing.Count <= starts.Count / 100, $"{missing.Count} of {starts.Count} episodes have no referral, e.g. {missing.FirstOrDefault()?.PersonId} on {missing.FirstOrDefault()?.StartDate}");
        // ...and each referral that did not end in no further action opened one.
        Assert.All(referrals.Where(r => !r.NoFurtherAction), r => Assert.Contains(involvements[r.PersonId], i => i.StartDate >= r.ReferralDate && i.StartDate <= r.ReferralDate.AddDays(3)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DayOne_HasWorkWaitingForTheDemoUsers(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        async Task<StaffUser> User(string mailbox) => await db.Users.SingleAsync(u => u.Email == $"{mailbox}@{StaffBuilder.Domain}");

        var waiting = db.Contacts.Where(c => c.Stage == ContactStage.AwaitingScreening);
        Assert.True(await waiting.CountAsync(c => c.ScreeningDueAtUtc < DayOne) > 0, "no overdue contact");
        Assert.True(await waiting.CountAsync(c => c.ScreeningDueAtUtc >= DayOne) > 0, "no contact not yet due");
        var open = db.MashCases.Where(m => m.DecidedAtUtc == null);
        Assert.True(await open.CountAsync(m => m.DueAtUtc < DayOne) > 0, "no breached MASH case");
        Assert.True(await open.Where(m => m.CurrentRag != null).Select(m => m.CurrentRag).Distinct().CountAsync() >= 2, "open MASH cases are all of one rating");
        var outstanding = db.InformationRequests.Where(r => r.AnsweredAtUtc == null && r.WithdrawnAtUtc == null);
        Assert.True(await outstanding.CountAsync(r => r.DueAtUtc < DayOne) > 0, "no late outstanding request");
        Assert.All(await outstanding.Select(r => r.MashCase.DecidedAtUtc).ToListAsync(), d => Assert.Null(d));

        var mashWorker = await User("mash-worker");
        Assert.True(await open.CountAsync(m => m.WorkerId == mashWorker.Id) > 0, "the demo MASH worker has no open case");
        var police = await User("partner-police");
        Assert.True(await outstanding.CountAsync(r => r.AgencyId == police.AgencyId) > 0, "the police have no outstanding request");
        var kinds = new List<AgencyKind>();
        foreach (var mailbox in new[] { "partner-police", "partner-health", "partner-school" })
        {
            var partner = await User(mailbox);
            kinds.Add(await db.Agencies.Where(a => a.Id == partner.AgencyId).Select(a => a.Kind).SingleAsync());
            Assert.True(await db.InformationRequests.CountAsync(r => r.AgencyId == partner.AgencyId && r.AnsweredById == partner.Id) > 0, $"{mailbox} never answered");
        }
        Assert.Equal(new[] { AgencyKind.Police, AgencyKind.Health, AgencyKind.Education }, kinds);
        var screener = await User("contact-service-worker");
        Assert.True(await db.Contacts.CountAsync(c => c.Stage == ContactStage.Closed && c.ReferrerToldOn == null && c.ScreenedById == screener.Id
            && c.ScreeningOutcome != ScreeningOutcome.Mash) > 0, "the demo contact service worker has no referrer to tell");
        var socialWorker = await User("social-worker");
        Assert.True(await db.ContactChildren.CountAsync(c => c.NewInformationForUserId == socialWorker.Id && c.NewInformationReadAtUtc == null) > 0,
            "the demo social worker has no unread new information");
        Assert.True(await db.ContactChildren.CountAsync(c => c.HadOpenCase && c.NewInformationReadAtUtc != null) >
            10 * await db.ContactChildren.CountAsync(c => c.HadOpenCase && c.NewInformationReadAtUtc == null), "most new information is read");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task DemoUsers_FindFrontDoorWorkInMyWorkOnDayOne(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;
        // Nine in the morning of the as-of day, read through the same queries as the "My work" page.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(DayOne.AddHours(9), TimeSpan.Zero));
        var access = new Core.Access.Restrictions.RecordAccess(db, clock);
        var myWork = new Core.Work.MyWork(db, access, new FrontDoorQueries(db, access, new Core.Access.Log.AccessLogQueue(), new FrontDoorRules(), clock), new Core.SocialWork.SocialWorkMyWork(db), clock);
        async Task<Core.Work.MyWork.Result> WorkOf(string role, string mailbox)
        {
            var user = await db.Users.SingleAsync(u => u.Email == $"{mailbox}@{StaffBuilder.Domain}");
            return await myWork.ForAsync(new Actor(user.Id, user.DisplayName, [role]));
        }

        var screener = await WorkOf(Roles.ContactServiceWorker, "contact-service-worker");
        Assert.Contains(screener.Items, i => i.Kind == "Screening" && i.IsOverdue(clock.GetUtcNow().UtcDateTime));
        Assert.Contains(screener.Items, i => i.Kind == "Referrer");
        Assert.Contains(screener.Queues, q => q.Title == "Contacts awaiting screening" && q.Overdue > 0);
        Assert.Contains((await WorkOf(Roles.MashWorker, "mash-worker")).Items, i => i.Kind == "MASH");
        var manager = await WorkOf(Roles.MashManager, "mash-manager");
        Assert.Contains(manager.Queues, q => q.Title == "Open MASH cases" && q.Count > 0 && q.Overdue > 0);
        Assert.Contains((await WorkOf(Roles.PartnerAgencyUser, "partner-police")).Items, i => i.Kind == "Request");
        Assert.Contains((await WorkOf(Roles.SocialWorker, "social-worker")).Items, i => i.Kind == "New information");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task FrontDoor_IsOnTheChildrensChronologiesAndInTheAccessLog(DatabaseProvider provider)
    {
        var (_, db) = await OpenAsync(provider);
        await using var _ = db;

        var matched = await db.ContactChildren.CountAsync(c => c.PersonId != null);
        var received = await db.Chronology.CountAsync(e => e.Area == FrontDoorChronology.Area
            && (e.Kind == FrontDoorChronology.ContactReceived || e.Kind == FrontDoorChronology.NewInformation));
        Assert.Equal(matched, received);
        var referrals = await db.Referrals.CountAsync();
        Assert.Equal(referrals, await db.Chronology.CountAsync(e => e.Kind == FrontDoorChronology.Referral));
        Assert.Equal(referrals, await db.ContactChildren.CountAsync(c => c.ReferralId != null));
        Assert.True(await db.Chronology.AnyAsync(e => e.Kind == FrontDoorChronology.MashDecision && e.Summary.Contains("MASH decision on contact C-")));
        Assert.True(await db.AccessLog.AnyAsync(e => e.What.StartsWith("MASH case for contact C-")));
        // Nothing on a chronology happens before the person was added, or on or after day one.
        var early = await db.Chronology.Where(e => e.Area == FrontDoorChronology.Area)
            .Join(db.People, e => e.PersonId, p => p.Id, (e, p) => new { e.Kind, e.Summary, e.RecordedAtUtc, p.CreatedAtUtc })
            .Where(x => x.RecordedAtUtc < x.CreatedAtUtc).ToListAsync();
        Assert.True(early.Count == 0, $"{early.Count} entries before the person was added, e.g. {early.FirstOrDefault()}");
        Assert.Equal(0, await db.Chronology.CountAsync(e => e.OccurredAtUtc >= DayOne || e.RecordedAtUtc >= DayOne));
        Assert.Equal(0, await db.AccessLog.CountAsync(e => e.AtUtc >= DayOne));
        // Only a restriction's members could work a contact about a restricted child: none came in after the restriction.
        var restricted = await db.Restrictions.Select(r => new { r.PersonId, r.CreatedAtUtc }).ToListAsync();
        foreach (var r in restricted)
            Assert.False(await db.ContactChildren.Where(c => c.PersonId == r.PersonId).Join(db.Contacts, c => c.ContactId, k => k.Id, (c, k) => k.ReceivedAtUtc)
                .AnyAsync(at => at >= r.CreatedAtUtc));
        var consultations = await db.Consultations.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(consultations, c => restricted.Any(r => r.PersonId == c.PersonId));
        Assert.Contains(consultations, c => c.Kind == ConsultationKind.Named && c.PersonId != null);
        Assert.Contains(consultations, c => c.Kind == ConsultationKind.NoName && c.PersonId == null);
        Assert.All(consultations, c => Assert.True(FrontDoorCodes.IsProfessional(c.SourceCode), c.SourceCode));
    }
}
