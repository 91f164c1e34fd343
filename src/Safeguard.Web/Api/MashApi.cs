using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;
using static Safeguard.Web.Api.FrontDoorMapping;

namespace Safeguard.Web.Api;

/// <summary>The MASH as JSON: the dashboard, a case, and the work on it (rating, requests to partners, the decision).</summary>
public static class MashApi
{
    public static void MapMashApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/mash").WithTags("MASH");

        api.MapGet("", async (bool? mine, FrontDoorQueries queries, CurrentActor me, CancellationToken ct) =>
            {
                var actor = me.Actor;
                var (rows, counts) = await queries.MashDashboardAsync(actor, 500, mine == true ? actor.UserId : null, ct);
                return Results.Ok(new MashDashboardDto(
                    counts.Select(c => new RagCountDto(c.Rating?.ToString(), c.Open, c.Breached)).ToList(),
                    rows.Select(r => new MashRowDto(r.CaseId, r.ContactId, r.Reference, r.ReceivedAtUtc, r.DueAtUtc, r.InitialRag?.ToString(),
                        r.CurrentRag?.ToString(), r.PoliceRag?.ToString(), r.WorkerName, r.Children, r.RequestsOutstanding, r.RequestsLate,
                        r.RequestsAnswered)).ToList()));
            })
            .RequireAuthorization(Capabilities.ViewFrontDoor)
            .WithSummary("The MASH dashboard: open cases by due time (at most 500; ?mine=true for your own) and counts by rating (a null rating is unrated)");

        api.MapGet("/{id:int}", async (int id, FrontDoorQueries queries, CurrentActor me, TimeProvider clock, CancellationToken ct) =>
                await queries.MashCaseAsync(me.Actor, id, ct) is { } view
                    ? Results.Ok(ToDto(view, clock.GetUtcNow().UtcDateTime)) : ApiResults.NotFound("MASH case"))
            .RequireAuthorization(Capabilities.ViewFrontDoor)
            .WithSummary("A MASH case with its contact, ratings and requests to partner agencies (the view is logged)");

        api.MapPost("/{id:int}/assign", (int id, AssignInput input, MashService mash, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var actor = me.Actor;
                    var m = await mash.AssignAsync(actor, id, input.Version, input.WorkerId ?? actor.UserId, ct);
                    return m is null ? ApiResults.NotFound("MASH case") : Results.Ok(Changed(m));
                }))
            .RequireAuthorization(Capabilities.WorkMashCase)
            .WithSummary("Take the case (no workerId), or give it to a member of the MASH (the MASH manager)");

        api.MapPost("/{id:int}/rating", (int id, RatingInput input, MashService mash, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var m = await mash.RateAsync(me.Actor, id, input.Version, Choice<Rag>(input.Rating, "Rating"), input.Reason, ct);
                    return m is null ? ApiResults.NotFound("MASH case") : Results.Ok(Changed(m));
                }))
            .RequireAuthorization(Capabilities.WorkMashCase)
            .WithSummary("RAG-rate the case (Blue, Green, Amber, Red, RedImminentDanger); a re-rating needs a reason and keeps the initial rating");

        api.MapPost("/{id:int}/requests", (int id, InformationRequestInput input, MashService mash, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var r = await mash.RequestAsync(me.Actor, id, input.AgencyId, input.Question ?? "", ct);
                    return r is null ? ApiResults.NotFound("MASH case") : Results.Created($"/api/mash/{id}", Changed(r));
                }))
            .RequireAuthorization(Capabilities.WorkMashCase)
            .WithSummary("Ask a partner agency what it knows; due by the time set for the case's current rating (the agency is emailed, without details)");

        api.MapPost("/{id:int}/decision", (int id, DecisionInput input, MashService mash, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var decision = new MashService.Decision(Choice<MashOutcome>(input.Outcome, "Outcome"), input.Rationale ?? "", input.ToTeamId,
                        input.PrimaryNeedCode, input.CountsAsReferral, input.DecidedAtUtc is { } at ? Utc(at) : null);
                    var m = await mash.DecideAsync(me.Actor, id, input.Version, decision, ct);
                    return m is null ? ApiResults.NotFound("MASH case") : Results.Ok(Changed(m));
                }))
            .RequireAuthorization(Capabilities.DecideMashCase)
            .WithSummary("The MASH manager's decision (NoFurtherAction, EarlyHelp, Assessment, StrategyDiscussion) with the rationale");

        app.MapPost("/api/requests/{id:int}/withdraw", (int id, VersionInput input, MashService mash, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var r = await mash.WithdrawRequestAsync(me.Actor, id, input.Version, ct);
                    return r is null ? ApiResults.NotFound("request") : Results.Ok(Changed(r));
                }))
            .WithTags("MASH")
            .RequireAuthorization(Capabilities.WorkMashCase)
            .WithSummary("Withdraw a request to a partner agency that is no longer needed");
    }
}
