using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Calendar;

/// <summary>Keeps the CalendarDays table (working-day numbers for SQL arithmetic) in step with the bank holidays.</summary>
public static class CalendarTable
{
    public static readonly DateOnly From = new(2000, 1, 1);

    public static async Task<int> RefreshAsync(SafeguardDbContext db, BankHolidays holidays, CancellationToken ct = default)
    {
        var to = new DateOnly(holidays.LastYear, 12, 31);
        var calendar = new WorkingDayCalendar(holidays, TimeProvider.System);
        var days = calendar.BuildDays(From, to).ToList();
        var stored = await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date, ct);
        var changed = days.Where(d => !stored.TryGetValue(d.Date, out var s) || s.IsWorkingDay != d.IsWorkingDay
            || s.WorkingDayNumber != d.WorkingDayNumber || s.HolidayName != d.HolidayName).ToList();
        if (changed.Count == 0) return 0;
        await db.CalendarDays.Where(d => changed.Select(c => c.Date).Contains(d.Date)).ExecuteDeleteAsync(ct);
        db.CalendarDays.AddRange(changed);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return changed.Count;
    }
}
