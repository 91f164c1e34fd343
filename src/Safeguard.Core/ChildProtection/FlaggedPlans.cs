using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// Plans in force that the manager, the chair and the support and challenge panel are told about: repeat plans, second
/// plans within two years of the last, and plans running 18 months and two years or more
/// (<see cref="ChildProtectionDues.For"/>). Only the candidates are read (plans with an earlier plan, or started long
/// enough ago to be running long today), never every plan; the flags themselves come from the same rule as everywhere else.
/// </summary>
public sealed class FlaggedPlans(SafeguardDbContext db, ChildProtectionRules rules, ChildProtectionDues dues, WorkingDayCalendar calendar)
{
    /// <summary>A flagged plan in force, with its child's name and team.</summary>
    public sealed record Flagged(int PlanId, Guid PersonId, string ChildName, int TeamId, DateOnly StartDate, string LatestCategory, int PreviousPlans,
        DateOnly? PreviousPlanEnded, ChildProtectionDues.Flags Flags);

    /// <summary>
    /// The flagged plans among <paramref name="plans"/> (which the caller has already narrowed to what the asker may see),
    /// those in force only, the longest running first. Unbounded: the candidates are the few plans with a flag.
    /// </summary>
    public async Task<List<Flagged>> AmongAsync(IQueryable<ChildProtectionPlan> plans, DateOnly today, CancellationToken ct = default)
    {
        var longSince = LatestStartFlagged(rules.LongPlanWarning, today, calendar);
        var rows = await plans.AsNoTracking()
            .Where(p => p.EndDate == null && (p.PreviousPlans > 0 || p.StartDate <= longSince))
            .Select(p => new
            {
                p.Id, p.PersonId, p.TeamId, p.StartDate, p.LatestCategory, p.PreviousPlans, p.PreviousPlanEnded,
                Child = db.People.Where(c => c.Id == p.PersonId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new Flagged(r.Id, r.PersonId, r.Child ?? "", r.TeamId, r.StartDate, r.LatestCategory, r.PreviousPlans, r.PreviousPlanEnded,
                dues.For(r.StartDate, null, r.PreviousPlans, r.PreviousPlanEnded, today)))
            .Where(f => f.Flags.Any)
            .OrderBy(f => f.StartDate).ThenBy(f => f.ChildName, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The latest start date of a plan that has lasted <paramref name="length"/> by <paramref name="today"/>: every plan
    /// started on or before it has. Due dates only grow with the start, so stepping back from today finds it.
    /// </summary>
    public static DateOnly LatestStartFlagged(Timescale length, DateOnly today, WorkingDayCalendar calendar)
    {
        var start = today;
        while (length.DueDate(start, calendar) > today) start = start.AddDays(-1);
        return start;
    }

    /// <summary>The flags in words, for a list: "second plan within 24 months of the last (1 before)", "running 18 months or more".</summary>
    public IEnumerable<string> Describe(Flagged plan)
    {
        if (plan.Flags.WithinTwoYears) yield return $"second plan within {rules.RepeatWithin} of the last ({plan.PreviousPlans} before)";
        else if (plan.Flags.Repeat) yield return $"repeat plan ({plan.PreviousPlans} before)";
        if (plan.Flags.OverTwoYears) yield return $"running {rules.LongPlan} or more";
        else if (plan.Flags.LongRunning) yield return $"running {rules.LongPlanWarning} or more";
    }
}
