using Microsoft.EntityFrameworkCore;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;

namespace Safeguard.Core.Data;

/// <summary>Social work's tables: allocation, assessments, plans, visits, notes, oversight and closure.</summary>
public partial class SafeguardDbContext
{
    private static void ConfigureSocialWork(ModelBuilder builder)
    {
        builder.Entity<Allocation>(e =>
        {
            e.HasOne<Involvement>().WithMany().HasForeignKey(a => a.InvolvementId);
            e.HasIndex(a => new { a.InvolvementId, a.ToUtc });
            e.HasIndex(a => new { a.WorkerId, a.ToUtc });
            e.HasIndex(a => a.PersonId);
            e.Property(a => a.WorkerName).HasMaxLength(200);
            e.Property(a => a.AllocatedByName).HasMaxLength(200);
            e.Property(a => a.Reason).HasMaxLength(4000);
        });
        builder.Entity<Assessment>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
            e.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId);
            e.HasIndex(a => new { a.PersonId, a.Stage });
            e.HasIndex(a => a.ReferralId);
            // A worker's and a team's open assessments by due date (My work, the team and service manager views).
            e.HasIndex(a => new { a.WorkerId, a.Stage, a.DueDate });
            e.HasIndex(a => new { a.TeamId, a.Stage, a.DueDate });
            e.Property(a => a.Stage).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.PrimaryNeedCode).HasMaxLength(4);
            e.Property(a => a.WorkerName).HasMaxLength(200);
            e.Property(a => a.AuthorisedByName).HasMaxLength(200);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasMany(a => a.Factors).WithOne().HasForeignKey(f => f.AssessmentId);
        });
        builder.Entity<AssessmentFactor>(e => e.Property(f => f.Code).HasMaxLength(4));
        builder.Entity<Authorisation>(e =>
        {
            e.HasIndex(a => new { a.Subject, a.SubjectId });
            e.HasIndex(a => a.PersonId);
            e.Property(a => a.Subject).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Reason).HasMaxLength(4000);
            e.Property(a => a.ByName).HasMaxLength(200);
        });
        builder.Entity<ChildInNeedPlan>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
            e.HasOne<Referral>().WithMany().HasForeignKey(p => p.ReferralId);
            e.HasIndex(p => new { p.PersonId, p.Stage });
            e.HasIndex(p => new { p.TeamId, p.Stage });
            e.Property(p => p.Stage).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Aims).HasMaxLength(20_000);
            e.Property(p => p.EndReason).HasMaxLength(4000);
            e.Property(p => p.CreatedByName).HasMaxLength(200);
            e.Property(p => p.AuthorisedByName).HasMaxLength(200);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasMany(p => p.Actions).WithOne().HasForeignKey(a => a.PlanId);
            e.HasMany(p => p.Meetings).WithOne().HasForeignKey(m => m.PlanId);
        });
        builder.Entity<PlanAction>(e =>
        {
            // A worker's plan actions by due date (My work).
            e.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueDate });
            e.Property(a => a.Text).HasMaxLength(2000);
            e.Property(a => a.OwnerName).HasMaxLength(200);
            e.Property(a => a.Progress).HasMaxLength(4000);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        });
        builder.Entity<PlanActionProgress>(e =>
        {
            e.HasOne<PlanAction>().WithMany().HasForeignKey(p => p.ActionId);
            e.HasIndex(p => p.ActionId);
            e.Property(p => p.Text).HasMaxLength(4000);
            e.Property(p => p.RecordedByName).HasMaxLength(200);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        });
        builder.Entity<ChildInNeedMeeting>(e =>
        {
            // Reviews not yet held, by due date (My work, the team and service manager views).
            e.HasIndex(m => new { m.HeldOn, m.DueDate });
            e.HasIndex(m => m.PersonId);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.Attendees).HasMaxLength(2000);
            e.Property(m => m.Minutes).HasMaxLength(20_000);
            e.Property(m => m.Decision).HasMaxLength(4000);
            e.Property(m => m.RecordedByName).HasMaxLength(200);
            e.Property(m => m.Version).IsConcurrencyToken();
        });
        builder.Entity<Visit>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId);
            e.HasIndex(v => new { v.PersonId, v.VisitedOn });
            e.Property(v => v.Location).HasConversion<string>().HasMaxLength(30);
            e.Property(v => v.VisitedByName).HasMaxLength(200);
            e.Property(v => v.NotSeenReason).HasMaxLength(4000);
            e.Property(v => v.Observations).HasMaxLength(20_000);
            e.Property(v => v.Version).IsConcurrencyToken();
        });
        builder.Entity<CaseNote>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId);
            e.HasIndex(n => new { n.PersonId, n.OccurredAtUtc });
            e.Property(n => n.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(n => n.WhoWasSeen).HasMaxLength(1000);
            e.Property(n => n.Text).HasMaxLength(20_000);
            e.Property(n => n.AuthorName).HasMaxLength(200);
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasMany(n => n.Versions).WithOne().HasForeignKey(v => v.CaseNoteId);
        });
        builder.Entity<CaseNoteVersion>(e =>
        {
            e.Property(v => v.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(v => v.WhoWasSeen).HasMaxLength(1000);
            e.Property(v => v.Text).HasMaxLength(20_000);
            e.Property(v => v.ReplacedByName).HasMaxLength(200);
        });
        builder.Entity<Supervision>(e =>
        {
            e.HasIndex(s => new { s.TeamId, s.HeldOn });
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.SupervisorName).HasMaxLength(200);
            e.Property(s => s.SuperviseeName).HasMaxLength(200);
            e.Property(s => s.Attendees).HasMaxLength(2000);
            e.Property(s => s.Notes).HasMaxLength(20_000);
        });
        builder.Entity<ManagementOversight>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId);
            e.HasOne<Supervision>().WithMany().HasForeignKey(o => o.SupervisionId);
            // The latest oversight of each child (the service manager's "no oversight in N weeks").
            e.HasIndex(o => new { o.PersonId, o.RecordedOn });
            e.Property(o => o.Decision).HasMaxLength(20_000);
            e.Property(o => o.Rationale).HasMaxLength(20_000);
            e.Property(o => o.ByName).HasMaxLength(200);
            e.HasMany(o => o.Actions).WithOne().HasForeignKey(a => a.OversightId);
        });
        builder.Entity<OversightAction>(e =>
        {
            // Open actions by owner and by who set them, by due date (My work).
            e.HasIndex(a => new { a.OwnerId, a.CompletedOn, a.DueDate });
            e.HasIndex(a => new { a.SetById, a.CompletedOn, a.DueDate });
            // Every open action past its date (the service manager's late work, by team).
            e.HasIndex(a => new { a.CompletedOn, a.DueDate, a.PersonId });
            e.HasIndex(a => a.PersonId);
            e.Property(a => a.Text).HasMaxLength(2000);
            e.Property(a => a.OwnerName).HasMaxLength(200);
            e.Property(a => a.CompletionNote).HasMaxLength(4000);
            e.Property(a => a.CompletedByName).HasMaxLength(200);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        builder.Entity<CaseClosure>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId);
            e.HasIndex(c => new { c.PersonId, c.Stage });
            e.HasIndex(c => c.Stage);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Stage).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.ReasonCode).HasMaxLength(4);
            e.Property(c => c.Reasons).HasMaxLength(20_000);
            e.Property(c => c.ProposedByName).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        builder.Entity<FormDraft>(e =>
        {
            e.HasIndex(d => new { d.UserId, d.FormKey }).IsUnique();
            e.Property(d => d.FormKey).HasMaxLength(100);
            e.Property(d => d.Fields).HasMaxLength(200_000);
        });
    }
}
