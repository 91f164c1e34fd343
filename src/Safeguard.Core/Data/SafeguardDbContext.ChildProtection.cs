using Microsoft.EntityFrameworkCore;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.Data;

/// <summary>Child protection's tables: strategy discussions, section 47 enquiries, emergency protection, conferences, plans and core groups.</summary>
public partial class SafeguardDbContext
{
    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();
    public DbSet<StrategyParticipant> StrategyParticipants => Set<StrategyParticipant>();
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
    public DbSet<EmergencyProtection> EmergencyProtections => Set<EmergencyProtection>();
    public DbSet<ChildProtectionConference> Conferences => Set<ChildProtectionConference>();
    public DbSet<ConferenceMember> ConferenceMembers => Set<ConferenceMember>();
    public DbSet<ChildProtectionPlan> ChildProtectionPlans => Set<ChildProtectionPlan>();
    public DbSet<ProtectionAction> ProtectionActions => Set<ProtectionAction>();
    public DbSet<CoreGroupMeeting> CoreGroups => Set<CoreGroupMeeting>();
    public DbSet<ProtectionActionProgress> ProtectionActionProgress => Set<ProtectionActionProgress>();

    private static void ConfigureChildProtection(ModelBuilder builder)
    {
        builder.Entity<StrategyDiscussion>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId);
            e.HasOne<Referral>().WithMany().HasForeignKey(s => s.ReferralId);
            e.HasOne<Section47Enquiry>().WithMany().HasForeignKey(s => s.Section47EnquiryId);
            e.HasIndex(s => new { s.PersonId, s.HeldAtUtc });
            e.HasMany(s => s.Participants).WithOne().HasForeignKey(p => p.StrategyDiscussionId);
            e.Property(s => s.Form).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Decision).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.InformationShared).HasMaxLength(20_000);
            e.Property(s => s.SafetyActions).HasMaxLength(8000);
            e.Property(s => s.DecisionReason).HasMaxLength(4000);
            e.Property(s => s.RecordedByName).HasMaxLength(200);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<StrategyParticipant>(e =>
        {
            e.Property(p => p.Role).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Name).HasMaxLength(200);
        });
        builder.Entity<Section47Enquiry>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId);
            e.HasOne<Referral>().WithMany().HasForeignKey(s => s.ReferralId);
            e.HasIndex(s => new { s.PersonId, s.StartDate });
            // Enquiries still open, by when their conference is due (the chairs' list, the overview).
            e.HasIndex(s => new { s.OutcomeOn, s.ConferenceDueDate });
            e.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(40);
            e.Property(s => s.OutcomeReason).HasMaxLength(4000);
            e.Property(s => s.NotSeenAloneReason).HasMaxLength(4000);
            e.Property(s => s.WorkerName).HasMaxLength(200);
            e.Ignore(s => s.ConferenceNotRequired);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        builder.Entity<EmergencyProtection>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
            e.HasIndex(p => new { p.PersonId, p.StartDate });
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.Details).HasMaxLength(4000);
            e.Property(p => p.RecordedByName).HasMaxLength(200);
        });
        builder.Entity<ChildProtectionConference>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasOne<Section47Enquiry>().WithMany().HasForeignKey(c => c.Section47EnquiryId);
            e.HasOne<ChildProtectionPlan>().WithMany().HasForeignKey(c => c.PlanId);
            e.HasIndex(c => new { c.PersonId, c.DueDate });
            // Conferences still to hold, by due date (the chairs' list); a chair's own.
            e.HasIndex(c => new { c.HeldOn, c.DueDate });
            e.HasIndex(c => new { c.ChairId, c.HeldOn });
            e.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ConferenceId);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.ChildParticipation).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.ParentsParticipation).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Category).HasMaxLength(3);
            e.Property(c => c.SubCategory).HasMaxLength(100);
            e.Property(c => c.ChairName).HasMaxLength(200);
            e.Property(c => c.ChildViews).HasMaxLength(8000);
            e.Property(c => c.ParentsViews).HasMaxLength(8000);
            e.Property(c => c.PlanWorkingReason).HasMaxLength(8000);
            e.Property(c => c.WorkNotDone).HasMaxLength(8000);
            e.Property(c => c.DecisionReason).HasMaxLength(8000);
            e.Property(c => c.PlanEndReason).HasMaxLength(4000);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        builder.Entity<ConferenceMember>(e =>
        {
            // A partner's reports to write.
            e.HasIndex(m => new { m.UserId, m.ReportSubmittedAtUtc });
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.Report).HasMaxLength(20_000);
            e.Property(m => m.ReportSubmittedByName).HasMaxLength(200);
        });
        builder.Entity<ChildProtectionPlan>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
            e.HasOne<ChildProtectionConference>().WithMany().HasForeignKey(p => p.InitialConferenceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.PersonId, p.StartDate });
            // Plans in force, by team (the overview) and by start (long-running plans).
            e.HasIndex(p => new { p.EndDate, p.TeamId });
            e.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.PlanId);
            e.Property(p => p.EndReason).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.InitialCategory).HasMaxLength(3);
            e.Property(p => p.LatestCategory).HasMaxLength(3);
            e.Property(p => p.LatestSubCategory).HasMaxLength(100);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<ProtectionAction>(e =>
        {
            e.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueDate });
            e.Property(a => a.Text).HasMaxLength(2000);
            e.Property(a => a.OwnerName).HasMaxLength(200);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Progress).HasMaxLength(4000);
        });
        builder.Entity<ProtectionActionProgress>(e =>
        {
            e.HasOne<ProtectionAction>().WithMany().HasForeignKey(p => p.ActionId);
            e.HasOne<CoreGroupMeeting>().WithMany().HasForeignKey(p => p.CoreGroupId);
            e.HasIndex(p => p.ActionId);
            e.Property(p => p.Text).HasMaxLength(4000);
            e.Property(p => p.RecordedByName).HasMaxLength(200);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        });
        builder.Entity<CoreGroupMeeting>(e =>
        {
            e.HasOne<ChildProtectionPlan>().WithMany().HasForeignKey(m => m.PlanId);
            e.HasIndex(m => new { m.PlanId, m.DueDate });
            e.HasIndex(m => new { m.HeldOn, m.DueDate });
            e.Property(m => m.Attendees).HasMaxLength(4000);
            e.Property(m => m.Notes).HasMaxLength(20_000);
            e.Property(m => m.RecordedByName).HasMaxLength(200);
            e.Property(m => m.Version).IsConcurrencyToken();
        });
    }
}
