using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>Closing a child's case, stepping it down to early help and stepping it up from early help, as JSON.</summary>
public static class ClosuresApi
{
    public sealed record ProposalInput(string? Kind, string? ReasonCode, string? Reasons, int? EarlyHelpTeamId);
    public sealed record DecisionInput(Guid Version, bool Approve, string? Reason);
    public sealed record StepUpInput(int? TeamId, string? Reasons);
    public sealed record ClosureDto(int Id, Guid PersonId, int ReferralId, string Kind, string ReasonCode, string ReasonLabel, string Reasons,
        int? EarlyHelpTeamId, string Stage, DateOnly? ClosedOn, string ProposedByName, DateTime ProposedAtUtc, Guid Version);
    public sealed record DecisionDto(bool Approved, string Reason, string ByName, DateTime AtUtc);
    public sealed record EpisodeDto(int ReferralId, DateOnly ReferralDate, string? TeamName, bool AssessmentAuthorised, bool AssessmentInProgress);
    public sealed record SummaryDto(EpisodeDto? Open, ClosureDto? Waiting, ClosureDto? Returned, DecisionDto? ReturnedBecause, List<ClosureDto> Past,
        bool OpenToEarlyHelp, bool OpenToSocialCare);
    public sealed record SteppedUpDto(int ContactId, string ContactReference, int ReferralId, int TeamId, string TeamName, bool PossibleRepeatReferral);

    public static void MapClosuresApi(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("Closures");

        people.MapGet("/{id:guid}/closures", async (Guid id, ClosureService closures, CurrentActor me, CancellationToken ct) =>
            {
                if (await closures.SummaryAsync(me.Actor, id, logView: true, ct) is not { } s) return ApiResults.NotFound("case");
                return Results.Ok(new SummaryDto(
                    s.Open is { } o ? new EpisodeDto(o.ReferralId, o.ReferralDate, o.TeamName, o.AssessmentAuthorised, o.AssessmentInProgress) : null,
                    s.Waiting is { } w ? ToDto(w) : null, s.Returned is { } r ? ToDto(r) : null,
                    s.ReturnedBecause is { } b ? new DecisionDto(b.Approved, b.Reason, b.ByName, b.AtUtc) : null,
                    s.Past.Select(ToDto).ToList(), s.OpenToEarlyHelp, s.OpenToSocialCare));
            })
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("The child's open episode, a closure or step down waiting for sign-off or sent back (with the manager's reason), and past closures");

        people.MapPost("/{id:guid}/closures", (Guid id, ProposalInput input, ClosureService closures, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    if (!Enum.TryParse<ClosureKind>(input.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                        throw Refuse.Invalid("Kind", "Kind must be Close or StepDownToEarlyHelp");
                    var c = await closures.ProposeAsync(me.Actor, id, new ClosureService.Proposal(kind, input.ReasonCode, input.Reasons, input.EarlyHelpTeamId), ct);
                    return c is null ? ApiResults.NotFound("case") : Results.Created($"/api/people/{id}/closures", ToDto(c));
                }))
            .RequireAuthorization(Capabilities.ProposeClosure)
            .WithSummary("Propose closing the child's open referral (reasonCode RC1-RC8) or stepping it down to an early help team (RC9 or RC7, derived), with the reasons");

        people.MapPost("/{id:guid}/step-up", (Guid id, StepUpInput input, ClosureService closures, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var s = await closures.StepUpAsync(me.Actor, id, input.TeamId, input.Reasons, ct);
                    return s is null ? ApiResults.NotFound("case")
                        : Results.Ok(new SteppedUpDto(s.ContactId, s.ContactReference, s.ReferralId, s.TeamId, s.TeamName, s.EarlierReferralId is not null));
                }))
            .RequireAuthorization(Capabilities.StepUp)
            .WithSummary("Step a child open to early help up to a social care assessment by the team (assessment or child in need): a contact from early help, referred");

        app.MapPost("/api/closures/{id:int}/authorise", (int id, DecisionInput input, ClosureService closures, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var c = await closures.AuthoriseAsync(me.Actor, id, input.Version, input.Approve, input.Reason, ct);
                    return c is null ? ApiResults.NotFound("closure") : Results.Ok(ToDto(c));
                }))
            .WithTags("Closures")
            .RequireAuthorization(Capabilities.AuthoriseWork)
            .WithSummary("Sign off a closure or step down (approve: true) or send it back (approve: false), with the reason; version is the proposal's, so two managers cannot both decide");
    }

    private static ClosureDto ToDto(CaseClosure c) => new(c.Id, c.PersonId, c.ReferralId, c.Kind.ToString(), c.ReasonCode, ClosureCodes.ReasonForClosure.Label(c.ReasonCode) ?? c.ReasonCode,
        c.Reasons, c.EarlyHelpTeamId, c.Stage.ToString(), c.ClosedOn, c.ProposedByName, c.ProposedAtUtc, c.Version);
}
