using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>What the pages send to record a consultation.</summary>
public sealed record NewConsultation
{
    public ConsultationKind Kind { get; init; }
    public DateTime ReceivedAtUtc { get; init; }
    public string SourceCode { get; init; } = "";
    public int? AgencyId { get; init; }
    public string ProfessionalName { get; init; } = "";
    public string? ProfessionalRole { get; init; }
    /// <summary>The child, for a named consultation only.</summary>
    public Guid? PersonId { get; init; }
    public string Question { get; init; } = "";
    public string Advice { get; init; } = "";

    public NewConsultation Tidy() => this with
    {
        SourceCode = SourceCode.Trim().ToUpperInvariant(), ProfessionalName = ProfessionalName.Trim(),
        ProfessionalRole = string.IsNullOrWhiteSpace(ProfessionalRole) ? null : ProfessionalRole.Trim(),
        Question = Question.Trim(), Advice = Advice.Trim(),
    };
}

/// <summary>The rules for a consultation. Field names match <see cref="NewConsultation"/>, so pages show each message beside its field.</summary>
public sealed class NewConsultationValidator : AbstractValidator<NewConsultation>
{
    public const string PublicRefused =
        "A member of the public, a family member, the child or an anonymous caller makes a contact, not a consultation: record a contact instead";

    public NewConsultationValidator(DateTime nowUtc)
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("Choose whether the consultation names a child");
        RuleFor(c => c.ReceivedAtUtc)
            .Must(at => at <= nowUtc.AddMinutes(5)).WithMessage("When it was received must be now or in the past")
            .Must(at => at >= new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)).WithMessage("When it was received must be after 1 January 2000");
        RuleFor(c => c.SourceCode).Cascade(CascadeMode.Stop)
            .Must(FrontDoorCodes.ReferralSource.IsValid).WithMessage("Choose who is consulting")
            .Must(s => !FrontDoorCodes.IsPublicOrFamily(s)).WithMessage(PublicRefused);
        RuleFor(c => c.ProfessionalName).NotEmpty().WithMessage("Enter the name of the professional consulting").MaximumLength(200);
        RuleFor(c => c.ProfessionalRole).MaximumLength(200);
        RuleFor(c => c.PersonId).NotNull().When(c => c.Kind == ConsultationKind.Named)
            .WithMessage("Choose the child the consultation is about");
        RuleFor(c => c.PersonId).Null().When(c => c.Kind == ConsultationKind.NoName)
            .WithMessage("A no-name consultation does not name a child: record it as named, or leave the child out");
        RuleFor(c => c.Question).NotEmpty().WithMessage("Enter what the professional asked").MaximumLength(8000);
        RuleFor(c => c.Advice).NotEmpty().WithMessage("Enter the advice given").MaximumLength(8000);
    }
}

/// <summary>
/// A professional asking the front door for advice. It starts no clock and no episode, but a named one is on the
/// child's chronology and in the access log like any other change to their record.
/// </summary>
public sealed class ConsultationService(SafeguardDbContext db, RecordAccess access, AccessLogAppender appender, TimeProvider clock)
{
    public async Task<Consultation> RecordAsync(Actor actor, NewConsultation input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordConsultation);
        var now = clock.GetUtcNow().UtcDateTime;
        input = input.Tidy();
        await new NewConsultationValidator(now).ValidateAndThrowAsync(input, ct);
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency && a.IsActive, ct))
            throw Refuse.Invalid(nameof(NewConsultation.AgencyId), "Choose an agency from the list");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (input.PersonId is { } personId
            && !await access.VisiblePeople(actor).AnyAsync(p => p.Id == personId && p.RecordedInErrorAtUtc == null, ct))
            throw Refuse.Invalid(nameof(NewConsultation.PersonId), "That child could not be found: check their Safeguard ID");

        var consultation = new Consultation
        {
            Kind = input.Kind, ReceivedAtUtc = input.ReceivedAtUtc, SourceCode = input.SourceCode, AgencyId = input.AgencyId,
            ProfessionalName = input.ProfessionalName, ProfessionalRole = input.ProfessionalRole, PersonId = input.PersonId,
            Question = input.Question, Advice = input.Advice, RecordedAtUtc = now, RecordedById = actor.UserId, RecordedByName = actor.DisplayName,
        };
        db.Consultations.Add(consultation);
        if (input.PersonId is { } child)
        {
            var who = input.ProfessionalRole is null ? input.ProfessionalName : $"{input.ProfessionalName} ({input.ProfessionalRole})";
            ChronologyWriter.Add(db, child, input.ReceivedAtUtc, now, actor, FrontDoorChronology.Area, FrontDoorChronology.Consultation,
                $"Consultation from {who}, {FrontDoorCodes.ReferralSource.Label(input.SourceCode)}: {ContactService.Shorten(input.Question)} Advice: {ContactService.Shorten(input.Advice)}");
        }
        await db.SaveChangesAsync(ct);
        if (input.PersonId is { } logged)
            await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, logged, $"Consultation {consultation.Id}",
                JsonSerializer.Serialize(new { source = input.SourceCode, received = input.ReceivedAtUtc }))], ct);
        await tx.CommitAsync(ct);
        return consultation;
    }

    public sealed record Row(int Id, ConsultationKind Kind, DateTime ReceivedAtUtc, string SourceCode, string? AgencyName, string ProfessionalName,
        string? ProfessionalRole, Guid? PersonId, string? ChildName, string Question, string Advice, string RecordedByName);

    public sealed record Filter(ConsultationKind? Kind = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

    /// <summary>
    /// Consultations newest first, one page at a time, with the named and no-name counts for the same period.
    /// A named consultation about a child the reader may not see is left out, as the child's record would be.
    /// </summary>
    public async Task<(List<Row> Rows, int Total, int Named, int NoName)> ListAsync(Actor actor, Filter filter, int page, int pageSize,
        CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewFrontDoor);
        var visible = access.VisiblePeople(actor);
        var inPeriod = db.Consultations.AsNoTracking()
            .Where(c => c.PersonId == null || visible.Any(p => p.Id == c.PersonId));
        if (filter.FromUtc is { } from) inPeriod = inPeriod.Where(c => c.ReceivedAtUtc >= from);
        if (filter.ToUtc is { } to) inPeriod = inPeriod.Where(c => c.ReceivedAtUtc < to);
        var counts = await inPeriod.GroupBy(c => c.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var named = counts.FirstOrDefault(c => c.Kind == ConsultationKind.Named)?.Count ?? 0;
        var noName = counts.FirstOrDefault(c => c.Kind == ConsultationKind.NoName)?.Count ?? 0;

        var shown = filter.Kind is { } kind ? inPeriod.Where(c => c.Kind == kind) : inPeriod;
        var rows = await shown.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .Select(c => new Row(c.Id, c.Kind, c.ReceivedAtUtc, c.SourceCode, c.Agency != null ? c.Agency.Name : null, c.ProfessionalName,
                c.ProfessionalRole, c.PersonId, null, c.Question, c.Advice, c.RecordedByName))
            .ToListAsync(ct);
        var ids = rows.Where(r => r.PersonId is not null).Select(r => r.PersonId!.Value).Distinct().ToList();
        var names = await visible.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
        rows = rows.Select(r => r.PersonId is { } id ? r with { ChildName = names.GetValueOrDefault(id) } : r).ToList();
        var total = filter.Kind switch { ConsultationKind.Named => named, ConsultationKind.NoName => noName, _ => named + noName };
        return (rows, total, named, noName);
    }
}
