using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Notifications;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;

namespace Safeguard.Core.Data;

/// <summary>The one database of a council's Safeguard: the same model on SQLite and PostgreSQL.</summary>
public partial class SafeguardDbContext(DbContextOptions<SafeguardDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PersonNameKey> PersonNameKeys => Set<PersonNameKey>();
    public DbSet<PersonDisability> PersonDisabilities => Set<PersonDisability>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Involvement> Involvements => Set<Involvement>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<Authorisation> Authorisations => Set<Authorisation>();
    public DbSet<ChildInNeedPlan> ChildInNeedPlans => Set<ChildInNeedPlan>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<PlanActionProgress> PlanActionProgress => Set<PlanActionProgress>();
    public DbSet<ChildInNeedMeeting> ChildInNeedMeetings => Set<ChildInNeedMeeting>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<CaseNoteVersion> CaseNoteVersions => Set<CaseNoteVersion>();
    public DbSet<Supervision> Supervisions => Set<Supervision>();
    public DbSet<ManagementOversight> Oversights => Set<ManagementOversight>();
    public DbSet<OversightAction> OversightActions => Set<OversightAction>();
    public DbSet<CaseClosure> Closures => Set<CaseClosure>();
    public DbSet<FormDraft> FormDrafts => Set<FormDraft>();
    public DbSet<ChronologyEntry> Chronology => Set<ChronologyEntry>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<AccessLogCheckpoint> AccessLogCheckpoints => Set<AccessLogCheckpoint>();
    public DbSet<RecordRestriction> Restrictions => Set<RecordRestriction>();
    public DbSet<RestrictionMember> RestrictionMembers => Set<RestrictionMember>();
    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactChild> ContactChildren => Set<ContactChild>();
    public DbSet<ContactFactor> ContactFactors => Set<ContactFactor>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<MashCase> MashCases => Set<MashCase>();
    public DbSet<RagRating> RagRatings => Set<RagRating>();
    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Moments are stored as UTC DateTime (SQLite cannot order DateTimeOffset); read them back as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<StaffUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasIndex(u => u.TeamId);
            e.HasIndex(u => u.AgencyId);
        });
        builder.Entity<Team>().HasIndex(t => t.Name).IsUnique();
        builder.Entity<Agency>().HasIndex(a => a.Name).IsUnique();

        builder.Entity<Person>(e =>
        {
            e.HasIndex(p => p.Number).IsUnique();
            e.HasIndex(p => p.NhsNumber);
            e.HasIndex(p => p.Upn);
            e.HasIndex(p => p.DateOfBirth);
            // The few restricted records, found at once when counts leave out those the asker may not see.
            e.HasIndex(p => p.IsRestricted).HasFilter("\"IsRestricted\"");
            e.Property(p => p.Version).IsConcurrencyToken();
            e.Property(p => p.Notes).HasMaxLength(4000);
            e.Ignore(p => p.SafeguardId);
            e.Ignore(p => p.FullName);
            e.Ignore(p => p.IsUnborn);
            e.HasMany(p => p.PreviousNames).WithOne().HasForeignKey(n => n.PersonId);
            e.HasMany(p => p.Disabilities).WithOne().HasForeignKey(d => d.PersonId);
            e.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId);
        });
        builder.Entity<PersonNameKey>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(k => k.PersonId);
            e.HasIndex(k => new { k.Token, k.PersonId });
            e.HasIndex(k => new { k.Phonetic, k.PersonId });
            e.Property(k => k.Token).HasMaxLength(100);
            e.Property(k => k.Phonetic).HasMaxLength(100);
        });
        builder.Entity<Address>(e =>
        {
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => a.HouseholdKey);
        });
        builder.Entity<Relationship>(e =>
        {
            e.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.RelatedPerson).WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => r.PersonId);
            e.HasIndex(r => r.RelatedPersonId);
            e.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        builder.Entity<Involvement>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId);
            e.HasIndex(i => new { i.PersonId, i.EndDate });
            e.HasIndex(i => new { i.WorkerId, i.EndDate });
            // Late visits: the borough's (a range of due dates, counted by team) and a team's.
            e.HasIndex(i => new { i.NextVisitDue, i.TeamId, i.PersonId });
            e.HasIndex(i => new { i.TeamId, i.NextVisitDue });
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        });
        builder.Entity<ChronologyEntry>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasIndex(c => new { c.PersonId, c.OccurredAtUtc });
            e.Property(c => c.Summary).HasMaxLength(2000);
        });
        builder.Entity<AccessLogEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.HasIndex(a => new { a.PersonId, a.Sequence });
            e.HasIndex(a => new { a.UserId, a.Sequence });
            e.HasIndex(a => a.AtUtc);
            e.Property(a => a.Changes).HasMaxLength(20000);
            e.Property(a => a.Hash).HasMaxLength(64);
        });
        builder.Entity<AccessLogCheckpoint>(e =>
        {
            e.HasKey(c => c.Sequence);
            e.Property(c => c.Sequence).ValueGeneratedNever();
            e.HasIndex(c => c.AtUtc);
        });
        builder.Entity<RecordRestriction>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId);
            e.HasIndex(r => r.PersonId);
            e.HasMany(r => r.Members).WithOne().HasForeignKey(m => m.RestrictionId);
            e.Ignore(r => r.IsActive);
        });
        builder.Entity<RestrictionMember>().HasIndex(m => new { m.UserId, m.RestrictionId });
        builder.Entity<BreakGlassAccess>(e =>
        {
            e.HasIndex(b => new { b.PersonId, b.UserId, b.ExpiresAtUtc });
            e.HasIndex(b => new { b.RestrictionId, b.AcknowledgedAtUtc });
        });
        builder.Entity<NumberSequence>().HasKey(s => s.Name);
        builder.Entity<CalendarDay>(e =>
        {
            e.HasKey(d => d.Date);
            e.HasIndex(d => d.WorkingDayNumber);
        });
        ConfigureFrontDoor(builder);
        ConfigureSocialWork(builder);
        ConfigureChildProtection(builder);
        builder.Entity<OutboxMessage>(e =>
        {
            e.HasIndex(m => new { m.SentAtUtc, m.NextAttemptAtUtc });
            e.Property(m => m.Body).HasMaxLength(4000);
            e.Property(m => m.LastError).HasMaxLength(2000);
        });
        builder.Entity<ApiToken>(e =>
        {
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.UserId);
        });
    }

    private static void ConfigureFrontDoor(ModelBuilder builder)
    {
        builder.Entity<Contact>(e =>
        {
            e.HasIndex(c => c.Number).IsUnique();
            // The contact queue: open contacts by due time.
            e.HasIndex(c => new { c.Stage, c.ScreeningDueAtUtc });
            e.HasIndex(c => c.ReceivedAtUtc);
            e.HasIndex(c => c.RecordedById);
            e.HasIndex(c => new { c.ScreenedById, c.ScreenedAtUtc });
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Property(c => c.Concerns).HasMaxLength(8000);
            e.Property(c => c.ReferrerRequest).HasMaxLength(4000);
            e.Property(c => c.ScreeningReason).HasMaxLength(4000);
            e.Property(c => c.ConsentReason).HasMaxLength(2000);
            e.Property(c => c.Method).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.Consent).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.Stage).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.ScreeningOutcome).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.PoliceRag).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.SourceCode).HasMaxLength(4);
            e.HasMany(c => c.Children).WithOne().HasForeignKey(c => c.ContactId);
            e.HasMany(c => c.Factors).WithOne().HasForeignKey(f => f.ContactId);
            e.Ignore(c => c.Reference);
        });
        builder.Entity<ContactChild>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasIndex(c => c.PersonId);
            e.HasIndex(c => new { c.NewInformationForUserId, c.NewInformationReadAtUtc });
            e.HasIndex(c => new { c.NewInformationForTeamId, c.NewInformationReadAtUtc });
        });
        builder.Entity<ContactFactor>().Property(f => f.Code).HasMaxLength(4);
        builder.Entity<Consultation>(e =>
        {
            e.HasIndex(c => c.ReceivedAtUtc);
            e.HasIndex(c => c.PersonId);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Question).HasMaxLength(8000);
            e.Property(c => c.Advice).HasMaxLength(8000);
        });
        builder.Entity<Attachment>(e =>
        {
            e.HasIndex(a => a.ContactId);
            e.HasIndex(a => a.InformationRequestId);
            e.Property(a => a.Sha256).HasMaxLength(64);
        });
        builder.Entity<MashCase>(e =>
        {
            e.HasIndex(m => m.ContactId).IsUnique();
            // The MASH dashboard: open cases by due time.
            e.HasIndex(m => new { m.DecidedAtUtc, m.DueAtUtc });
            e.HasIndex(m => new { m.WorkerId, m.DecidedAtUtc });
            e.HasIndex(m => new { m.DecidedById, m.DecidedAtUtc });
            e.Property(m => m.Version).IsConcurrencyToken();
            e.Property(m => m.InitialRag).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.CurrentRag).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.Rationale).HasMaxLength(8000);
            e.HasMany(m => m.Ratings).WithOne().HasForeignKey(r => r.MashCaseId);
            e.HasMany(m => m.Requests).WithOne(r => r.MashCase).HasForeignKey(r => r.MashCaseId);
            e.Ignore(m => m.IsOpen);
        });
        builder.Entity<RagRating>(e =>
        {
            e.Property(r => r.Rating).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.Reason).HasMaxLength(4000);
        });
        builder.Entity<InformationRequest>(e =>
        {
            // A partner agency's list: its outstanding requests by due time.
            e.HasIndex(r => new { r.AgencyId, r.AnsweredAtUtc, r.DueAtUtc });
            e.Property(r => r.Version).IsConcurrencyToken();
            e.Property(r => r.RatingWhenSent).HasConversion<string>().HasMaxLength(40);
            e.Property(r => r.Question).HasMaxLength(4000);
            e.Property(r => r.Answer).HasMaxLength(16000);
            e.Ignore(r => r.IsOutstanding);
            e.Ignore(r => r.WasLate);
        });
        builder.Entity<Referral>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId);
            e.HasIndex(r => new { r.PersonId, r.ReferralDate });
            e.HasIndex(r => r.ReferralDate);
            e.HasIndex(r => r.ContactId);
            e.Property(r => r.SourceCode).HasMaxLength(4);
            e.Property(r => r.PrimaryNeedCode).HasMaxLength(4);
            e.Property(r => r.ClosureReason).HasMaxLength(4);
        });
    }

    /// <summary>The children whose next visit due is to be worked out again after this save (see VisitDueKeeper).</summary>
    internal HashSet<Guid> VisitDuesToRefresh { get; } = [];

    /// <summary>Renews the concurrency token of everything versioned that is being saved.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.Version = Guid.NewGuid();
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Takes the next number of a named sequence (Safeguard IDs) inside the current transaction.</summary>
    public async Task<int> NextNumberAsync(string name, CancellationToken ct = default)
    {
        var next = await Database.SqlQuery<long>(
            $"UPDATE \"NumberSequences\" SET \"Next\" = \"Next\" + 1 WHERE \"Name\" = {name} RETURNING \"Next\" - 1 AS \"Value\"")
            .ToListAsync(ct);
        if (next.Count == 1) return checked((int)next[0]);
        NumberSequences.Add(new NumberSequence { Name = name, Next = 2 });
        await SaveChangesAsync(ct);
        return 1;
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>A counter handed out in a transaction (for example the next Safeguard ID).</summary>
public class NumberSequence
{
    public required string Name { get; set; }
    public long Next { get; set; }
}
