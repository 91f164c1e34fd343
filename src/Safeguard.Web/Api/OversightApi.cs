using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>
/// Management oversight as JSON: a child's oversight records, recording one, completing and following up actions,
/// and recording supervision. Due dates travel as text ("2027-03-31") so that "ongoing" is refused with a message.
/// </summary>
public static class OversightApi
{
    public sealed record ActionInput(string? Text, string? OwnerId, string? DueDate);
    public sealed record OversightInput(DateOnly? RecordedOn, string? Decision, string? Rationale, List<ActionInput>? Actions);
    public sealed record CompleteInput(Guid Version, string? Note);
    public sealed record FollowUpInput(Guid Version, string? Note, string? DueDate);
    public sealed record ChildInput(Guid PersonId, string? Decision, string? Rationale, List<ActionInput>? Actions);
    public sealed record SupervisionInput(int TeamId, SupervisionKind Kind, DateOnly? HeldOn, string? SuperviseeId, string? Attendees, string? Notes, List<ChildInput>? Children);

    public sealed record ActionDto(int Id, Guid PersonId, int OversightId, string Text, string OwnerId, string OwnerName, DateOnly DueDate,
        DateOnly OriginalDueDate, int FollowUps, DateOnly? CompletedOn, string? CompletionNote, string? CompletedByName, Guid Version);
    public sealed record OversightDto(int Id, Guid PersonId, int? SupervisionId, DateOnly RecordedOn, string Decision, string Rationale, string ByName, List<ActionDto> Actions);
    public sealed record SupervisionDto(int Id, string Kind, DateOnly HeldOn, int TeamId, string SupervisorName, string? SuperviseeName, string? Attendees,
        string? Notes, List<OversightDto> Children, int ChildrenNotShown);

    public static void MapOversightApi(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/people").WithTags("Oversight");
        people.MapGet("/{id:guid}/oversight", async (Guid id, OversightService oversight, CurrentActor me, CancellationToken ct) =>
                await oversight.ListAsync(me.Actor, id, 50, ct) is { } list ? Results.Ok(list.Select(ToDto).ToList()) : ApiResults.NotFound("child's case"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("The child's management oversight records, newest first (up to 50), with their actions");

        people.MapPost("/{id:guid}/oversight", (Guid id, OversightInput input, OversightService oversight, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var o = await oversight.RecordAsync(me.Actor, id, new OversightService.Input(input.RecordedOn, input.Decision, input.Rationale, Actions(input.Actions, "actions")), ct);
                    return o is null ? ApiResults.NotFound("child's case") : Results.Created($"/api/people/{id}/oversight/{o.Id}", ToDto(o));
                }))
            .RequireAuthorization(Capabilities.RecordOversight)
            .WithSummary("Record management oversight: recordedOn, decision and rationale (both required), and actions each with text, ownerId and dueDate (a real date)");

        var actions = app.MapGroup("/api/actions").WithTags("Oversight");
        actions.MapGet("/{id:int}", async (int id, OversightService oversight, CurrentActor me, CancellationToken ct) =>
                await oversight.ActionAsync(me.Actor, id, ct) is { } v ? Results.Ok(ToDto(v.Action)) : ApiResults.NotFound("action"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("One action set by oversight, with its version for changes");

        actions.MapPost("/{id:int}/complete", (int id, CompleteInput input, OversightService oversight, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await oversight.CompleteAsync(me.Actor, id, input.Version, input.Note, ct) is { } a
                    ? Results.Ok(ToDto(a)) : ApiResults.NotFound("action")))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("The owner (or a manager) completes the action today with a note of what was done; 409 if it changed since version");

        actions.MapPost("/{id:int}/follow-up", (int id, FollowUpInput input, OversightService oversight, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var due = OversightService.ParseDueDate(input.DueDate, "DueDate");
                    return await oversight.FollowUpAsync(me.Actor, id, input.Version, input.Note, due, ct) is { } a ? Results.Ok(ToDto(a)) : ApiResults.NotFound("action");
                }))
            .RequireAuthorization(Capabilities.RecordOversight)
            .WithSummary("Follow up a missed action: a note and a new due date (today or later); the original due date stays");

        var supervision = app.MapGroup("/api/supervision").WithTags("Oversight");
        supervision.MapGet("/{id:int}", async (int id, SupervisionService service, CurrentActor me, CancellationToken ct) =>
                await service.OpenAsync(me.Actor, id, ct) is { } v ? Results.Ok(ToDto(v)) : ApiResults.NotFound("supervision"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("A supervision session; children whose cases you cannot open are counted, not shown");

        supervision.MapPost("/", (SupervisionInput input, SupervisionService service, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var children = (input.Children ?? []).Select((c, i) => new SupervisionService.ChildInput(c.PersonId, c.Decision, c.Rationale,
                        Actions(c.Actions, $"Children[{i}].Actions"))).ToList();
                    var s = await service.RecordAsync(me.Actor, input.TeamId,
                        new SupervisionService.Input(input.Kind, input.HeldOn, input.SuperviseeId, input.Attendees, input.Notes, children), ct);
                    if (s is null) return ApiResults.NotFound("team");
                    var view = await service.OpenAsync(me.Actor, s.Id, ct);
                    return Results.Created($"/api/supervision/{s.Id}", ToDto(view!));
                }))
            .RequireAuthorization(Capabilities.RecordOversight)
            .WithSummary("Record supervision (Individual with superviseeId, or Group with attendees) and each child's oversight, all or nothing");
    }

    private static List<OversightService.ActionInput> Actions(List<ActionInput>? actions, string field) =>
        (actions ?? []).Select((a, i) => new OversightService.ActionInput(a.Text, a.OwnerId,
            string.IsNullOrWhiteSpace(a.Text) && string.IsNullOrWhiteSpace(a.OwnerId) && string.IsNullOrWhiteSpace(a.DueDate) ? null
            : OversightService.ParseDueDate(a.DueDate, $"{field}[{i}].DueDate", $"action {i + 1}"))).ToList();

    private static ActionDto ToDto(OversightAction a) => new(a.Id, a.PersonId, a.OversightId, a.Text, a.OwnerId, a.OwnerName, a.DueDate, a.OriginalDueDate,
        a.FollowUps, a.CompletedOn, a.CompletionNote, a.CompletedByName, a.Version);

    private static OversightDto ToDto(ManagementOversight o) => new(o.Id, o.PersonId, o.SupervisionId, o.RecordedOn, o.Decision, o.Rationale, o.ByName,
        o.Actions.OrderBy(a => a.Id).Select(ToDto).ToList());

    private static SupervisionDto ToDto(SupervisionService.View v) => new(v.Session.Id, v.Session.Kind.ToString(), v.Session.HeldOn, v.Session.TeamId,
        v.Session.SupervisorName, v.Session.SuperviseeName, v.Session.Attendees, v.ShowsNotes ? v.Session.Notes : null,
        v.Children.Select(c => ToDto(c.Oversight!)).ToList(), v.Hidden);
}
