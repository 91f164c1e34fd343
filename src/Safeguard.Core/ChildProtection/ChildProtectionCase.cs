using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// The child protection work on one child's case, in brief, for the case page: strategy discussions, section 47
/// enquiries, emergency protection, conferences and plans, each with what is due next. The page has already checked
/// and logged that the case is the reader's to open.
/// </summary>
public sealed class ChildProtectionCase(SafeguardDbContext db, ChildProtectionDues dues)
{
    public sealed record Discussion(int Id, DateTime HeldAtUtc, StrategyDiscussionForm Form, StrategyDecision Decision, int? EnquiryId);

    public sealed record Enquiry(int Id, DateOnly StartDate, DateOnly ConferenceDueDate, DateOnly? ChildSeenOn, Section47Outcome? Outcome, DateOnly? OutcomeOn);

    public sealed record Conference(int Id, ConferenceKind Kind, int? Section47EnquiryId, int? PlanId, DateOnly DueDate, DateTime? ScheduledForUtc, DateOnly? HeldOn, ConferenceDecision? Decision,
        string? Category, string? ChairName);

    public sealed record Plan(int Id, DateOnly StartDate, DateOnly? EndDate, PlanEndReason? EndReason, string InitialCategory, string LatestCategory,
        DateOnly? NextCoreGroupDue, int? NextCoreGroupId, DateOnly? NextReviewDue, int? NextReviewId, ChildProtectionDues.Flags Flags);

    public sealed record Summary(List<Discussion> Discussions, List<Enquiry> Enquiries, List<EmergencyProtection> EmergencyProtection,
        List<Conference> Conferences, List<Plan> Plans)
    {
        public bool IsEmpty => Discussions.Count == 0 && Enquiries.Count == 0 && EmergencyProtection.Count == 0 && Conferences.Count == 0 && Plans.Count == 0;
        public Plan? CurrentPlan => Plans.FirstOrDefault(p => p.EndDate is null);
        public Enquiry? OpenEnquiry => Enquiries.FirstOrDefault(e => e.Outcome is null);
    }

    /// <summary>One enquiry's strategy discussions, newest first, and the initial conference it led to, if any.</summary>
    public async Task<(List<Discussion> Discussions, Conference? Conference)> OfEnquiryAsync(int enquiryId, CancellationToken ct = default)
    {
        var discussions = await db.StrategyDiscussions.AsNoTracking().Where(s => s.Section47EnquiryId == enquiryId).OrderByDescending(s => s.HeldAtUtc)
            .Select(s => new Discussion(s.Id, s.HeldAtUtc, s.Form, s.Decision, s.Section47EnquiryId)).ToListAsync(ct);
        var conference = await db.Conferences.AsNoTracking().Where(c => c.Section47EnquiryId == enquiryId)
            .Select(c => new Conference(c.Id, c.Kind, c.Section47EnquiryId, c.PlanId, c.DueDate, c.ScheduledForUtc, c.HeldOn, c.Decision, c.Category, c.ChairName))
            .FirstOrDefaultAsync(ct);
        return (discussions, conference);
    }

    /// <summary>Everything on the child, newest first; a handful of rows per child, so each list is read whole.</summary>
    public async Task<Summary> ForChildAsync(Guid personId, DateOnly today, CancellationToken ct = default)
    {
        var discussions = await db.StrategyDiscussions.AsNoTracking().Where(s => s.PersonId == personId).OrderByDescending(s => s.HeldAtUtc)
            .Select(s => new Discussion(s.Id, s.HeldAtUtc, s.Form, s.Decision, s.Section47EnquiryId)).ToListAsync(ct);
        var enquiries = await db.Section47Enquiries.AsNoTracking().Where(e => e.PersonId == personId).OrderByDescending(e => e.StartDate).ThenByDescending(e => e.Id)
            .Select(e => new Enquiry(e.Id, e.StartDate, e.ConferenceDueDate, e.ChildSeenOn, e.Outcome, e.OutcomeOn)).ToListAsync(ct);
        var emergency = await db.EmergencyProtections.AsNoTracking().Where(e => e.PersonId == personId).OrderByDescending(e => e.StartDate).ToListAsync(ct);
        var conferences = await db.Conferences.AsNoTracking().Where(c => c.PersonId == personId)
            .OrderByDescending(c => c.HeldOn == null).ThenByDescending(c => c.HeldOn).ThenByDescending(c => c.DueDate)
            .Select(c => new Conference(c.Id, c.Kind, c.Section47EnquiryId, c.PlanId, c.DueDate, c.ScheduledForUtc, c.HeldOn, c.Decision, c.Category, c.ChairName)).ToListAsync(ct);
        var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.PersonId == personId).OrderByDescending(p => p.StartDate).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var coreGroups = await db.CoreGroups.AsNoTracking().Where(m => planIds.Contains(m.PlanId) && m.HeldOn == null)
            .Select(m => new { m.Id, m.PlanId, m.DueDate }).ToListAsync(ct);
        return new Summary(discussions, enquiries, emergency, conferences, [.. plans.Select(p =>
        {
            // An ended plan has nothing due: its last core group and review were overtaken by the conference that ended it.
            var coreGroup = p.EndDate is null ? coreGroups.Where(m => m.PlanId == p.Id).OrderBy(m => m.DueDate).FirstOrDefault() : null;
            var review = p.EndDate is null ? conferences.Where(c => c.PlanId == p.Id && c.HeldOn is null).OrderBy(c => c.DueDate).FirstOrDefault() : null;
            return new Plan(p.Id, p.StartDate, p.EndDate, p.EndReason, p.InitialCategory, p.LatestCategory, coreGroup?.DueDate, coreGroup?.Id,
                review?.DueDate, review?.Id, dues.For(p.StartDate, p.EndDate, p.PreviousPlans, p.PreviousPlanEnded, today));
        })]);
    }

    /// <summary>Someone to choose on a conference page: a chair to arrange it with, or a partner who sends a report through Safeguard.</summary>
    public sealed record Choice(string Id, string Name, string? Detail, int? AgencyId);

    /// <summary>The active conference chairs.</summary>
    public Task<List<Choice>> ChairsAsync(CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.ConferenceChair)))
            .OrderBy(u => u.DisplayName).Select(u => new Choice(u.Id, u.DisplayName, u.JobTitle, null)).ToListAsync(ct);

    /// <summary>The active partner agency users (a few hundred at most), by agency, who can be asked for a report through their own view.</summary>
    public Task<List<Choice>> PartnerUsersAsync(CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.IsActive && u.AgencyId != null)
            .OrderBy(u => u.Agency!.Name).ThenBy(u => u.DisplayName).Take(1000)
            .Select(u => new Choice(u.Id, u.DisplayName, u.Agency!.Name, u.AgencyId)).ToListAsync(ct);
}
