using Safeguard.Core.Access;

namespace Safeguard.Core.SocialWork;

public enum AuthorisationSubject { Assessment, ChildInNeedPlan, StepDown, Closure, StepUp }

/// <summary>
/// A manager's decision on work sent for authorisation: approved, or sent back with the reason. Every decision is
/// kept, so the record shows who authorised what, when and why, and each time work was returned.
/// </summary>
public class Authorisation
{
    public int Id { get; set; }
    public Guid PersonId { get; set; }
    public AuthorisationSubject Subject { get; set; }
    public int SubjectId { get; set; }
    public bool Approved { get; set; }
    public required string Reason { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ById { get; set; }
    public required string ByName { get; set; }
}

/// <summary>A manager's decision written the same way wherever work needs authorising: the reason checked, then the row.</summary>
public static class ManagerDecision
{
    public const int MaxReason = 4000;

    /// <summary>The reason, tidied; refused beside the "Reason" field when it is missing or too long (a decision always says why).</summary>
    public static string Reason(string? reason, string whenMissing)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null) throw Refuse.Invalid("Reason", whenMissing);
        if (reason.Length > MaxReason) throw Refuse.Invalid("Reason", $"The reason must be {MaxReason:N0} characters or fewer");
        return reason;
    }

    /// <summary>Adds the decision to the record (saved with the change it decides).</summary>
    public static void Record(Data.SafeguardDbContext db, Actor actor, Guid personId, AuthorisationSubject subject, int subjectId, bool approved, string reason, DateTime atUtc) =>
        db.Authorisations.Add(new Authorisation
        {
            PersonId = personId, Subject = subject, SubjectId = subjectId, Approved = approved, Reason = reason, AtUtc = atUtc, ById = actor.UserId, ByName = actor.DisplayName,
        });
}
