using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>Child and family assessments as JSON: start, read, save part-way, send to the manager, authorise or send back.</summary>
public static class AssessmentsApi
{
    public sealed record StartInput(DateOnly? StartDate);
    public sealed record AssessmentInput(Guid Version, DateOnly? ChildSeenOn, DateOnly? ChildSeenAloneOn, string? NotSeenAloneReason, List<string>? FactorCodes,
        string? Analysis, string? ChildViews, string? FamilyViews, AssessmentOutcome? Outcome, string? PrimaryNeedCode, string? LateReason)
    {
        public AssessmentService.Draft ToDraft() => new(ChildSeenOn, ChildSeenAloneOn, NotSeenAloneReason, FactorCodes ?? [], Analysis, ChildViews, FamilyViews,
            Outcome, PrimaryNeedCode, LateReason);
    }
    public sealed record DecisionInput(Guid Version, bool Approve, string? Reason);
    public sealed record DecisionDto(bool Approved, string Reason, string ByName, DateTime AtUtc);
    public sealed record AssessmentDto(int Id, Guid PersonId, int ReferralId, string WorkerName, AssessmentStage Stage, DateOnly StartDate, DateOnly DueDate,
        DateOnly ChildSeenDueDate, DateOnly? ChildSeenOn, DateOnly? ChildSeenAloneOn, string? NotSeenAloneReason, List<string> FactorCodes, string? Analysis,
        string? ChildViews, string? FamilyViews, AssessmentOutcome? Outcome, string? PrimaryNeedCode, string? LateReason, DateOnly? AuthorisedOn,
        string? AuthorisedByName, Guid Version, List<DecisionDto>? Decisions = null);

    public static void MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Assessments");

        api.MapGet("/assessments/{id:int}", async (int id, AssessmentService assessments, CurrentActor me, CancellationToken ct) =>
                await assessments.OpenAsync(me.Actor, id, ct) is { } a
                    ? Results.Ok(ToDto(a) with { Decisions = (await assessments.DecisionsAsync(id, ct)).Select(d => new DecisionDto(d.Approved, d.Reason, d.ByName, d.AtUtc)).ToList() })
                    : ApiResults.NotFound("assessment"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("An assessment with everything written so far and the manager's decisions (only for a team working with the child)");

        api.MapPost("/people/{id:guid}/assessments", (Guid id, StartInput input, AssessmentService assessments, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await assessments.StartAsync(me.Actor, id, input.StartDate, ct) is { } a
                    ? Results.Created($"/api/assessments/{a.Id}", ToDto(a)) : ApiResults.NotFound("child")))
            .RequireAuthorization(Capabilities.AssessChild)
            .WithSummary("Start an assessment on the child's open referral; startDate defaults to today");

        api.MapPut("/assessments/{id:int}", (int id, AssessmentInput input, AssessmentService assessments, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await assessments.SaveAsync(me.Actor, id, input.Version, input.ToDraft(), ct) is { } a
                    ? Results.Ok(ToDto(a)) : ApiResults.NotFound("assessment")))
            .RequireAuthorization(Capabilities.AssessChild)
            .WithSummary("Save what is written so far (every field may be empty); version is the one read, so a save over someone else's is 409");

        api.MapPost("/assessments/{id:int}/submit", (int id, AssessmentInput input, AssessmentService assessments, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await assessments.SubmitAsync(me.Actor, id, input.Version, input.ToDraft(), ct) is { } a
                    ? Results.Ok(ToDto(a)) : ApiResults.NotFound("assessment")))
            .RequireAuthorization(Capabilities.AssessChild)
            .WithSummary("Save and send it to the manager; anything missing comes back as a validation problem naming each field");

        api.MapPost("/assessments/{id:int}/authorisation", (int id, DecisionInput input, AssessmentService assessments, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await assessments.AuthoriseAsync(me.Actor, id, input.Version, input.Approve, input.Reason, ct) is { } a
                    ? Results.Ok(ToDto(a)) : ApiResults.NotFound("assessment")))
            .RequireAuthorization(Capabilities.AuthoriseWork)
            .WithSummary("Authorise it (approve: true) or send it back (approve: false), with the reason either way; never one you wrote");
    }

    private static AssessmentDto ToDto(Assessment a) => new(a.Id, a.PersonId, a.ReferralId, a.WorkerName, a.Stage, a.StartDate, a.DueDate, a.ChildSeenDueDate,
        a.ChildSeenOn, a.ChildSeenAloneOn, a.NotSeenAloneReason, [.. a.Factors.Select(f => f.Code).Order()], a.Analysis, a.ChildViews, a.FamilyViews, a.Outcome,
        a.PrimaryNeedCode, a.LateReason, a.AuthorisedOn, a.AuthorisedByName, a.Version);
}
