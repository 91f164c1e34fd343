using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using static Safeguard.Core.Typed;

namespace Safeguard.Core.SocialWork;

/// <summary>
/// Case notes: what happened, of what type, when, who was seen and whether it was a significant event. Each note is on
/// the child's chronology; an edit (by its author or a manager) keeps the earlier text as a version and moves the
/// chronology entry with it. Nothing is deleted. A note may be written after the case has closed, unlike a visit or
/// oversight: a late entry about something that happened while it was open, or contact since (a call from the school),
/// belongs on the child's record all the same.
/// </summary>
public sealed class CaseNoteService(SafeguardDbContext db, CaseAccess cases, AccessLogAppender appender, AccessLogQueue queue, TimeProvider clock)
{
    public const int MaxText = 20_000;
    public const string ChronologyKind = "Case note";

    /// <summary>A note as written; the fields left empty are checked and named.</summary>
    public sealed record NoteInput(CaseNoteType? Type, DateTime? OccurredAtUtc, bool Significant, string? WhoWasSeen, string? Text);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Writes a note. Null when the child's case is not the actor's to open (another team's: 404).</summary>
    public async Task<CaseNote?> WriteAsync(Actor actor, Guid personId, NoteInput input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordCaseNote);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        input = Normalised(input);
        await CheckAsync(personId, input, ct);
        var now = Now;
        var note = new CaseNote
        {
            PersonId = personId, Type = input.Type!.Value, OccurredAtUtc = input.OccurredAtUtc!.Value, Significant = input.Significant,
            WhoWasSeen = Tidy(input.WhoWasSeen), Text = input.Text!.Trim(), AuthorId = actor.UserId, AuthorName = actor.DisplayName,
            RecordedAtUtc = now, Version = Guid.NewGuid(),
        };
        db.CaseNotes.Add(note);
        await db.SaveChangesAsync(ct);
        var entry = ChronologyWriter.Add(db, personId, note.OccurredAtUtc, now, actor, SocialWorkChronology.Area, ChronologyKind, Describe(note),
            significant: note.Significant, link: $"/people/{personId}/notes/{note.Id}");
        await db.SaveChangesAsync(ct);
        note.ChronologyEntryId = entry.Id;
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, personId, $"Case note {note.Id} written")], ct);
        await tx.CommitAsync(ct);
        return note;
    }

    /// <summary>
    /// Changes a note. The author may, and team and service managers; <paramref name="version"/> is the note as the editor
    /// opened it, so an edit over someone else's is refused. The earlier text is kept, and the chronology moves in step.
    /// </summary>
    public async Task<CaseNote?> EditAsync(Actor actor, Guid personId, int noteId, Guid version, NoteInput input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordCaseNote);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var note = await db.CaseNotes.FirstOrDefaultAsync(n => n.Id == noteId && n.PersonId == personId, ct);
        if (note is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        if (!CanEdit(actor, note)) throw new AccessDeniedException($"Only the note's author ({note.AuthorName}) or a manager can edit it: write a new note instead.");
        if (note.Version != version)
            throw new ConcurrencyConflictException("Someone else changed this note since you opened it. What you typed is still on the page: compare it with the note as it is now, then save again.");
        input = Normalised(input);
        await CheckAsync(personId, input, ct);
        var text = input.Text!.Trim();
        var who = Tidy(input.WhoWasSeen);
        if (note.Type == input.Type && note.OccurredAtUtc == input.OccurredAtUtc && note.Significant == input.Significant && note.WhoWasSeen == who && note.Text == text)
            throw Refuse.Invalid(nameof(NoteInput.Text), "Nothing has changed: change the note, or go back to it");

        var now = Now;
        db.CaseNoteVersions.Add(new CaseNoteVersion
        {
            CaseNoteId = note.Id, Type = note.Type, OccurredAtUtc = note.OccurredAtUtc, Significant = note.Significant, WhoWasSeen = note.WhoWasSeen,
            Text = note.Text, ReplacedAtUtc = now, ReplacedByName = actor.DisplayName,
        });
        (note.Type, note.OccurredAtUtc, note.Significant, note.WhoWasSeen, note.Text) = (input.Type!.Value, input.OccurredAtUtc!.Value, input.Significant, who, text);
        note.EditedAtUtc = now;
        note.Version = Guid.NewGuid();
        var entry = note.ChronologyEntryId is { } entryId ? await db.Chronology.FirstOrDefaultAsync(e => e.Id == entryId, ct) : null;
        if (entry is not null)
        {
            entry.Summary = Describe(note) is var summary && summary.Length < 1990 ? summary + " (edited)" : summary;
            entry.IsSignificant = note.Significant;
            entry.OccurredAtUtc = note.OccurredAtUtc;
        }
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, personId, $"Case note {note.Id} edited")], ct);
        await tx.CommitAsync(ct);
        return note;
    }

    /// <summary>One note with its earlier versions (newest first); null when it is not the actor's to open.</summary>
    public async Task<CaseNote?> OpenAsync(Actor actor, Guid personId, int noteId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var note = await db.CaseNotes.AsNoTracking().Include(n => n.Versions).FirstOrDefaultAsync(n => n.Id == noteId && n.PersonId == personId, ct);
        if (note is null || !await cases.CanOpenAsync(actor, personId, ct)) return null;
        note.Versions = [.. note.Versions.OrderByDescending(v => v.ReplacedAtUtc).ThenByDescending(v => v.Id)];
        await queue.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, $"Case note {noteId}"), ct);
        return note;
    }

    /// <summary>The child's notes, newest first (at most <paramref name="take"/>); null when not the actor's to open.</summary>
    public async Task<List<CaseNote>?> ListAsync(Actor actor, Guid personId, int take = 200, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        if (!await cases.CanOpenAsync(actor, personId, ct)) return null;
        var notes = await RecentAsync(personId, Math.Clamp(take, 1, 1000), ct);
        await queue.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, personId, "Case notes"), ct);
        return notes;
    }

    /// <summary>For the case page (which has checked and logged access): the most recent notes.</summary>
    public Task<List<CaseNote>> RecentAsync(Guid personId, int take = 5, CancellationToken ct = default) =>
        db.CaseNotes.AsNoTracking().Where(n => n.PersonId == personId).OrderByDescending(n => n.OccurredAtUtc).ThenByDescending(n => n.Id)
            .Take(take).ToListAsync(ct);

    /// <summary>The author may edit a note, and so may team and service managers.</summary>
    public static bool CanEdit(Actor actor, CaseNote note) =>
        actor.Can(Capabilities.RecordCaseNote)
        && (note.AuthorId == actor.UserId || actor.UserId == "system" || actor.Roles.Contains(Roles.TeamManager) || actor.Roles.Contains(Roles.ServiceManager));

    private async Task CheckAsync(Guid personId, NoteInput input, CancellationToken ct)
    {
        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure(field, message));
        if (input.Type is not { } type || !Enum.IsDefined(type)) Fail(nameof(NoteInput.Type), "Choose the type of note");
        if (input.OccurredAtUtc is not { } at) Fail(nameof(NoteInput.OccurredAtUtc), "Enter when it happened");
        else if (at > Now) Fail(nameof(NoteInput.OccurredAtUtc), "When it happened cannot be in the future");
        else
        {
            var born = await db.People.Where(p => p.Id == personId).Select(p => p.DateOfBirth).FirstOrDefaultAsync(ct);
            var day = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))));
            if (born is { } b && day < b) Fail(nameof(NoteInput.OccurredAtUtc), $"When it happened cannot be before the child was born, {b:d MMMM yyyy}");
        }
        var text = Tidy(input.Text);
        if (text is null) Fail(nameof(NoteInput.Text), "Enter the note");
        else if (text.Length > MaxText) Fail(nameof(NoteInput.Text), $"The note must be {MaxText:N0} characters or fewer");
        if (Tidy(input.WhoWasSeen)?.Length > 1000) Fail(nameof(NoteInput.WhoWasSeen), "Who was seen must be 1,000 characters or fewer");
        if (failures.Count > 0) throw new FluentValidation.ValidationException(failures);
    }

    /// <summary>The note's first line, for lists.</summary>
    public static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return ContactService.Shorten(line, 120);
    }

    /// <summary>The chronology's line for a note: its type, who was seen, and its first line.</summary>
    public static string Describe(CaseNote n) =>
        ContactService.Shorten($"{Label(n.Type)}{(n.WhoWasSeen is null ? "" : $" (seen: {n.WhoWasSeen})")}: {FirstLine(n.Text)}");

    public static string Label(CaseNoteType type) => type switch
    {
        CaseNoteType.Telephone => "Telephone call",
        CaseNoteType.EmailOrLetter => "Email or letter",
        CaseNoteType.OfficeVisit => "Office visit",
        CaseNoteType.DirectWork => "Direct work with the child",
        CaseNoteType.ProfessionalsMeeting => "Professionals' meeting",
        CaseNoteType.ManagementDiscussion => "Management discussion",
        CaseNoteType.Other => "Other",
        _ => type.ToString(),
    };

    /// <summary>A time sent without a zone is read as UTC; to the second, as the form and the databases keep it.</summary>
    private static NoteInput Normalised(NoteInput input) => input.OccurredAtUtc is not { } at ? input : input with
    {
        OccurredAtUtc = new DateTime((at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc),
    };
}
