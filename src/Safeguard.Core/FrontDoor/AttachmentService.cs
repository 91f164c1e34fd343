using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>A document as listed on a page: never its content.</summary>
public sealed record AttachmentSummary(int Id, string FileName, string ContentType, long Length, DateTime UploadedAtUtc, string UploadedByName);

/// <summary>
/// Documents stored with contacts and partners' answers. Only PDF, Word and image files, at most 10 MB each:
/// the type is judged by the file's first bytes as well as its name, so a renamed program is refused.
/// Opening one is logged against every child on the record it belongs to.
/// </summary>
public sealed class AttachmentService(SafeguardDbContext db, RecordAccess access, AccessLogAppender appender, AccessLogQueue queue, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string AllowedText = "a PDF, a Word document (.doc or .docx) or an image (.jpg, .png or .gif)";

    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".doc"] = ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        [".gif"] = ("image/gif", [[0x47, 0x49, 0x46, 0x38]]),
    };

    /// <summary>The content type of an acceptable file; a validation error naming the field otherwise.</summary>
    public static string Check(string field, string fileName, ReadOnlySpan<byte> content)
    {
        var name = Path.GetFileName(fileName ?? "");
        if (content.Length == 0) throw Refuse.Invalid(field, $"{(name.Length > 0 ? name : "The file")} is empty: choose the file again");
        if (content.Length > MaxBytes) throw Refuse.Invalid(field, $"{name} is larger than 10 MB: attach a smaller file or split it");
        if (!Allowed.TryGetValue(Path.GetExtension(name), out var kind))
            throw Refuse.Invalid(field, $"{name} is not an allowed type: attach {AllowedText}");
        foreach (var signature in kind.Signatures)
            if (content.StartsWith(signature)) return kind.ContentType;
        throw Refuse.Invalid(field, $"{name} is not really {Path.GetExtension(name).TrimStart('.').ToUpperInvariant()}: its contents do not match its name. Attach {AllowedText}");
    }

    public sealed record Upload(string FileName, byte[] Content);

    internal static Attachment Build(string field, Upload upload, Actor actor, DateTime now)
    {
        var type = Check(field, upload.FileName, upload.Content);
        return new Attachment
        {
            FileName = SafeName(upload.FileName), ContentType = type, Length = upload.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Content)), Content = upload.Content, UploadedAtUtc = now,
            UploadedById = actor.UserId, UploadedByName = actor.DisplayName,
        };
    }

    /// <summary>Keeps the name readable but harmless in a download header.</summary>
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName).Trim();
        name = new string(name.Select(ch => char.IsControl(ch) || ch is '"' or '\\' or '/' ? '_' : ch).ToArray());
        return name.Length > 200 ? name[^200..] : name;
    }

    /// <summary>Attaches documents to a contact, logged and on each child's chronology.</summary>
    public async Task<IReadOnlyList<Attachment>?> AddToContactAsync(Actor actor, int contactId, IReadOnlyList<Upload> uploads, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordContact);
        if (uploads.Count == 0) throw Refuse.Invalid("Files", "Choose a file to attach");
        var now = clock.GetUtcNow().UtcDateTime;
        var added = uploads.Select(u => Build("Files", u, actor, now)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contact = await db.Contacts.Include(c => c.Children).FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null || !await CanSeeChildrenAsync(actor, contact.Children, ct)) return null;
        foreach (var a in added) { a.ContactId = contactId; db.Attachments.Add(a); }
        var children = contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        var names = string.Join(", ", added.Select(a => a.FileName));
        foreach (var child in children)
            ChronologyWriter.Add(db, child, now, now, actor, FrontDoorChronology.Area, "Document attached", $"Attached to contact {contact.Reference}: {names}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, children.Select(c => AccessRecord.By(actor, now, AccessAction.Changed, c, $"Contact {contact.Reference}: documents attached ({names})")).ToList(), ct);
        await tx.CommitAsync(ct);
        return added;
    }

    public Task<List<AttachmentSummary>> ListAsync(int? contactId, int? requestId, CancellationToken ct = default) =>
        db.Attachments.AsNoTracking()
            .Where(a => (contactId != null && a.ContactId == contactId) || (requestId != null && a.InformationRequestId == requestId))
            .OrderBy(a => a.Id)
            .Select(a => new AttachmentSummary(a.Id, a.FileName, a.ContentType, a.Length, a.UploadedAtUtc, a.UploadedByName)).ToListAsync(ct);

    /// <summary>
    /// A document to download, if the actor may see what it belongs to: front-door staff who can see every child
    /// on the contact, or (for an answer) the partner agency that gave it. Null otherwise. The opening is logged.
    /// </summary>
    public async Task<Attachment?> OpenAsync(Actor actor, int id, CancellationToken ct = default)
    {
        var a = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        int contactId;
        if (a.ContactId is { } direct) contactId = direct;
        else
        {
            var request = await db.InformationRequests.AsNoTracking().Where(r => r.Id == a.InformationRequestId)
                .Select(r => new { r.AgencyId, r.MashCase.ContactId }).FirstAsync(ct);
            contactId = request.ContactId;
            if (!actor.Can(Capabilities.ViewFrontDoor))
            {
                var agency = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.AgencyId).FirstOrDefaultAsync(ct);
                if (!actor.Can(Capabilities.AnswerInformationRequest) || agency != request.AgencyId) return null;
                await LogAsync(actor, a, contactId, ct);
                return a;
            }
        }
        if (!actor.Can(Capabilities.ViewChildRecord)) return null;
        var children = await db.ContactChildren.AsNoTracking().Where(c => c.ContactId == contactId).ToListAsync(ct);
        if (!await CanSeeChildrenAsync(actor, children, ct)) return null;
        await LogAsync(actor, a, contactId, ct);
        return a;
    }

    private async Task LogAsync(Actor actor, Attachment a, int contactId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var children = await db.ContactChildren.AsNoTracking().Where(c => c.ContactId == contactId && c.PersonId != null).Select(c => c.PersonId).ToListAsync(ct);
        var number = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Number).FirstAsync(ct);
        foreach (var child in children)
            await queue.EnqueueAsync(AccessRecord.By(actor, now, AccessAction.Viewed, child, $"Document {a.FileName} (contact {Contact.Format(number)})"), ct);
    }

    private async Task<bool> CanSeeChildrenAsync(Actor actor, IEnumerable<ContactChild> children, CancellationToken ct)
    {
        var ids = children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        return ids.Count == 0 || await access.VisiblePeople(actor).CountAsync(p => ids.Contains(p.Id), ct) == ids.Count;
    }
}
