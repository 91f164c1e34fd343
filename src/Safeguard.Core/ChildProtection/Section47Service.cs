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
/// A section 47 enquiry after its strategy discussion: when the child was seen (and seen alone), and its outcome. An
/// outcome of "initial conference" puts the conference on the chairs' list, due on the enquiry's conference date; the
/// other outcomes are the census's "conference not required". Emergency protection (police protection, an emergency
/// protection order) is recorded here too, with its dates.
/// </summary>
public sealed class Section47Service(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue views, TimeProvider clock)
{
    public sealed record Seen(DateOnly? ChildSeenOn, DateOnly? ChildSeenAloneOn, string? NotSeenAloneReason);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(clock.GetUtcNow()));

    /// <summary>One enquiry; null when it is not the actor's to open.</summary>
    public async Task<Section47Enquiry?> OpenAsync(Actor actor, Guid personId, int id, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var enquiry = await db.Section47Enquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.PersonId == personId, ct);
        if (enquiry is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        await views.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Section 47 enquiry {id}"), ct);
        return enquiry;
    }

    /// <summary>Records when the child was seen, and seen alone (or why not), during the enquiry.</summary>
    public async Task<Section47Enquiry?> RecordSeenAsync(Actor actor, Guid personId, int id, Guid version, Seen seen, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordSection47);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enquiry = await LoadForChangeAsync(actor, personId, id, version, ct);
        if (enquiry is null) return null;
        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        if (seen.ChildSeenOn is not { } on) Fail(nameof(Seen.ChildSeenOn), "Enter the date the child was seen");
        else if (on < enquiry.StartDate) Fail(nameof(Seen.ChildSeenOn), $"The child cannot have been seen for the enquiry before it started on {enquiry.StartDate:d MMMM yyyy}");
        else if (on > Today) Fail(nameof(Seen.ChildSeenOn), "The date the child was seen cannot be in the future");
        var reason = Tidy(seen.NotSeenAloneReason);
        if (seen.ChildSeenAloneOn is { } alone)
        {
            if (seen.ChildSeenOn is { } first && alone < first) Fail(nameof(Seen.ChildSeenAloneOn), "The child cannot have been seen alone before they were first seen");
            else if (alone > Today) Fail(nameof(Seen.ChildSeenAloneOn), "The date the child was seen alone cannot be in the future");
        }
        else if (reason is null) Fail(nameof(Seen.NotSeenAloneReason), "Enter the date the child was seen alone, or why they were not");
        if (reason?.Length > 4000) Fail(nameof(Seen.NotSeenAloneReason), "The reason must be 4,000 characters or fewer");
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        enquiry.ChildSeenOn = seen.ChildSeenOn;
        enquiry.ChildSeenAloneOn = seen.ChildSeenAloneOn;
        enquiry.NotSeenAloneReason = seen.ChildSeenAloneOn is null ? reason : null;
        var now = Now;
        ChronologyWriter.Add(db, personId, now, now, actor, ChildProtectionChronology.Area, ChildProtectionChronology.Section47,
            enquiry.ChildSeenAloneOn is { } a ? $"Section 47 enquiry: child seen {enquiry.ChildSeenOn:d MMMM yyyy}, seen alone {a:d MMMM yyyy}"
                : $"Section 47 enquiry: child seen {enquiry.ChildSeenOn:d MMMM yyyy}, not seen alone: {enquiry.NotSeenAloneReason}",
            significant: false, link: $"/people/{personId}/section-47/{id}");
        await SaveAsync(actor, enquiry, "child seen recorded", ct);
        await tx.CommitAsync(ct);
        return enquiry;
    }

    /// <summary>
    /// Records how the enquiry ended. The child must have been seen. "Initial conference" puts an initial child
    /// protection conference on the chairs' list, due by the enquiry's conference date.
    /// </summary>
    public async Task<Section47Enquiry?> ConcludeAsync(Actor actor, Guid personId, int id, Guid version, Section47Outcome? outcome, DateOnly? on, string? reason,
        CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordSection47);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enquiry = await LoadForChangeAsync(actor, personId, id, version, ct);
        if (enquiry is null) return null;
        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        if (enquiry.ChildSeenOn is null) Fail("ChildSeenOn", "Record when the child was seen before concluding the enquiry");
        if (outcome is not { } o || !Enum.IsDefined(o)) Fail("Outcome", "Choose the outcome of the enquiry");
        var date = on ?? Today;
        if (date < enquiry.StartDate) Fail("OutcomeOn", $"The outcome cannot be before the enquiry started on {enquiry.StartDate:d MMMM yyyy}");
        else if (date > Today) Fail("OutcomeOn", "The outcome date cannot be in the future");
        var why = Tidy(reason);
        if (why is null) Fail("OutcomeReason", "Enter the reasons for the outcome");
        else if (why.Length > 4000) Fail("OutcomeReason", "The reasons must be 4,000 characters or fewer");
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        enquiry.Outcome = outcome;
        enquiry.OutcomeOn = date;
        enquiry.OutcomeReason = why;
        string summary;
        if (outcome == Section47Outcome.InitialConference)
        {
            db.Conferences.Add(new ChildProtectionConference
            {
                PersonId = personId, Kind = ConferenceKind.Initial, Section47EnquiryId = enquiry.Id, TeamId = enquiry.TeamId,
                DueDate = enquiry.ConferenceDueDate, CreatedAtUtc = now, Version = Guid.NewGuid(),
            });
            summary = $"Section 47 enquiry concluded: concerns substantiated and the child judged at continuing risk of significant harm; initial child protection conference due by {enquiry.ConferenceDueDate:d MMMM yyyy}";
        }
        else summary = $"Section 47 enquiry concluded: {Label(outcome!.Value).ToLowerInvariant()} (no conference needed)";
        ChronologyWriter.Add(db, personId, WorkingDayCalendar.FromUkLocal(date.ToDateTime(TimeOnly.MinValue)).UtcDateTime, now, actor,
            ChildProtectionChronology.Area, ChildProtectionChronology.Section47, summary, significant: true, link: $"/people/{personId}/section-47/{id}");
        await SaveAsync(actor, enquiry, "concluded", ct);
        await tx.CommitAsync(ct);
        return enquiry;
    }

    public sealed record NewEmergencyProtection(EmergencyProtectionKind? Kind, DateOnly? StartDate, DateOnly? EndDate, string? Details);

    /// <summary>
    /// Records police protection (at most 72 hours) or an emergency protection order (at most 8 days, extendable once by
    /// 7), with its dates. Null when the child's case is not the actor's to open.
    /// </summary>
    public async Task<EmergencyProtection?> RecordEmergencyProtectionAsync(Actor actor, Guid personId, NewEmergencyProtection input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordSection47);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await cases.IsOpenAsync(personId, ct)) throw await cases.ClosedRefusalAsync(personId, "emergency protection", ct);
        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) Fail(nameof(NewEmergencyProtection.Kind), "Choose police protection or an emergency protection order");
        if (input.StartDate is not { } start) Fail(nameof(NewEmergencyProtection.StartDate), "Enter the date it started");
        else if (start > Today) Fail(nameof(NewEmergencyProtection.StartDate), "The start date cannot be in the future");
        else if (input.EndDate is { } end)
        {
            if (end < start) Fail(nameof(NewEmergencyProtection.EndDate), $"The end date cannot be before the start, {start:d MMMM yyyy}");
            else if (end > Today) Fail(nameof(NewEmergencyProtection.EndDate), "The end date cannot be in the future: leave it empty while it lasts");
            else if (input.Kind == EmergencyProtectionKind.PolicePowers && end > start.AddDays(3))
                Fail(nameof(NewEmergencyProtection.EndDate), $"Police protection lasts at most 72 hours: it ended by {start.AddDays(3):d MMMM yyyy}");
            else if (input.Kind == EmergencyProtectionKind.EmergencyProtectionOrder && end > start.AddDays(15))
                Fail(nameof(NewEmergencyProtection.EndDate), $"An emergency protection order lasts at most 8 days, extended once by 7: it ended by {start.AddDays(15):d MMMM yyyy}");
        }
        var details = Tidy(input.Details);
        if (details?.Length > 4000) Fail(nameof(NewEmergencyProtection.Details), "The details must be 4,000 characters or fewer");
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);

        var now = Now;
        var record = new EmergencyProtection
        {
            PersonId = personId, Kind = input.Kind!.Value, StartDate = input.StartDate!.Value, EndDate = input.EndDate, Details = details,
            RecordedById = actor.UserId, RecordedByName = actor.DisplayName, RecordedAtUtc = now,
        };
        db.EmergencyProtections.Add(record);
        var what = record.Kind == EmergencyProtectionKind.PolicePowers ? "Police protection" : "Emergency protection order";
        ChronologyWriter.Add(db, personId, WorkingDayCalendar.FromUkLocal(record.StartDate.ToDateTime(TimeOnly.MinValue)).UtcDateTime, now, actor,
            ChildProtectionChronology.Area, ChildProtectionChronology.EmergencyProtection,
            record.EndDate is { } ended ? $"{what} from {record.StartDate:d MMMM yyyy} to {ended:d MMMM yyyy}" : $"{what} from {record.StartDate:d MMMM yyyy}",
            significant: true);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"{what} recorded")], ct);
        await tx.CommitAsync(ct);
        return record;
    }

    public static string Label(Section47Outcome outcome) => outcome switch
    {
        Section47Outcome.NotSubstantiated => "Concerns not substantiated",
        Section47Outcome.SubstantiatedNoContinuingRisk => "Concerns substantiated, child not judged at continuing risk of significant harm",
        _ => "Initial child protection conference",
    };

    private async Task<Section47Enquiry?> LoadForChangeAsync(Actor actor, Guid personId, int id, Guid version, CancellationToken ct)
    {
        var enquiry = await db.Section47Enquiries.FirstOrDefaultAsync(e => e.Id == id && e.PersonId == personId, ct);
        if (enquiry is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        if (enquiry.Version != version)
            throw new ConcurrencyConflictException("Someone else changed this enquiry since you opened it: nothing was saved. Open it again to see their change.");
        if (enquiry.Outcome is not null) throw Refuse.Invalid("Outcome", $"This enquiry concluded on {enquiry.OutcomeOn:d MMMM yyyy}: it can no longer change");
        return enquiry;
    }

    private async Task SaveAsync(Actor actor, Section47Enquiry enquiry, string what, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, Now, AccessAction.Changed, enquiry.PersonId, $"Section 47 enquiry {enquiry.Id} {what}")], ct);
    }
}
