using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Fills an empty database with Northmoor, a fictional London-like borough: its staff and partner agencies,
/// about 9,000 families with six years of history, their open and closed cases, two years of contacts to the
/// front door (MASH cases, partner requests, referrals), social work and child protection, chronologies, a few restricted records and a verified
/// access log. Everything is made up; nothing describes a real person.
/// Builds everything in memory first, then writes it in one transaction with <see cref="BulkWriter"/>.
/// </summary>
public static class DemoBoroughGenerator
{
    /// <summary>Every demo user's password. Demo databases only: never use it anywhere real.</summary>
    public const string DemoPassword = "demo-password-123";

    /// <summary>
    /// Every demo user's authenticator key: 32 base32 characters (20 bytes), published so anyone can add it to
    /// an authenticator app or run `./safeguard users code --email ...` to get the current code.
    /// </summary>
    public const string DemoAuthenticatorKey = "DEMODEMODEMODEMODEMODEMODEMODEMO";

    /// <summary>One well-known sign-in for each role, and two more partners (health and a school); their names are made up.</summary>
    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        Known(Roles.ContactServiceWorker, "contact-service-worker", "Priya Halden"),
        Known(Roles.MashWorker, "mash-worker", "Tomasz Reeve"),
        Known(Roles.MashManager, "mash-manager", "Grace Adebanjo"),
        Known(Roles.SocialWorker, "social-worker", "Sam Whitfield"),
        Known(Roles.TeamManager, "team-manager", "Helen Marsh"),
        Known(Roles.ServiceManager, "service-manager", "David Osei"),
        Known(Roles.EmergencyDutyWorker, "emergency-duty-worker", "Kieran Doyle"),
        Known(Roles.EarlyHelpWorker, "early-help-worker", "Aisha Rahman"),
        Known(Roles.ConferenceChair, "conference-chair", "Margaret Lowe"),
        Known(Roles.Lado, "lado", "Imran Siddiqui"),
        Known(Roles.PartnerAgencyUser, "partner-police", "Claire Benton", "police"),
        Known(Roles.PartnerAgencyUser, "partner-health", "Nadia Farrell", "health"),
        Known(Roles.PartnerAgencyUser, "partner-school", "Owen Pritchard", "school"),
        Known(Roles.PartnershipOfficer, "partnership-officer", "Olu Bankole"),
        Known(Roles.QaOfficer, "qa-officer", "Fiona Grant"),
        Known(Roles.PerformanceAnalyst, "performance-analyst", "Wei Chen"),
        Known(Roles.Administrator, "administrator", "Alex Morgan"),
    ];

    private static DemoSignIn Known(string role, string mailbox, string name, string? agency = null) =>
        new(role, agency is null ? Roles.Label(role) : $"{Roles.Label(role)} ({agency})", $"{mailbox}@{StaffBuilder.Domain}", name);

    /// <summary>Why this database cannot take the demo borough, or null when it can (it has no people, users or teams).</summary>
    public static async Task<string?> RefusalAsync(SafeguardDbContext db, CancellationToken ct = default)
    {
        if (await db.People.AnyAsync(ct) || await db.Users.AnyAsync(ct) || await db.Teams.AnyAsync(ct) || await db.Agencies.AnyAsync(ct))
            return "This database already has people, users or teams: the demo borough goes only into an empty database. " +
                "Start afresh with ./run.sh --reset, or point --connection at a new database.";
        return null;
    }

    public static async Task<DemoSummary> GenerateAsync(SafeguardDbContext db, AccessLogChain chain, DemoOptions options,
        Action<string>? progress, CancellationToken ct)
    {
        if (options.Scale is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(options), "Scale must be between 1 and 100.");
        if (options.Fraction is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(options), "Fraction must be above 0 and at most 1.");
        if (await RefusalAsync(db, ct) is { } refusal) throw new InvalidOperationException(refusal);

        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        void Done(string what)
        {
            progress?.Invoke($"{what} ({step.Elapsed.TotalSeconds:0.0} s)");
            step.Restart();
        }
        var (seed, scale, asOf) = (options.Seed, options.Scale, options.AsOf);
        var size = scale * options.Fraction;

        // Hashed once and shared: hashing is slow on purpose, far too slow to do for every user.
        var passwordHash = new PasswordHasher<StaffUser>().HashPassword(null!, DemoPassword);
        var places = new DemoPlaces(DemoRandom.For(seed, 1), streetCount: 200 * scale);
        var staff = new StaffBuilder(DemoRandom.For(seed, 2), scale, asOf, passwordHash).Build(places);
        Done($"Staff: {staff.Users.Count:N0} users in {staff.Teams.Count} teams; {staff.Agencies.Count} partner agencies");

        var families = new FamilyBuilder(DemoRandom.For(seed, 3), asOf, places)
            .Build((int)Math.Round(DemoVolumes.Households * size), (int)Math.Round(DemoVolumes.CareLeavers * size));
        Done($"Families: {families.Households.Count:N0} households, {families.People.Count:N0} people, {families.Relationships.Count:N0} relationships");

        var involvements = new InvolvementBuilder(DemoRandom.For(seed, 4), asOf, staff).Build(families, size);
        var longHistory = SocialWorkBuilder.AddLongHistory(DemoRandom.For(seed, 11), asOf, families, involvements, staff);
        Done($"Involvements: {involvements.Count(i => i.EndDate is null):N0} open, {involvements.Count(i => i.EndDate is not null):N0} closed");

        // Planned before people are numbered: a contact can be how a family became known, and the children named on
        // one are added to Safeguard just before it was typed in.
        var calendar = new WorkingDayCalendar(new BankHolidays(), TimeProvider.System);
        var frontDoor = new FrontDoorBuilder(DemoRandom.For(seed, 9), asOf, staff, options.FrontDoorRules, calendar);
        var firstContacts = frontDoor.Plan(families, involvements, size);
        Done($"Front door planned: {firstContacts.Count:N0} children named on contacts");

        var people = families.People.ToDictionary(p => p.Id);
        var chronology = new ChronologyBuilder(DemoRandom.For(seed, 5), asOf, staff);
        chronology.AddPeople(families, involvements, firstContacts);
        var access = new AccessHistoryBuilder(DemoRandom.For(seed, 6), asOf, staff);
        var socialWork = new SocialWorkBuilder(DemoRandom.For(seed, 10), asOf, staff, calendar, people, chronology, access);
        socialWork.PlanAllocations(involvements);
        chronology.AddInvolvements(involvements, socialWork.FirstWorker);
        var restrictions = new RestrictionBuilder(DemoRandom.For(seed, 7), asOf, staff);
        restrictions.Build(involvements, people, count: 6 * scale, chronology, access, frontDoor.NamedSince(asOf.AddDays(-RestrictionBuilder.LatestDaysAgo)));
        frontDoor.Build(chronology, access, size);
        Done($"Front door: {frontDoor.Rows.Contacts.Count:N0} contacts, {frontDoor.Rows.MashCases.Count:N0} MASH cases, {frontDoor.Rows.Referrals.Count:N0} referrals");
        socialWork.Build(involvements, frontDoor.Rows, restrictions.Restrictions, longHistory, size);
        Done($"Social work: {socialWork.Rows.Assessments.Count:N0} assessments, {socialWork.Rows.Plans.Count:N0} plans, {socialWork.Rows.Visits.Count:N0} visits, " +
            $"{socialWork.Rows.Notes.Count:N0} case notes, {socialWork.Rows.Oversights.Count:N0} oversight records");
        var childProtection = new ChildProtectionBuilder(DemoRandom.For(seed, 12), asOf, staff, calendar, people, chronology, access, socialWork);
        childProtection.Build(involvements, frontDoor.Rows.Referrals, restrictions.Restrictions.Select(r => r.PersonId).ToHashSet());
        Done($"Child protection: {childProtection.Rows.Discussions.Count:N0} strategy discussions, {childProtection.Rows.Enquiries.Count:N0} enquiries, " +
            $"{childProtection.Rows.Conferences.Count:N0} conferences, {childProtection.Rows.Plans.Count:N0} plans, {childProtection.Rows.CoreGroups.Count:N0} core groups");
        access.AddViews(involvements, people);
        var tail = await db.AccessLog.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var (log, checkpoints) = access.Link(chain, tail?.Sequence ?? 0, tail?.Hash ?? AccessLogChain.Genesis);
        var rows = new DemoRows(staff, families, involvements, chronology.Numbered(), restrictions.Restrictions, log, checkpoints, frontDoor.Rows, socialWork.Rows, childProtection.Rows);
        socialWork.LinkNotes();
        Done($"Records: {rows.Chronology.Count:N0} chronology entries, {rows.NameKeys.Count:N0} name keys, {log.Count:N0} access log entries");

        var roleIds = await AddMissingRolesAsync(db, DemoRandom.For(seed, 8), rows, ct);
        rows.SetRoles(staff, roleIds);
        await rows.WriteAsync(db, ct);
        Done("Written to the database");
        // Fresh statistics after millions of rows, so the first queries (and the pages' first visitors) get good plans.
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        // Written in bulk, past the context's keeper: each open case's next visit due is worked out once here.
        var dues = await new SocialWork.VisitDues(db, options.SocialWorkRules, calendar).RefreshAllAsync(ct);
        Done($"Next visit due: {dues:N0} open cases");

        return new DemoSummary(rows.Counts(asOf, frontDoor.DayOne), total.Elapsed, SignIns, DemoPassword, DemoAuthenticatorKey, restrictions.DemoPersonId, longHistory);
    }

    /// <summary>The id of each of the 15 roles, adding the ones the database does not have yet.</summary>
    private static async Task<Dictionary<string, string>> AddMissingRolesAsync(SafeguardDbContext db, Random rng, DemoRows rows, CancellationToken ct)
    {
        var existing = await db.Roles.AsNoTracking().Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var (role, _) in Roles.All.Where(r => !existing.ContainsKey(r.Role)))
        {
            var added = DemoIdentity.Role(role, rng);
            rows.Roles.Add(added);
            existing[role] = added.Id;
        }
        return existing;
    }
}
