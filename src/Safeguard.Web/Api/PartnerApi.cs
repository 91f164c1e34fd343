using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;
using static Safeguard.Web.Api.FrontDoorMapping;

namespace Safeguard.Web.Api;

/// <summary>
/// A partner agency's requests from the MASH, as JSON. Another agency's request is 404, exactly as one that does
/// not exist. Answers are text only here; documents are attached on the partner's page.
/// </summary>
public static class PartnerApi
{
    public static void MapPartnerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partner/requests").WithTags("Partner agencies").RequireAuthorization(Capabilities.AnswerInformationRequest);

        api.MapGet("", async (bool? outstanding, PartnerService partner, CurrentActor me, CancellationToken ct) =>
                Results.Ok((await partner.RequestsAsync(me.Actor, outstanding ?? true, 200, ct)).Select(r => new PartnerRequestRow(r.Id, r.ContactReference,
                    r.Children, r.Rating.ToString(), r.SentAtUtc, r.DueAtUtc, r.AnsweredAtUtc, r.WithdrawnAtUtc)).ToList()))
            .WithSummary("Your agency's requests: outstanding ones by due time, or with ?outstanding=false the latest answered or withdrawn");

        api.MapGet("/{id:int}", async (int id, PartnerService partner, CurrentActor me, CancellationToken ct) =>
            {
                if (await partner.OpenAsync(me.Actor, id, ct) is not { } v) return ApiResults.NotFound("request");
                var r = v.Request;
                return Results.Ok(new PartnerRequestDto(r.Id, r.Version, v.AgencyName, v.ContactReference, r.Question, r.RatingWhenSent.ToString(),
                    r.SentAtUtc, r.SentByName, r.DueAtUtc, r.Answer, r.AnsweredAtUtc, r.AnsweredByName, r.WithdrawnAtUtc, v.Children, v.Attachments));
            })
            .WithSummary("One request with the children it is about (the view of each child is logged)");

        api.MapPost("/{id:int}/answer", (int id, AnswerInput input, PartnerService partner, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    NeedVersion(input.Version);
                    var r = await partner.AnswerAsync(me.Actor, id, input.Version, input.Answer ?? "", [], ct);
                    return r is null ? ApiResults.NotFound("request") : Results.Ok(Changed(r));
                }))
            .WithSummary("Answer a request in text (attach documents on the partner page); late answers are accepted and shown as late");
    }
}
