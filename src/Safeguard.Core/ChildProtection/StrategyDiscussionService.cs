using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.SocialWork;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.ChildProtection;

/// <summary>
/// Recording a strategy discussion: who took part from which agency (police and health always), what was shared,
/// the immediate safety actions and the decision. "Start a section 47 enquiry" opens the enquiry, with the initial
/// conference due 15 working days on (and the DfE's target beside it); a further discussion within the enquiry
/// moves the conference's due date to 15 working days after it. On the chronology as significant, and in the access log.
/// </summary>
public sealed class StrategyDiscussionService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views,
    ChildProtectionDues dues, TimeProvider clock)
{
    public const int MaxText = 20_000;

    public sealed record NewParticipant(ProfessionalRole? Role, string? Name, int? AgencyId, bool TookPart);

    public sealed record NewDiscussion(DateTime? HeldAtUtc, StrategyDiscussionForm? Form, IReadOnlyList<NewParticipant> Participants,
        string? InformationShared, string? SafetyActions, StrategyDecision? Decision, string? DecisionReason);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The section 47 enquiry under way for the child (no outcome yet), if any.</summary>
    public Task<Section47Enquiry?> OpenEnquiryAsync(Guid personId, CancellationToken ct = default) =>
        db.Section47Enquiries.AsNoTracking().Where(e => e.PersonId == personId && e.Outcome == null).OrderByDescending(e => e.StartDate).FirstOrDefaultAsync(ct);

    /// <summary>One strategy discussion in full; null when it is not the actor's to open.</summary>
    public async Task<StrategyDiscussion?> OpenAsync(Actor actor, Guid personId, int id, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var discussion = await db.StrategyDiscussions.AsNoTracking().Include(s => s.Participants)
            .FirstOrDefaultAsync(s => s.Id == id && s.PersonId == personId, ct);
        if (discussion is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Strategy discussion {id}"), ct);
        return discussion;
    }

    /// <summary>Records a strategy discussion on the child's open case. Null when the case is not the actor's to open.</summary>
    public async Task<StrategyDiscussion?> RecordAsync(Actor actor, Guid personId, NewDiscussion input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordStrategyDiscussion);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var referral = await db.Referrals.Where(r => r.PersonId == personId && r.ClosedOn == null && !r.NoFurtherAction)
            .OrderByDescending(r => r.ReferralDate).FirstOrDefaultAsync(ct);
        if (referral is null) throw await cases.ClosedRefusalAsync(personId, "a strategy discussion", ct);
        var enquiry = await db.Section47Enquiries.Where(e => e.PersonId == personId && e.Outcome == null).OrderByDescending(e => e.StartDate).FirstOrDefaultAsync(ct);
        var now = Now;

        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        DateOnly? heldOn = input.HeldAtUtc is { } at ? DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))) : null;
        if (heldOn is not { } held) Fail(nameof(NewDiscussion.HeldAtUtc), "Enter the date and time of the strategy discussion");
        else if (input.HeldAtUtc > now) Fail(nameof(NewDiscussion.HeldAtUtc), "The strategy discussion cannot be in the future");
        else if (held < referral.ReferralDate)
            Fail(nameof(NewDiscussion.HeldAtUtc), $"The strategy discussion cannot be before the referral: the date must be on or after {referral.ReferralDate:d MMMM yyyy}");
        else if (enquiry is not null && held < enquiry.StartDate)
            Fail(nameof(NewDiscussion.HeldAtUtc), $"The enquiry under way started on {enquiry.StartDate:d MMMM yyyy}: a discussion within it cannot be earlier");
        if (input.Form is not { } form || !Enum.IsDefined(form)) Fail(nameof(NewDiscussion.Form), "Choose whether it was a meeting, a call or a video call");

        var participants = input.Participants ?? [];
        for (var i = 0; i < participants.Count; i++)
        {
            if (participants[i].Role is not { } role || !Enum.IsDefined(role)) Fail($"Participants[{i}].Role", "Choose who this person is there as");
            if (string.IsNullOrWhiteSpace(participants[i].Name)) Fail($"Participants[{i}].Name", "Enter the person's name");
            else if (participants[i].Name!.Trim().Length > 200) Fail($"Participants[{i}].Name", "The name must be 200 characters or fewer");
        }
        // Working Together: police and health are part of every strategy discussion.
        if (!participants.Any(p => p.Role == ProfessionalRole.Police))
            Fail(nameof(NewDiscussion.Participants), "Add the police officer invited: police are part of every strategy discussion");
        if (!participants.Any(p => p.Role is { } r && ProfessionalRoles.Health.Contains(r)))
            Fail(nameof(NewDiscussion.Participants), "Add the health professional invited (GP, health visitor, school nurse, midwife, paediatrician): health is part of every strategy discussion");

        var information = Tidy(input.InformationShared);
        if (information is null) Fail(nameof(NewDiscussion.InformationShared), "Enter the information shared");
        else if (information.Length > MaxText) Fail(nameof(NewDiscussion.InformationShared), $"The information shared must be {MaxText:N0} characters or fewer");
        var safety = Tidy(input.SafetyActions);
        if (safety?.Length > 8000) Fail(nameof(NewDiscussion.SafetyActions), "The safety actions must be 8,000 characters or fewer");
        if (input.Decision is not { } decision || !Enum.IsDefined(decision)) Fail(nameof(NewDiscussion.Decision), "Choose the decision");
        else if (decision == StrategyDecision.StartSection47 && enquiry is not null)
            Fail(nameof(NewDiscussion.Decision), $"A section 47 enquiry is already under way (started {enquiry.StartDate:d MMMM yyyy}): choose to continue it");
        else if (decision == StrategyDecision.ContinueSection47 && enquiry is null)
            Fail(nameof(NewDiscussion.Decision), "There is no section 47 enquiry under way to continue: choose to start one, or not");
        var reason = Tidy(input.DecisionReason);
        if (reason is null) Fail(nameof(NewDiscussion.DecisionReason), "Enter the reasons for the decision");
        else if (reason.Length > 4000) Fail(nameof(NewDiscussion.DecisionReason), "The reasons must be 4,000 characters or fewer");
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var holder = await db.Involvements.Where(i => i.PersonId == personId && i.EndDate == null && i.TeamId != null)
            .OrderByDescending(i => i.StartDate).Select(i => new { TeamId = i.TeamId!.Value, i.WorkerId, Worker = i.Worker == null ? null : i.Worker.DisplayName })
            .FirstOrDefaultAsync(ct);
        var teamId = holder?.TeamId ?? referral.TeamId ?? throw Refuse.Invalid("PersonId", "The child's referral is not with a team yet: the front door passes it to one first");
        var day = heldOn!.Value;
        var discussion = new StrategyDiscussion
        {
            PersonId = personId, ReferralId = referral.Id, TeamId = teamId, HeldAtUtc = DateTime.SpecifyKind(input.HeldAtUtc!.Value, DateTimeKind.Utc),
            Form = input.Form!.Value, InformationShared = information!, SafetyActions = safety, Decision = input.Decision!.Value, DecisionReason = reason!,
            RecordedById = actor.UserId, RecordedByName = actor.DisplayName, RecordedAtUtc = now, Version = Guid.NewGuid(),
            Participants = [.. participants.Select(p => new StrategyParticipant { Role = p.Role!.Value, Name = p.Name!.Trim(), AgencyId = p.AgencyId, TookPart = p.TookPart })],
        };
        string outcome;
        if (discussion.Decision == StrategyDecision.StartSection47)
        {
            enquiry = new Section47Enquiry
            {
                PersonId = personId, ReferralId = referral.Id, TeamId = teamId, StartDate = day,
                ConferenceDueDate = dues.InitialConference(day), ConferenceTargetDate = dues.ConferenceTarget(day),
                WorkerId = holder?.WorkerId ?? actor.UserId, WorkerName = holder?.Worker ?? actor.DisplayName, CreatedAtUtc = now, Version = Guid.NewGuid(),
            };
            db.Section47Enquiries.Add(enquiry);
            await db.SaveChangesAsync(ct);
            outcome = $"section 47 enquiry started; an initial conference, if needed, is due by {enquiry.ConferenceDueDate:d MMMM yyyy}";
        }
        else if (discussion.Decision == StrategyDecision.ContinueSection47)
        {
            // The conference counts from the last strategy discussion (Working Together); the DfE's target stays with the start.
            var due = dues.InitialConference(day);
            if (due > enquiry!.ConferenceDueDate) enquiry.ConferenceDueDate = due;
            enquiry.Version = Guid.NewGuid();
            outcome = $"the section 47 enquiry continues; an initial conference, if needed, is due by {enquiry.ConferenceDueDate:d MMMM yyyy}";
        }
        else outcome = "no section 47 enquiry";
        discussion.Section47EnquiryId = enquiry?.Id;
        db.StrategyDiscussions.Add(discussion);
        await db.SaveChangesAsync(ct);
        var agencies = string.Join(", ", discussion.Participants.Select(p => ProfessionalRoles.Label(p.Role)).Distinct());
        ChronologyWriter.Add(db, personId, discussion.HeldAtUtc, now, actor, ChildProtectionChronology.Area, ChildProtectionChronology.StrategyDiscussion,
            $"Strategy discussion ({Label(discussion.Form).ToLowerInvariant()}) with {agencies}: {outcome}", significant: true,
            link: $"/people/{personId}/strategy-discussions/{discussion.Id}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Strategy discussion {discussion.Id} recorded")], ct);
        await tx.CommitAsync(ct);
        return discussion;
    }

    public static string Label(StrategyDiscussionForm form) => form switch
    {
        StrategyDiscussionForm.Meeting => "Meeting",
        StrategyDiscussionForm.Call => "Call",
        _ => "Video call",
    };

    public static string Label(StrategyDecision decision) => decision switch
    {
        StrategyDecision.StartSection47 => "Start a section 47 enquiry",
        StrategyDecision.ContinueSection47 => "Continue the section 47 enquiry",
        _ => "No section 47 enquiry",
    };
}

/// <summary>The kinds of chronology entry child protection writes.</summary>
public static class ChildProtectionChronology
{
    public const string Area = "ChildProtection";
    public const string StrategyDiscussion = "Strategy discussion";
    public const string Section47 = "Section 47 enquiry";
    public const string EmergencyProtection = "Emergency protection";
    public const string Conference = "Child protection conference";
    public const string Plan = "Child protection plan";
    public const string CoreGroup = "Core group";
}
