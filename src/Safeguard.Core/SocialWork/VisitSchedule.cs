using Safeguard.Core.Calendar;
using Safeguard.Core.People;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// When the next visit to a child is due: derived from the last time the child was seen and the rule for their
/// current status, never typed in. One pure function, so the case page, My work and the service manager's late
/// visits all agree.
/// </summary>
public static class VisitSchedule
{
    /// <summary>The statuses that have a visiting rule; early help, care leavers and LADO work have none here.</summary>
    public static readonly InvolvementKind[] Visited =
        [InvolvementKind.Assessment, InvolvementKind.ChildInNeed, InvolvementKind.ChildProtection, InvolvementKind.LookedAfter];

    /// <summary>The rule between visits for a status, or null when it has none.</summary>
    public static Timescale? Rule(InvolvementKind status, SocialWorkRules rules) => status switch
    {
        // Once an assessment has seen the child, the child is visited as a child in need until the plan decides otherwise.
        InvolvementKind.Assessment or InvolvementKind.ChildInNeed => rules.ChildInNeedVisit,
        InvolvementKind.ChildProtection => rules.ChildProtectionVisit,
        InvolvementKind.LookedAfter => rules.LookedAfterVisit,
        _ => null,
    };

    /// <summary>
    /// The UK date by whose end the next visit is due, or null when the status has no visiting rule.
    /// <paramref name="lastSeen"/> is the last date the child was seen in this episode (a visit at which they were
    /// seen, or the assessment's "child seen" date); <paramref name="statusStart"/> is when the current status began.
    /// During an assessment, until the child is seen, the visit is due by the assessment's child-seen date
    /// (<paramref name="childSeenDue"/>, or the child-seen rule from the start when there is no assessment yet).
    /// </summary>
    public static DateOnly? NextDue(InvolvementKind status, DateOnly statusStart, DateOnly? lastSeen, DateOnly? childSeenDue,
        SocialWorkRules rules, WorkingDayCalendar calendar)
    {
        if (Rule(status, rules) is not { } rule) return null;
        if (status == InvolvementKind.Assessment && lastSeen is null)
            return childSeenDue ?? rules.ChildSeen.DueDate(statusStart, calendar);
        return rule.DueDate(lastSeen ?? statusStart, calendar);
    }
}
