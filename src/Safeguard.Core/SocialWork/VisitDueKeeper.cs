using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Keeps each open case's next visit due true. Whenever a save touches what it is derived from (a visit, an
/// assessment, a referral, or a case opening, closing or changing status), the children concerned have theirs worked
/// out again in the same transaction, after the save. One place, so no service can forget, including those still to
/// come (child protection, looked after).
/// </summary>
public sealed class VisitDueKeeper(SocialWorkRules rules, WorkingDayCalendar calendar) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RefreshAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(eventData.Context, cancellationToken);
        return result;
    }

    private async Task RefreshAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not SafeguardDbContext db || db.VisitDuesToRefresh.Count == 0) return;
        var ids = db.VisitDuesToRefresh.ToList();
        db.VisitDuesToRefresh.Clear();
        await new VisitDues(db, rules, calendar).RefreshAsync(ids, ct);
    }

    private static void Collect(DbContext? context)
    {
        if (context is not SafeguardDbContext db) return;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            Guid? child = entry.Entity switch
            {
                Visit v => v.PersonId,
                Assessment a => a.PersonId,
                Referral r => r.PersonId,
                Involvement i when Changes(entry) => i.PersonId,
                _ => null,
            };
            if (child is { } id) db.VisitDuesToRefresh.Add(id);
        }
    }

    // Saving the derived dates themselves, or a new worker, changes nothing the dates depend on.
    private static readonly string[] NotInputs = [nameof(Involvement.NextVisitDue), nameof(Involvement.LastSeenOn), nameof(Involvement.WorkerId)];

    private static bool Changes(EntityEntry entry) =>
        entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !NotInputs.Contains(p.Metadata.Name));
}
