using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;

namespace Safeguard.Core.DemoBorough;

/// <summary>Child protection's rows: strategy discussions, section 47 enquiries, emergency protection, conferences, plans, actions and core groups, numbered.</summary>
internal sealed class DemoChildProtection
{
    public List<StrategyDiscussion> Discussions { get; } = [];
    public List<StrategyParticipant> Participants { get; } = [];
    public List<Section47Enquiry> Enquiries { get; } = [];
    public List<EmergencyProtection> EmergencyProtections { get; } = [];
    public List<ChildProtectionConference> Conferences { get; } = [];
    public List<ConferenceMember> Members { get; } = [];
    public List<ChildProtectionPlan> Plans { get; } = [];
    public List<ProtectionAction> Actions { get; } = [];
    public List<CoreGroupMeeting> CoreGroups { get; } = [];

    public async Task WriteAsync(BulkWriter w, CancellationToken ct)
    {
        await w.WriteAsync(Enquiries, ct);
        await w.WriteAsync(Discussions, ct);
        await w.WriteAsync(Participants, ct);
        await w.WriteAsync(EmergencyProtections, ct);
        // A plan points at the conference that started it, and that conference back at the plan: the first conferences
        // go in without their plan, then the plans, then the reviews (which only point at their plan), then the link back.
        var first = Conferences.Where(c => c.Kind != ConferenceKind.Review).ToList();
        var plans = first.Select(c => c.PlanId).ToList();
        foreach (var c in first) c.PlanId = null;
        await w.WriteAsync(first, ct);
        for (var i = 0; i < first.Count; i++) first[i].PlanId = plans[i];
        await w.WriteAsync(Plans, ct);
        await w.WriteAsync(Conferences.Where(c => c.Kind == ConferenceKind.Review).ToList(), ct);
        await w.ExecuteAsync("UPDATE \"Conferences\" SET \"PlanId\" = (SELECT p.\"Id\" FROM \"ChildProtectionPlans\" p WHERE p.\"InitialConferenceId\" = \"Conferences\".\"Id\") " +
            "WHERE \"Kind\" <> 'Review'", ct);
        await w.WriteAsync(Members, ct);
        await w.WriteAsync(Actions, ct);
        await w.WriteAsync(CoreGroups, ct);
    }

    public List<(string What, int Count)> Counts(DateOnly asOf) =>
    [
        ("Strategy discussions", Discussions.Count),
        ("Section 47 enquiries", Enquiries.Count),
        ("  open on the as-of date", Enquiries.Count(e => e.Outcome is null)),
        ("Emergency protection", EmergencyProtections.Count),
        ("Child protection conferences", Conferences.Count),
        ("  to hold on the as-of date", Conferences.Count(c => c.HeldOn is null)),
        ("    late", Conferences.Count(c => c.HeldOn is null && c.DueDate < asOf)),
        ("Child protection plans", Plans.Count),
        ("  children on a plan", Plans.Where(p => p.EndDate is null).Select(p => p.PersonId).Distinct().Count()),
        ("  repeat plans", Plans.Count(p => p.PreviousPlans > 0)),
        ("  plan actions", Actions.Count),
        ("Core groups held", CoreGroups.Count(m => m.HeldOn is not null)),
    ];
}
