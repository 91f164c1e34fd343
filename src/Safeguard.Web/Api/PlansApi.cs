using Safeguard.Core.Access;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>
/// Child in need plans as JSON: read a plan, start one, add actions (due dates as text, so "ongoing" is refused by
/// name), send it to the manager, authorise or return it, record progress and hold a review. Each change carries the
/// version it was made against: a stale one is 409.
/// </summary>
public static class PlansApi
{
    public sealed record StartInput(DateOnly? StartDate, string? Aims);
    public sealed record ActionsInput(Guid Version, List<ChildInNeedPlanService.ActionInput>? Actions);
    public sealed record VersionInput(Guid Version);
    public sealed record DecisionInput(Guid Version, bool Approve, string? Reason);
    public sealed record ProgressInput(Guid Version, PlanActionStatus? Status, string? Text);
    public sealed record MeetingInput(Guid Version, DateOnly? HeldOn, string? Attendees, string? Minutes, string? Decision, List<ChildInNeedPlanService.ProgressInput>? Progress);

    public sealed record ActionDto(int Id, string Text, string OwnerName, string? OwnerUserId, DateOnly DueDate, PlanActionStatus Status, string? Progress);
    public sealed record MeetingDto(int Id, MeetingKind Kind, DateOnly DueDate, DateOnly? HeldOn, string? Attendees, string? Minutes, string? Decision, Guid Version);
    public sealed record DecisionDto(bool Approved, string Reason, DateTime AtUtc, string ByName);
    public sealed record PlanDto(int Id, Guid PersonId, int TeamId, PlanStage Stage, DateOnly StartDate, DateOnly? EndDate, string? Aims, string CreatedByName,
        DateTime? SubmittedAtUtc, DateTime? AuthorisedAtUtc, string? AuthorisedByName, Guid Version, List<ActionDto> Actions, List<MeetingDto> Meetings,
        List<DecisionDto> Decisions);

    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/people/{id:guid}/plans").WithTags("Child in need plans");

        api.MapGet("/{planId:int}", async (Guid id, int planId, ChildInNeedPlanService plans, CurrentActor me, CancellationToken ct) =>
                await plans.OpenAsync(me.Actor, id, planId, ct) is { } plan ? Results.Ok(await DtoAsync(plans, plan, ct)) : ApiResults.NotFound("plan"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("A child in need plan: its actions, meetings and the manager's decisions");

        api.MapPost("/", (Guid id, StartInput input, ChildInNeedPlanService plans, CurrentActor me, CancellationToken ct) =>
                Change(plans, ct, () => plans.StartAsync(me.Actor, id, input.StartDate, input.Aims, ct)))
            .RequireAuthorization(Capabilities.PlanForChild)
            .WithSummary("Start a plan in draft on the child's open referral (the start date is today unless given)");

        api.MapPost("/{planId:int}/actions", (Guid id, int planId, ActionsInput input, ChildInNeedPlanService plans, CurrentActor me, CancellationToken ct) =>
                Change(plans, ct, () => plans.AddActionsAsync(me.Actor, id, planId, input.Version, input.Actions ?? [], ct)))
            .RequireAuthorization(Capabilities.PlanForChild)
            .WithSummary("Add actions: each {text, ownerName or ownerUserId, dueDate} with a real date (\"2026-06-30\"); to an active plan, an amendment");

        api.MapPost("/{planId:int}/actions/{actionId:int}/progress", (Guid id, int planId, int actionId, ProgressInput input, ChildInNeedPlanService plans, CurrentActor me, CancellationToken ct) =>
                Change(plans, ct, () => plans.RecordProgressAsync(me.Actor, id, planId, actionId, input.Version, input.Status, input.Text, ct)))
            .RequireAuthorization(Capabilities.PlanForChild)
            .WithSummary("Record progress on one action between meetings (status NotStarted, InProgress, Done or NoLongerNeeded, with the text)");

        api.MapPost("/{planId:int}/submit", (Guid id, int planId, VersionInput input, ChildInNeedPlanService plans, CurrentActor me, CancellationToken ct) =>
                Change(plans, ct, () => plans.SubmitAsync(me.Actor, id, planId, input.Version, ct)))
            .RequireAuthorization(Capabilities.PlanForChild)
            .WithSummary("Send the draft to the manager: it needs its aims and at least one action");

        api.MapPost("/{planId:int}/authorisation", (Guid id, int planId, DecisionInput input, ChildInNeedPlanService plans, CurrentActor me, CancellationToken ct) =>
                Change(plans, ct, () => plans.AuthoriseAsync(me.Actor, id, planId, input.Version, input.Approve, input.Reason, ct)))
            .RequireAuthorization(Capabilities.AuthoriseWork)
            .WithSummary("A manager (not the plan's author) authorises the plan (approve: true) or returns it (approve: false), with the reason");

        api.MapPost("/{planId:int}/meetings/{meetingId:int}", (Guid id, int planId, int meetingId, MeetingInput input, ChildInNeedPlanService plans, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () =>
                {
                    var meeting = await plans.HoldMeetingAsync(me.Actor, id, planId, meetingId, input.Version,
                        new ChildInNeedPlanService.MeetingInput(input.HeldOn, input.Attendees, input.Minutes, input.Decision, input.Progress ?? []), ct);
                    return meeting is null ? ApiResults.NotFound("meeting") : Results.Ok(ToDto(meeting));
                }))
            .RequireAuthorization(Capabilities.PlanForChild)
            .WithSummary("Record the review that is due (its version is the meeting's): held on, attendees, minutes, decision and progress on every open action");
    }

    private static Task<IResult> Change(ChildInNeedPlanService plans, CancellationToken ct, Func<Task<ChildInNeedPlan?>> change) =>
        ApiResults.Run(async () => await change() is { } plan ? Results.Ok(await DtoAsync(plans, plan, ct)) : ApiResults.NotFound("plan"));

    private static async Task<PlanDto> DtoAsync(ChildInNeedPlanService plans, ChildInNeedPlan p, CancellationToken ct) => new(
        p.Id, p.PersonId, p.TeamId, p.Stage, p.StartDate, p.EndDate, p.Aims, p.CreatedByName, p.SubmittedAtUtc, p.AuthorisedAtUtc, p.AuthorisedByName, p.Version,
        [.. p.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => new ActionDto(a.Id, a.Text, a.OwnerName, a.OwnerUserId, a.DueDate, a.Status, a.Progress))],
        [.. p.Meetings.OrderBy(m => m.DueDate).ThenBy(m => m.Id).Select(ToDto)],
        [.. (await plans.DecisionsAsync(p.Id, ct)).Select(d => new DecisionDto(d.Approved, d.Reason, d.AtUtc, d.ByName))]);

    private static MeetingDto ToDto(ChildInNeedMeeting m) => new(m.Id, m.Kind, m.DueDate, m.HeldOn, m.Attendees, m.Minutes, m.Decision, m.Version);
}
