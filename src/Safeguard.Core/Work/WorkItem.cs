namespace Safeguard.Core.Work;

/// <summary>
/// One thing someone has to do, as "My work" lists it: what, why it is theirs, when it is due (null when it has
/// no clock) and where to do it. Each area of the service adds its own kinds.
/// </summary>
public sealed record WorkItem(string Kind, string Title, string Reason, DateTime? DueAtUtc, string Link, string? Detail = null)
{
    public bool IsOverdue(DateTime nowUtc) => DueAtUtc is { } due && due < nowUtc;
}

/// <summary>A group on "My work" that is too large to list, with a link to where it is worked.</summary>
public sealed record WorkQueue(string Title, int Count, int Overdue, string Link);
