using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The front door's two checks on a child: is their case open (then a contact is new information for the
/// allocated worker, not a new episode), and were they referred in the last 12 months (a possible repeat referral).
/// </summary>
public static class OpenCases
{
    /// <summary>Social care work that holds a child's case. Early help and LADO work do not make a contact new information.</summary>
    public static readonly InvolvementKind[] SocialCare =
        [InvolvementKind.Assessment, InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection, InvolvementKind.LookedAfter, InvolvementKind.CareLeaver];

    public sealed record OpenCase(Guid PersonId, string? WorkerId, int? TeamId);

    public static async Task<Dictionary<Guid, OpenCase>> FindAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var open = await db.Involvements.AsNoTracking()
            .Where(i => personIds.Contains(i.PersonId) && i.EndDate == null && SocialCare.Contains(i.Kind))
            .OrderByDescending(i => i.StartDate)
            .Select(i => new OpenCase(i.PersonId, i.WorkerId, i.TeamId)).ToListAsync(ct);
        // Prefer the involvement with an allocated worker.
        return open.GroupBy(o => o.PersonId).ToDictionary(g => g.Key, g => g.FirstOrDefault(o => o.WorkerId != null) ?? g.First());
    }

    /// <summary>
    /// Whether an earlier referral makes a contact a possible repeat referral: the earlier one fell on or before
    /// the contact's date and no more than <paramref name="months"/> calendar months before it (a referral exactly
    /// 12 months earlier counts).
    /// </summary>
    public static bool IsRepeat(DateOnly earlierReferral, DateOnly contactDate, int months) =>
        earlierReferral <= contactDate && earlierReferral >= contactDate.AddMonths(-months);

    /// <summary>Each child's latest referral that makes this contact a possible repeat referral.</summary>
    public static async Task<Dictionary<Guid, int>> EarlierReferralsAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> personIds,
        DateOnly contactDate, int months, CancellationToken ct)
    {
        var from = contactDate.AddMonths(-months);
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => personIds.Contains(r.PersonId) && r.ReferralDate >= from && r.ReferralDate <= contactDate)
            .Select(r => new { r.PersonId, r.Id, r.ReferralDate }).ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReferralDate).ThenByDescending(r => r.Id).First().Id);
    }
}
