using Safeguard.Core.Access;
using Safeguard.Core.ChildProtection;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Api;

/// <summary>
/// Child protection as JSON: strategy discussions, section 47 enquiries and emergency protection for a child; the
/// chairs' conferences (list, arrange, invite, hold); the reports partners are asked for; and the child protection
/// plan's actions, progress and core groups. The same services and rules as the pages; a stale version is 409.
/// </summary>
public static class ChildProtectionApi
{
    public sealed record ParticipantDto(string Role, string Name, int? AgencyId, bool TookPart);
    public sealed record DiscussionDto(int Id, DateTime HeldAtUtc, string Form, string Decision, string DecisionReason, string InformationShared,
        string? SafetyActions, int? Section47EnquiryId, string RecordedByName, List<ParticipantDto> Participants, Guid Version);
    public sealed record EnquiryDto(int Id, DateOnly StartDate, DateOnly ConferenceDueDate, DateOnly ConferenceTargetDate, DateOnly? ChildSeenOn,
        DateOnly? ChildSeenAloneOn, string? NotSeenAloneReason, string? Outcome, DateOnly? OutcomeOn, string? OutcomeReason, bool ConferenceNotRequired,
        string WorkerName, Guid Version);
    public sealed record OutcomeInput(Section47Outcome? Outcome, DateOnly? OutcomeOn, string? OutcomeReason, Guid Version);
    public sealed record TransferInInput(DateOnly? NotifiedOn, string? FromCouncil);
    public sealed record SeenInput(DateOnly? ChildSeenOn, DateOnly? ChildSeenAloneOn, string? NotSeenAloneReason, Guid Version);
    public sealed record MemberDto(int Id, string Role, string Name, int? AgencyId, string? UserId, bool? Attended, bool ReportRequested, DateTime? ReportSubmittedAtUtc);
    public sealed record ConferenceDto(int Id, Guid PersonId, string Kind, DateOnly DueDate, DateTime? ScheduledForUtc, DateOnly? HeldOn, string? ChairName,
        string? Decision, string? Category, string? SubCategory, bool? PlanWorking, int? PlanId, List<MemberDto> Members, Guid Version);
    public sealed record ArrangeInput(DateTime? ScheduledForUtc, string? ChairId, Guid Version);
    public sealed record InviteInput(List<ConferenceService.NewMember>? Members, Guid Version);
    public sealed record HoldInput(ConferenceService.Held Conference, Guid Version);
    public sealed record ReportInput(string? Report);

    public sealed record ProtectionActionDto(int Id, string Text, string OwnerName, string? OwnerUserId, DateOnly DueDate, PlanActionStatus Status, string? Progress);
    public sealed record CoreGroupDto(int Id, DateOnly DueDate, DateOnly? HeldOn, string? Attendees, string? Notes, string? RecordedByName, Guid Version);
    public sealed record PlanConferenceDto(int Id, string Kind, DateOnly DueDate, DateTime? ScheduledForUtc, DateOnly? HeldOn, string? ChairName, string? Decision,
        string? Category, bool? PlanWorking);
    public sealed record ProtectionPlanDto(int Id, Guid PersonId, int TeamId, DateOnly StartDate, DateOnly? EndDate, string? EndReason, string InitialCategory,
        string LatestCategory, string? LatestSubCategory, int PreviousPlans, DateOnly? PreviousPlanEnded, Guid Version, List<ProtectionActionDto> Actions,
        List<CoreGroupDto> CoreGroups, List<PlanConferenceDto> Conferences);
    public sealed record ProtectionPlanListed(int Id, DateOnly StartDate, DateOnly? EndDate, string? EndReason, string InitialCategory, string LatestCategory, Guid Version);
    public sealed record ActionsInput(Guid Version, List<ChildInNeedPlanService.ActionInput>? Actions);
    public sealed record ActionProgressInput(Guid Version, PlanActionStatus? Status, string? Text);
    public sealed record DueDateInput(Guid Version, string? DueDate, string? Reason);
    public sealed record CoreGroupInput(Guid Version, DateOnly? HeldOn, string? Attendees, string? Notes, List<ChildInNeedPlanService.ProgressInput>? Progress);

    public static void MapChildProtectionApi(this IEndpointRouteBuilder app)
    {
        var child = app.MapGroup("/api/people").WithTags("Child protection");

        child.MapPost("/{id:guid}/strategy-discussions", (Guid id, StrategyDiscussionService.NewDiscussion input, StrategyDiscussionService discussions,
                CurrentActor me, CancellationToken ct) => ApiResults.Run(async () =>
                    await discussions.RecordAsync(me.Actor, id, input with { Participants = input.Participants ?? [] }, ct) is { } d
                        ? Results.Created($"/people/{id}/strategy-discussions/{d.Id}", ToDto(d)) : ApiResults.NotFound("child's case")))
            .RequireAuthorization(Capabilities.RecordStrategyDiscussion)
            .WithSummary("Record a strategy discussion: participants (police and health always), information shared, safety actions, the decision");

        child.MapGet("/{id:guid}/strategy-discussions/{sid:int}", async (Guid id, int sid, StrategyDiscussionService discussions, CurrentActor me, CancellationToken ct) =>
                await discussions.OpenAsync(me.Actor, id, sid, ct) is { } d ? Results.Ok(ToDto(d)) : ApiResults.NotFound("strategy discussion"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("One strategy discussion with its participants");

        child.MapGet("/{id:guid}/section-47/{eid:int}", async (Guid id, int eid, Section47Service enquiries, CurrentActor me, CancellationToken ct) =>
                await enquiries.OpenAsync(me.Actor, id, eid, ct) is { } e ? Results.Ok(ToDto(e)) : ApiResults.NotFound("section 47 enquiry"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("A section 47 enquiry: both conference dates (Working Together's and the DfE's), the child seen, the outcome");

        child.MapPost("/{id:guid}/section-47/{eid:int}/child-seen", (Guid id, int eid, SeenInput input, Section47Service enquiries, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await enquiries.RecordSeenAsync(me.Actor, id, eid, input.Version,
                    new(input.ChildSeenOn, input.ChildSeenAloneOn, input.NotSeenAloneReason), ct) is { } e ? Results.Ok(ToDto(e)) : ApiResults.NotFound("section 47 enquiry")))
            .RequireAuthorization(Capabilities.RecordSection47)
            .WithSummary("Record when the child was seen, and seen alone or why not");

        child.MapPost("/{id:guid}/section-47/{eid:int}/outcome", (Guid id, int eid, OutcomeInput input, Section47Service enquiries, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await enquiries.ConcludeAsync(me.Actor, id, eid, input.Version, input.Outcome, input.OutcomeOn, input.OutcomeReason, ct) is { } e
                    ? Results.Ok(ToDto(e)) : ApiResults.NotFound("section 47 enquiry")))
            .RequireAuthorization(Capabilities.RecordSection47)
            .WithSummary("Conclude the enquiry; InitialConference puts an initial conference on the chairs' list");

        child.MapPost("/{id:guid}/emergency-protection", (Guid id, Section47Service.NewEmergencyProtection input, Section47Service enquiries, CurrentActor me,
                CancellationToken ct) => ApiResults.Run(async () => await enquiries.RecordEmergencyProtectionAsync(me.Actor, id, input, ct) is { } p
                    ? Results.Ok(new { p.Id, Kind = p.Kind.ToString(), p.StartDate, p.EndDate }) : ApiResults.NotFound("child's case")))
            .RequireAuthorization(Capabilities.RecordSection47)
            .WithSummary("Record police protection (at most 72 hours) or an emergency protection order (at most 8 days, extended once by 7)");

        child.MapPost("/{id:guid}/transfer-in", (Guid id, TransferInInput input, ConferenceService conferences, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await conferences.RequestTransferInAsync(me.Actor, id, input.NotifiedOn, input.FromCouncil, ct) is { } c
                    ? Results.Ok(new { c.Id, Kind = c.Kind.ToString(), c.DueDate }) : ApiResults.NotFound("child's case")))
            .RequireAuthorization(Capabilities.RecordSection47)
            .WithSummary("A child on another council's plan moved here: a transfer-in conference, due 15 working days after we were told");

        var plans = app.MapGroup("/api/people/{id:guid}/protection-plans").WithTags("Child protection");

        plans.MapGet("", async (Guid id, ChildProtectionPlanService service, CurrentActor me, CancellationToken ct) =>
                await service.ForChildAsync(me.Actor, id, ct) is { } list
                    ? Results.Ok(list.Select(p => new ProtectionPlanListed(p.Id, p.StartDate, p.EndDate, p.EndReason?.ToString(), p.InitialCategory, p.LatestCategory, p.Version)))
                    : ApiResults.NotFound("child's case"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("The child's child protection plans, newest first");

        plans.MapGet("/{planId:int}", async (Guid id, int planId, ChildProtectionPlanService service, CurrentActor me, CancellationToken ct) =>
                await service.OpenAsync(me.Actor, id, planId, ct) is { } plan ? Results.Ok(await DtoAsync(service, plan, ct)) : ApiResults.NotFound("child protection plan"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("A child protection plan with its actions, its core groups (held, then the one due) and its conferences");

        plans.MapPost("/{planId:int}/actions", (Guid id, int planId, ActionsInput input, ChildProtectionPlanService service, CurrentActor me, CancellationToken ct) =>
                Change(service, () => service.AddActionsAsync(me.Actor, id, planId, input.Version, input.Actions ?? [], ct), ct))
            .RequireAuthorization(Capabilities.RecordProtectionPlanWork)
            .WithSummary("Add actions (text, ownerName or ownerUserId, dueDate as a real date: \"ongoing\" is refused); all or none are added");

        plans.MapPost("/{planId:int}/actions/{actionId:int}/progress", (Guid id, int planId, int actionId, ActionProgressInput input, ChildProtectionPlanService service,
                CurrentActor me, CancellationToken ct) =>
                Change(service, () => service.RecordProgressAsync(me.Actor, id, planId, actionId, input.Version, input.Status, input.Text, ct), ct))
            .RequireAuthorization(Capabilities.RecordProtectionPlanWork)
            .WithSummary("Record progress on an action between core groups, or mark it Done or NoLongerNeeded");

        plans.MapPost("/{planId:int}/actions/{actionId:int}/due-date", (Guid id, int planId, int actionId, DueDateInput input, ChildProtectionPlanService service,
                CurrentActor me, CancellationToken ct) =>
                Change(service, () => service.ChangeDueDateAsync(me.Actor, id, planId, actionId, input.Version, input.DueDate, input.Reason, ct), ct))
            .RequireAuthorization(Capabilities.RecordProtectionPlanWork)
            .WithSummary("Move an open action's due date, with the reason");

        plans.MapPost("/{planId:int}/core-groups/{meetingId:int}", (Guid id, int planId, int meetingId, CoreGroupInput input, ChildProtectionPlanService service,
                CurrentActor me, CancellationToken ct) => ApiResults.Run(async () =>
                {
                    var meeting = await service.RecordCoreGroupAsync(me.Actor, id, planId, meetingId, input.Version,
                        new ChildProtectionPlanService.CoreGroupInput(input.HeldOn, input.Attendees, input.Notes, input.Progress ?? []), ct);
                    return meeting is null ? ApiResults.NotFound("core group") : Results.Ok(ToDto(meeting));
                }))
            .RequireAuthorization(Capabilities.RecordProtectionPlanWork)
            .WithSummary("Record the core group that is due (its version is the meeting's): held on, attendees, notes and progress on every open action; the next is scheduled");

        var conferences = app.MapGroup("/api/conferences").WithTags("Child protection");

        conferences.MapGet("", async (bool? mine, ConferenceService service, CurrentActor me, CancellationToken ct) =>
                Results.Ok(await service.ToHoldAsync(me.Actor, mine == true ? me.Actor.UserId : null, ct: ct)))
            .RequireAuthorization(Capabilities.ChairConference)
            .WithSummary("Conferences still to hold, soonest due first; ?mine=true for the ones you chair");

        conferences.MapGet("/{cid:int}", async (int cid, ConferenceService service, CurrentActor me, CancellationToken ct) =>
                await service.OpenAsync(me.Actor, cid, ct) is { } c ? Results.Ok(ToDto(c)) : ApiResults.NotFound("conference"))
            .RequireAuthorization(Capabilities.ViewChildRecord)
            .WithSummary("One conference with who was invited, who came and whose report is in");

        conferences.MapPost("/{cid:int}/arrange", (int cid, ArrangeInput input, ConferenceService service, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await service.ArrangeAsync(me.Actor, cid, input.Version, input.ScheduledForUtc, input.ChairId, ct) is { } c
                    ? Results.Ok(ToDto(c)) : ApiResults.NotFound("conference")))
            .RequireAuthorization(Capabilities.ChairConference)
            .WithSummary("Arrange the conference for a date and time, chaired by you or another chair (never one who holds the child's case)");

        conferences.MapPost("/{cid:int}/invite", (int cid, InviteInput input, ConferenceService service, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await service.InviteAsync(me.Actor, cid, input.Version, input.Members ?? [], ct) is { } c
                    ? Results.Ok(new { c.Id, c.Version }) : ApiResults.NotFound("conference")))
            .RequireAuthorization(Capabilities.ChairConference)
            .WithSummary("Invite people by role, and ask for their reports");

        conferences.MapPost("/{cid:int}/hold", (int cid, HoldInput input, ConferenceService service, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await service.HoldAsync(me.Actor, cid, input.Version, input.Conference with { Attendance = input.Conference.Attendance ?? [] }, ct) is { } c
                    ? Results.Ok(new { c.Id, c.Version, c.PlanId }) : ApiResults.NotFound("conference")))
            .RequireAuthorization(Capabilities.ChairConference)
            .WithSummary("Record the conference as held: attendance, participation and views, the decision and category; at a review, whether the plan works");

        var partner = app.MapGroup("/api/partner/conference-reports").WithTags("Child protection");

        partner.MapGet("", async (ConferenceService service, CurrentActor me, CancellationToken ct) => Results.Ok(await service.ReportsToWriteAsync(me.Actor, ct)))
            .RequireAuthorization(Capabilities.SubmitConferenceReport)
            .WithSummary("The conference reports you have been asked for and not yet sent");

        partner.MapPost("/{memberId:int}", (int memberId, ReportInput input, ConferenceService service, CurrentActor me, CancellationToken ct) =>
                ApiResults.Run(async () => await service.SubmitReportAsync(me.Actor, memberId, input.Report, ct) is { } m
                    ? Results.Ok(new { m.Id, m.ReportSubmittedAtUtc }) : ApiResults.NotFound("report request")))
            .RequireAuthorization(Capabilities.SubmitConferenceReport)
            .WithSummary("Send the report you were asked for, before the conference");
    }

    private static DiscussionDto ToDto(StrategyDiscussion d) => new(d.Id, d.HeldAtUtc, d.Form.ToString(), d.Decision.ToString(), d.DecisionReason,
        d.InformationShared, d.SafetyActions, d.Section47EnquiryId, d.RecordedByName,
        [.. d.Participants.Select(p => new ParticipantDto(p.Role.ToString(), p.Name, p.AgencyId, p.TookPart))], d.Version);

    private static EnquiryDto ToDto(Section47Enquiry e) => new(e.Id, e.StartDate, e.ConferenceDueDate, e.ConferenceTargetDate, e.ChildSeenOn, e.ChildSeenAloneOn,
        e.NotSeenAloneReason, e.Outcome?.ToString(), e.OutcomeOn, e.OutcomeReason, e.Outcome is not null && e.ConferenceNotRequired, e.WorkerName, e.Version);

    private static ConferenceDto ToDto(ChildProtectionConference c) => new(c.Id, c.PersonId, c.Kind.ToString(), c.DueDate, c.ScheduledForUtc, c.HeldOn, c.ChairName,
        c.Decision?.ToString(), c.Category, c.SubCategory, c.PlanWorking, c.PlanId,
        [.. c.Members.Select(m => new MemberDto(m.Id, m.Role.ToString(), m.Name, m.AgencyId, m.UserId, m.Attended, m.ReportRequested, m.ReportSubmittedAtUtc))], c.Version);

    private static Task<IResult> Change(ChildProtectionPlanService service, Func<Task<ChildProtectionPlan?>> change, CancellationToken ct) =>
        ApiResults.Run(async () => await change() is { } plan ? Results.Ok(await DtoAsync(service, plan, ct)) : ApiResults.NotFound("child protection plan"));

    private static async Task<ProtectionPlanDto> DtoAsync(ChildProtectionPlanService service, ChildProtectionPlan p, CancellationToken ct) => new(
        p.Id, p.PersonId, p.TeamId, p.StartDate, p.EndDate, p.EndReason?.ToString(), p.InitialCategory, p.LatestCategory, p.LatestSubCategory, p.PreviousPlans,
        p.PreviousPlanEnded, p.Version,
        [.. p.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => new ProtectionActionDto(a.Id, a.Text, a.OwnerName, a.OwnerUserId, a.DueDate, a.Status, a.Progress))],
        [.. (await service.CoreGroupsAsync(p.Id, ct)).Select(ToDto)],
        [.. (await service.ConferencesAsync(p.Id, ct)).Select(c => new PlanConferenceDto(c.Id, c.Kind.ToString(), c.DueDate, c.ScheduledForUtc, c.HeldOn, c.ChairName,
            c.Decision?.ToString(), c.Category, c.PlanWorking))]);

    private static CoreGroupDto ToDto(CoreGroupMeeting m) => new(m.Id, m.DueDate, m.HeldOn, m.Attendees, m.Notes, m.RecordedByName, m.Version);
}
