using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>A child's visits and case notes as JSON: listing them, recording a visit, writing and editing a note.</summary>
public static class VisitsApi
{
    public sealed record VisitInput(DateOnly? VisitedOn, string? VisitedById, bool? ChildSeen, bool? ChildSeenAlone, string? NotSeenReason,
        VisitLocation? Location, string? LocationDetail, string? Observations, bool Unannounced);
    public sealed record VisitDto(int Id, DateOnly VisitedOn, string VisitedById, string VisitedByName, bool ChildSeen, bool ChildSeenAlone,
        string? NotSeenReason, string Location, string? LocationDetail, string Observations, bool Unannounced, DateTime RecordedAtUtc);
    public sealed record NextVisitDto(DateOnly DueOn, bool Late, string Status, DateOnly? LastSeen);
    public sealed record VisitsDto(NextVisitDto? NextVisit, DateOnly? LastSeen, DateOnly? LastSeenAlone, List<VisitDto> Visits);

    public sealed record NoteInput(CaseNoteType? Type, DateTime? OccurredAtUtc, bool Significant, string? WhoWasSeen, string? Text, Guid? Version);
    public sealed record NoteVersionDto(string Type, DateTime OccurredAtUtc, bool Significant, string? WhoWasSeen, string Text, DateTime ReplacedAtUtc, string ReplacedByName);
    public sealed record NoteDto(int Id, string Type, DateTime OccurredAtUtc, bool Significant, string? WhoWasSeen, string Text, string AuthorName,
        DateTime RecordedAtUtc, DateTime? EditedAtUtc, Guid Version, List<NoteVersionDto>? Versions);

    public static void MapVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people").WithTags("Visits and case notes");

        api.MapGet("/{id:guid}/visits", async (Guid id, VisitService visits, CurrentActor me, TimeProvider clock, CancellationToken ct) =>
            {
                if (await visits.ListAsync(me.Actor, id, ct: ct) is not { } found) return ApiResults.NotFound("child's case");
                var (s, list) = found;
                var today = Display.TodayInUk(clock);
                return Results.Ok(new VisitsDto(s.Next is { } n ? new NextVisitDto(n.DueOn, n.DueOn < today, n.Status.ToString(), n.LastSeen) : null,
                    s.LastSeen, s.LastSeenAlone, list.Select(ToDto).ToList()));
            })
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("The child's visits, newest first, with the next visit due (derived from the last time the child was seen and their status)");

        api.MapPost("/{id:guid}/visits", (Guid id, VisitInput input, VisitService visits, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var v = await visits.RecordAsync(me.Actor, id, new VisitService.NewVisit(input.VisitedOn, input.VisitedById, input.ChildSeen,
                        input.ChildSeenAlone, input.NotSeenReason, input.Location, input.LocationDetail, input.Observations, input.Unannounced), ct);
                    return v is null ? ApiResults.NotFound("child's case") : Results.Created($"/people/{id}/visits/{v.Id}", ToDto(v));
                }))
            .RequireAuthorization(Capabilities.RecordVisit)
            .WithSummary("Record a visit; visitedById defaults to you, and may be another of the child's team's staff");

        api.MapGet("/{id:guid}/notes", async (Guid id, CaseNoteService notes, CurrentActor me, CancellationToken ct) =>
                await notes.ListAsync(me.Actor, id, ct: ct) is { } list ? Results.Ok(list.Select(n => ToDto(n, false)).ToList()) : ApiResults.NotFound("child's case"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("The child's case notes, newest first");

        api.MapGet("/{id:guid}/notes/{noteId:int}", async (Guid id, int noteId, CaseNoteService notes, CurrentActor me, CancellationToken ct) =>
                await notes.OpenAsync(me.Actor, id, noteId, ct) is { } n ? Results.Ok(ToDto(n, true)) : ApiResults.NotFound("case note"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("One case note with its earlier versions; its version is what an edit sends back");

        api.MapPost("/{id:guid}/notes", (Guid id, NoteInput input, CaseNoteService notes, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var n = await notes.WriteAsync(me.Actor, id, ToInput(input), ct);
                    return n is null ? ApiResults.NotFound("child's case") : Results.Created($"/people/{id}/notes/{n.Id}", ToDto(n, false));
                }))
            .RequireAuthorization(Capabilities.RecordCaseNote)
            .WithSummary("Write a case note; occurredAtUtc is when it happened (UTC)");

        Delegate edit = (Guid id, int noteId, NoteInput input, CaseNoteService notes, CurrentActor me, CancellationToken ct) =>
            ApiResults.Run(async () =>
            {
                if (input.Version is not { } version) throw Refuse.Invalid("Version", "Send the note's version as you read it, so an edit cannot overwrite someone else's");
                var n = await notes.EditAsync(me.Actor, id, noteId, version, ToInput(input), ct);
                return n is null ? ApiResults.NotFound("case note") : Results.Ok(ToDto(n, false));
            });
        api.MapPut("/{id:guid}/notes/{noteId:int}", edit).RequireAuthorization(Capabilities.RecordCaseNote)
            .WithSummary("Edit a case note (its author or a manager), sending the version you read: 409 if someone else changed it");
        api.MapPost("/{id:guid}/notes/{noteId:int}", edit).RequireAuthorization(Capabilities.RecordCaseNote)
            .WithSummary("The same as PUT, for clients that only post");
    }

    private static CaseNoteService.NoteInput ToInput(NoteInput i) => new(i.Type, i.OccurredAtUtc, i.Significant, i.WhoWasSeen, i.Text);

    private static VisitDto ToDto(Visit v) => new(v.Id, v.VisitedOn, v.VisitedById, v.VisitedByName, v.ChildSeen, v.ChildSeenAlone, v.NotSeenReason,
        v.Location.ToString(), v.LocationDetail, v.Observations, v.Unannounced, v.RecordedAtUtc);

    private static NoteDto ToDto(CaseNote n, bool versions) => new(n.Id, n.Type.ToString(), n.OccurredAtUtc, n.Significant, n.WhoWasSeen, n.Text,
        n.AuthorName, n.RecordedAtUtc, n.EditedAtUtc, n.Version,
        versions ? n.Versions.Select(v => new NoteVersionDto(v.Type.ToString(), v.OccurredAtUtc, v.Significant, v.WhoWasSeen, v.Text, v.ReplacedAtUtc, v.ReplacedByName)).ToList() : null);
}
