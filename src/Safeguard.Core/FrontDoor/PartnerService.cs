using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A partner agency's own view: the MASH's requests addressed to their agency, and nothing else. A request
/// for another agency is answered as if it did not exist (the pages give 404).
/// </summary>
public sealed class PartnerService(SafeguardDbContext db, AccessLogAppender appender, AccessLogQueue queue, TimeProvider clock)
{
    public sealed record RequestRow(int Id, string ContactReference, int Children, Rag Rating, DateTime SentAtUtc, DateTime DueAtUtc,
        DateTime? AnsweredAtUtc, DateTime? WithdrawnAtUtc);

    public sealed record ChildDetails(Guid PersonId, string Name, DateOnly? DateOfBirth, string? NhsNumber, string? Address);

    public sealed record RequestView(InformationRequest Request, string AgencyName, string ContactReference, IReadOnlyList<ChildDetails> Children,
        IReadOnlyList<AttachmentSummary> Attachments);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<(int Id, string Name)?> AgencyOfAsync(Actor actor, CancellationToken ct = default)
    {
        var agency = await db.Users.Where(u => u.Id == actor.UserId && u.Agency != null)
            .Select(u => new { u.Agency!.Id, u.Agency.Name }).FirstOrDefaultAsync(ct);
        return agency is null ? null : (agency.Id, agency.Name);
    }

    /// <summary>The agency's requests: outstanding first by due time, then the latest answered ones.</summary>
    public async Task<List<RequestRow>> RequestsAsync(Actor actor, bool outstanding, int take = 200, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AnswerInformationRequest);
        if (await AgencyOfAsync(actor, ct) is not { } agency) return [];
        var q = db.InformationRequests.AsNoTracking().Where(r => r.AgencyId == agency.Id);
        q = outstanding
            ? q.Where(r => r.AnsweredAtUtc == null && r.WithdrawnAtUtc == null).OrderBy(r => r.DueAtUtc)
            : q.Where(r => r.AnsweredAtUtc != null || r.WithdrawnAtUtc != null).OrderByDescending(r => r.SentAtUtc);
        var rows = await q.Take(take).Select(r => new
        {
            r.Id, r.MashCase.Contact.Number, Children = r.MashCase.Contact.Children.Count, r.RatingWhenSent, r.SentAtUtc, r.DueAtUtc,
            r.AnsweredAtUtc, r.WithdrawnAtUtc,
        }).ToListAsync(ct);
        return rows.Select(r => new RequestRow(r.Id, Contact.Format(r.Number), r.Children, r.RatingWhenSent, r.SentAtUtc, r.DueAtUtc,
            r.AnsweredAtUtc, r.WithdrawnAtUtc)).ToList();
    }

    /// <summary>One request with the children it is about (logged as a view of each), or null if it is not this agency's.</summary>
    public async Task<RequestView?> OpenAsync(Actor actor, int requestId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AnswerInformationRequest);
        if (await AgencyOfAsync(actor, ct) is not { } agency) return null;
        var request = await db.InformationRequests.AsNoTracking().Include(r => r.MashCase).ThenInclude(m => m.Contact)
            .FirstOrDefaultAsync(r => r.Id == requestId && r.AgencyId == agency.Id, ct);
        if (request is null) return null;
        var ids = await db.ContactChildren.AsNoTracking().Where(c => c.ContactId == request.MashCase.ContactId && c.PersonId != null)
            .Select(c => c.PersonId!.Value).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.NhsNumber,
                Address = p.Addresses.Where(a => a.To == null).OrderByDescending(a => a.From).Select(a => a.Line1 + ", " + a.Postcode).FirstOrDefault(),
            }).ToListAsync(ct);
        var now = Now;
        foreach (var p in people)
            await queue.EnqueueAsync(AccessRecord.By(actor, now, AccessAction.Viewed, p.Id, $"Information request to {agency.Name} (contact {request.MashCase.Contact.Reference})"), ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.InformationRequestId == requestId).OrderBy(a => a.Id)
            .Select(a => new AttachmentSummary(a.Id, a.FileName, a.ContentType, a.Length, a.UploadedAtUtc, a.UploadedByName)).ToListAsync(ct);
        return new RequestView(request, agency.Name, request.MashCase.Contact.Reference,
            people.Select(p => new ChildDetails(p.Id, p.FirstName + " " + p.LastName, p.DateOfBirth, p.NhsNumber, p.Address)).ToList(), files);
    }

    /// <summary>The agency's answer, with any documents. Late answers are accepted and shown as late.</summary>
    public async Task<InformationRequest?> AnswerAsync(Actor actor, int requestId, Guid version, string answer,
        IReadOnlyList<AttachmentService.Upload> uploads, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AnswerInformationRequest);
        if (string.IsNullOrWhiteSpace(answer)) throw Refuse.Invalid("Answer", "Enter what your agency knows, or that it holds no information");
        if (answer.Length > 16000) throw Refuse.Invalid("Answer", "The answer must be 16,000 characters or fewer: attach a document for more");
        var now = Now;
        var files = uploads.Select(u => AttachmentService.Build("Files", u, actor, now)).ToList();
        if (await AgencyOfAsync(actor, ct) is not { } agency) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await db.InformationRequests.Include(r => r.MashCase).ThenInclude(m => m.Contact).ThenInclude(c => c.Children)
            .FirstOrDefaultAsync(r => r.Id == requestId && r.AgencyId == agency.Id, ct);
        if (request is null) return null;
        if (request.Version != version) throw MashService.RequestConflict();
        if (request.AnsweredAtUtc is not null) throw Refuse.Invalid("Answer", "This request has already been answered");
        if (request.WithdrawnAtUtc is not null) throw Refuse.Invalid("Answer", "The MASH no longer needs this information: the request was withdrawn");
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        request.Answer = answer.Trim();
        request.AnsweredAtUtc = now;
        request.AnsweredById = actor.UserId;
        request.AnsweredByName = actor.DisplayName;
        foreach (var f in files) { f.InformationRequestId = request.Id; db.Attachments.Add(f); }
        var late = now > request.DueAtUtc ? $" (late: it was due at {MashService.Due(request.DueAtUtc)})" : "";
        var children = MashService.Children(request.MashCase).ToList();
        foreach (var child in children)
            ChronologyWriter.Add(db, child, now, now, actor, FrontDoorChronology.Area, FrontDoorChronology.InformationReceived,
                $"{agency.Name} answered the MASH's request on contact {request.MashCase.Contact.Reference}{late}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw MashService.RequestConflict(); }
        await appender.AppendAsync(db, children.Select(c => AccessRecord.By(actor, now, AccessAction.Changed, c,
            $"Information request to {agency.Name} answered (contact {request.MashCase.Contact.Reference})")).ToList(), ct);
        await tx.CommitAsync(ct);
        return request;
    }
}
