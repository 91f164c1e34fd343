using Safeguard.Core.Access;

namespace Safeguard.Core.People;

public enum InvolvementKind { EarlyHelp, Assessment, ChildInNeed, ChildProtection, LookedAfter, CareLeaver, Lado }

/// <summary>
/// A period in which a service is working with a child, and who holds the case. The child's page shows the
/// open ones as "current involvement"; the areas that own each kind of work keep their detail.
/// </summary>
public class Involvement
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public InvolvementKind Kind { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public string? WorkerId { get; set; }
    public StaffUser? Worker { get; set; }

    // Derived, never typed: kept by VisitDueKeeper whenever a visit, an assessment, a referral or the case itself is
    // saved, so "late visits" across a borough is one indexed query. Null when closed or the status has no visiting rule.
    /// <summary>The UK date by whose end the next visit to the child is due under this case's status.</summary>
    public DateOnly? NextVisitDue { get; set; }
    /// <summary>The last date the child was seen in this episode (a visit, or the assessment's child-seen date).</summary>
    public DateOnly? LastSeenOn { get; set; }

    public static string Label(InvolvementKind kind) => kind switch
    {
        InvolvementKind.EarlyHelp => "Early help",
        InvolvementKind.Assessment => "Child and family assessment",
        InvolvementKind.ChildInNeed => "Child in need",
        InvolvementKind.ChildProtection => "Child protection plan",
        InvolvementKind.LookedAfter => "Looked after",
        InvolvementKind.CareLeaver => "Care leaver",
        InvolvementKind.Lado => "LADO allegation",
        _ => kind.ToString(),
    };
}
