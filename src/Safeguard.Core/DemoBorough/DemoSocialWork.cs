using Safeguard.Core.SocialWork;

namespace Safeguard.Core.DemoBorough;

/// <summary>Social work's rows: who held each case, assessments, plans, visits, notes, oversight and closures, numbered.</summary>
internal sealed class DemoSocialWork
{
    public List<Allocation> Allocations { get; } = [];
    public List<Assessment> Assessments { get; } = [];
    public List<AssessmentFactor> Factors { get; } = [];
    public List<Authorisation> Authorisations { get; } = [];
    public List<ChildInNeedPlan> Plans { get; } = [];
    public List<PlanAction> Actions { get; } = [];
    public List<ChildInNeedMeeting> Meetings { get; } = [];
    public List<PlanActionProgress> Progress { get; } = [];
    public List<Visit> Visits { get; } = [];
    public List<CaseNote> Notes { get; } = [];
    public List<Supervision> Supervisions { get; } = [];
    public List<ManagementOversight> Oversights { get; } = [];
    public List<OversightAction> OversightActions { get; } = [];
    public List<CaseClosure> Closures { get; } = [];

    public async Task WriteAsync(BulkWriter w, CancellationToken ct)
    {
        await w.WriteAsync(Allocations, ct);
        await w.WriteAsync(Assessments, ct);
        await w.WriteAsync(Factors, ct);
        await w.WriteAsync(Authorisations, ct);
        await w.WriteAsync(Plans, ct);
        await w.WriteAsync(Actions, ct);
        await w.WriteAsync(Meetings, ct);
        await w.WriteAsync(Progress, ct);
        await w.WriteAsync(Supervisions, ct);
        await w.WriteAsync(Oversights, ct);
        await w.WriteAsync(OversightActions, ct);
        await w.WriteAsync(Visits, ct);
        await w.WriteAsync(Notes, ct);
        await w.WriteAsync(Closures, ct);
    }

    public List<(string What, int Count)> Counts(DateOnly asOf) =>
    [
        ("Allocations (who held each case)", Allocations.Count),
        ("Assessments", Assessments.Count),
        ("  open on the as-of date", Assessments.Count(a => a.Stage != AssessmentStage.Authorised)),
        ("  awaiting authorisation", Assessments.Count(a => a.Stage == AssessmentStage.AwaitingAuthorisation)),
        ("Child in need plans", Plans.Count),
        ("  active", Plans.Count(p => p.Stage == PlanStage.Active)),
        ("  plan actions", Actions.Count),
        ("  reviews held", Meetings.Count(m => m.HeldOn is not null)),
        ("Visits", Visits.Count),
        ("Case notes", Notes.Count),
        ("Supervisions", Supervisions.Count),
        ("Management oversight records", Oversights.Count),
        ("  oversight actions", OversightActions.Count),
        ("    open and overdue", OversightActions.Count(a => a.CompletedOn is null && a.DueDate < asOf)),
        ("Closures and step-downs", Closures.Count),
        ("  awaiting sign-off", Closures.Count(c => c.Stage == ClosureStage.AwaitingAuthorisation)),
        ("Manager's decisions (authorisations)", Authorisations.Count),
    ];
}
