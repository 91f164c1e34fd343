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
