using Safeguard.Core.Calendar;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// Every child protection due date and flag, derived from the events before it through the council's rules and the
/// working-day calendar: pure functions, so the pages, My work, the overviews and the returns all agree.
/// </summary>
public sealed class ChildProtectionDues(ChildProtectionRules rules, WorkingDayCalendar calendar)
{
    /// <summary>Working Together: the initial conference within 15 working days of the last strategy discussion.</summary>
    public DateOnly InitialConference(DateOnly lastStrategyDiscussion) => rules.InitialConference.DueDate(lastStrategyDiscussion, calendar);

    /// <summary>The DfE's target for the initial conference (InitialCPCtarget): 15 working days from the enquiry's start.</summary>
    public DateOnly ConferenceTarget(DateOnly enquiryStart) => rules.InitialConference.DueDate(enquiryStart, calendar);

    /// <summary>The first review within 3 months of the initial conference; each later one within 6 months of the last.</summary>
    public DateOnly NextReview(DateOnly initialConference, DateOnly? lastReview) =>
        lastReview is { } last ? rules.Review.DueDate(last, calendar) : rules.FirstReview.DueDate(initialConference, calendar);

    /// <summary>The first core group within 10 working days of the initial conference; then at the council's interval from the last held.</summary>
    public DateOnly NextCoreGroup(DateOnly initialConference, DateOnly? lastHeld) =>
        lastHeld is { } last ? rules.CoreGroup.DueDate(last, calendar) : rules.FirstCoreGroup.DueDate(initialConference, calendar);

    /// <summary>What the manager and the chair are told about a plan, and the support and challenge panel sees.</summary>
    public sealed record Flags(bool Repeat, bool WithinTwoYears, bool LongRunning, bool OverTwoYears)
    {
        public bool Any => Repeat || WithinTwoYears || LongRunning || OverTwoYears;
    }

    /// <summary>
    /// The flags of a plan that started on <paramref name="start"/> (and ended on <paramref name="end"/>, or runs on to
    /// <paramref name="today"/>): a repeat plan (any before it); one that started within two years of the end of the
    /// previous; and one lasting 18 months or more, and two years or more.
    /// </summary>
    public Flags For(DateOnly start, DateOnly? end, int previousPlans, DateOnly? previousEnded, DateOnly today)
    {
        var until = end ?? today;
        var withinTwoYears = previousEnded is { } ended && start <= rules.RepeatWithin.DueDate(ended, calendar);
        return new Flags(previousPlans > 0, withinTwoYears,
            until >= rules.LongPlanWarning.DueDate(start, calendar), until >= rules.LongPlan.DueDate(start, calendar));
    }
}
