namespace Safeguard.Core.Access.Log;

/// <summary>What was done to a record. Stored as text so the log stays readable without the code.</summary>
public static class AccessAction
{
    public const string Viewed = "Viewed";
    public const string Searched = "Searched";
    public const string Created = "Created";
    public const string Changed = "Changed";
    public const string RecordedInError = "RecordedInError";
    public const string Restricted = "Restricted";
    public const string RestrictionLifted = "RestrictionLifted";
    public const string BrokeGlass = "BrokeGlass";
    public const string Refused = "Refused";
    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string UserChanged = "UserChanged";
}

/// <summary>
/// One line of the append-only access log. Each entry's <see cref="Hash"/> is an HMAC over the previous
/// entry's hash and this entry's canonical form, so altering, removing or inserting an entry breaks the chain.
/// </summary>
public class AccessLogEntry
{
    public long Sequence { get; set; }
    /// <summary>UTC, truncated to microseconds so the hash survives PostgreSQL's precision.</summary>
    public DateTime AtUtc { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public Guid? PersonId { get; set; }
    public required string What { get; set; }
    /// <summary>For changes: JSON of each changed field's value before and after.</summary>
    public string? Changes { get; set; }
    public string? From { get; set; }
    public required string Hash { get; set; }
}

/// <summary>
/// The chain's hash at every thousandth entry, sealed with the key, so a verification can start part-way
/// through a long log (for example "the last month") instead of from the first entry.
/// </summary>
public class AccessLogCheckpoint
{
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Hash { get; set; }
    public required string Seal { get; set; }
}

/// <summary>An entry waiting to be chained: everything but its sequence and hash.</summary>
public sealed record AccessRecord(
    DateTime AtUtc, string UserId, string UserName, string Action, Guid? PersonId, string What,
    string? Changes = null, string? From = null)
{
    public static AccessRecord By(Actor actor, DateTime atUtc, string action, Guid? personId, string what, string? changes = null) =>
        new(atUtc, actor.UserId, actor.DisplayName, action, personId, what, changes, actor.From);
}
