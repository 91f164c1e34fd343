using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>Social work cases as JSON: who holds a case, who could, and allocating it.</summary>
public static class CasesApi
{
    public sealed record AllocationInput(string? WorkerId, string? Reason, string? ExpectedWorkerId);
    public sealed record AllocationDto(int Id, string WorkerId, string WorkerName, DateTime FromUtc, DateTime? ToUtc, string Reason, string AllocatedByName);
    public sealed record CandidateDto(string Id, string Name, string? JobTitle, int Children, bool HoldsASibling);
    public sealed record CaseDto(int InvolvementId, Guid PersonId, string ChildName, string Kind, DateOnly Since, int TeamId, string TeamName,
        string? WorkerId, string? WorkerName, List<AllocationDto> History, List<CandidateDto> Candidates);

    public static void MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases").WithTags("Cases");

        api.MapGet("/{id:int}/allocation", async (int id, AllocationService allocations, CurrentActor me, CancellationToken ct) =>
            {
                if (await allocations.CaseAsync(me.Actor, id, ct) is not { } c) return ApiResults.NotFound("Case");
                var candidates = await allocations.CandidatesAsync(c.TeamId, c.PersonId, ct);
                return Results.Ok(new CaseDto(c.InvolvementId, c.PersonId, c.ChildName, c.Kind.ToString(), c.Since, c.TeamId, c.TeamName, c.WorkerId,
                    c.WorkerName, c.History.Select(ToDto).ToList(),
                    candidates.Select(w => new CandidateDto(w.Id, w.Name, w.JobTitle, w.Children, w.HoldsASibling)).ToList()));
            })
            .RequireAuthorization(Capabilities.AllocateCase)
            .WithSummary("A case (a team's involvement with a child): who holds it, who held it, and the team's workers with their caseloads");

        api.MapPost("/{id:int}/allocation", (int id, AllocationInput input, AllocationService allocations, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    if (string.IsNullOrEmpty(input.WorkerId)) throw Refuse.Invalid("WorkerId", "Choose the worker who will hold the case");
                    var a = await allocations.AllocateAsync(me.Actor, id, input.ExpectedWorkerId, input.WorkerId, input.Reason ?? "", ct);
                    return a is null ? ApiResults.NotFound("Case") : Results.Ok(ToDto(a));
                }))
            .RequireAuthorization(Capabilities.AllocateCase)
            .WithSummary("Allocate or reallocate the case; expectedWorkerId is who holds it now (null when unallocated), so two managers cannot overwrite each other");
    }

    private static AllocationDto ToDto(Allocation a) => new(a.Id, a.WorkerId, a.WorkerName, a.FromUtc, a.ToUtc, a.Reason, a.AllocatedByName);
}
