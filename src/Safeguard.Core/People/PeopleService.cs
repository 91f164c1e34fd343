using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>
/// Every read and change of a person's record goes through here: the access rules, the access log and the
/// chronology are applied the same way for the pages, the API and the command line.
/// </summary>
public sealed class PeopleService(SafeguardDbContext db, RecordAccess access, AccessLogAppender appender, AccessLogQueue queue, TimeProvider clock)
{
    public const string Area = "People";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(clock.GetUtcNow(), "Europe/London").DateTime);

    /// <summary>Opens a record for reading and logs the view. Null when the person does not exist or may not be known to this actor.</summary>
    public async Task<Person?> OpenAsync(Actor actor, Guid id, string what = "Person record", CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var person = await access.VisiblePeople(actor)
            .Include(p => p.PreviousNames).Include(p => p.Disabilities).Include(p => p.Addresses)
            .AsSplitQuery().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            // A restricted record someone tried to open is worth knowing about; a wrong id is not.
            if (await db.People.AnyAsync(p => p.Id == id, ct))
                await queue.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Refused, id, what + " (restricted)"), ct);
            return null;
        }
        await queue.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Viewed, id, what), ct);
        return person;
    }

    public async Task<Person> AddAsync(Actor actor, PersonDetails details, NewAddress? address = null, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AddPerson);
        details = details.Tidy();
        await new PersonDetailsValidator(Today).ValidateAndThrowAsync(details, ct);
        if (address is not null) await new NewAddressValidator(Today).ValidateAndThrowAsync(address, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = Now;
        var person = new Person
        {
            Id = Guid.CreateVersion7(), Number = await db.NextNumberAsync("Person", ct),
            FirstName = details.FirstName, LastName = details.LastName, CreatedAtUtc = now, CreatedBy = actor.DisplayName,
        };
        Apply(person, details);
        db.People.Add(person);
        db.PersonNameKeys.AddRange(NameKeys.For(person));
        if (address is not null) db.Addresses.Add(address.ToAddress(person.Id));
        ChronologyWriter.Add(db, person.Id, now, now, actor, Area, ChronologyKinds.PersonAdded, $"{person.FullName} added to Safeguard as {person.SafeguardId}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Created, person.Id, "Person record",
            Changes(Nothing, details))], ct);
        await tx.CommitAsync(ct);
        return person;
    }

    /// <summary>Changes a person's details. <paramref name="version"/> is the one the editor loaded: if someone saved since, nothing is overwritten.</summary>
    public async Task<Person?> UpdateAsync(Actor actor, Guid id, Guid version, PersonDetails details, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.EditPerson);
        details = details.Tidy();
        await new PersonDetailsValidator(Today).ValidateAndThrowAsync(details, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await access.VisiblePeople(actor).Include(p => p.Disabilities).Include(p => p.PreviousNames)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;
        if (person.Version != version)
            throw new ConcurrencyConflictException($"{person.FullName}'s details were changed by someone else while you were editing. Your changes have not been saved: check the record and make them again.");
        var before = PersonDetails.Of(person);
        var changes = Changes(before, details);
        if (changes is null) return person;

        db.Entry(person).Property(p => p.Version).OriginalValue = version;
        var nameChanged = before.FirstName != details.FirstName || before.LastName != details.LastName || before.MiddleNames != details.MiddleNames;
        if (nameChanged && (before.FirstName != details.FirstName || before.LastName != details.LastName))
            person.PreviousNames.Add(new PersonName { PersonId = id, FirstName = before.FirstName, LastName = before.LastName });
        Apply(person, details);
        db.PersonDisabilities.RemoveRange(person.Disabilities.Where(d => !details.Disabilities.Contains(d.Code)));
        if (nameChanged)
        {
            await db.PersonNameKeys.Where(k => k.PersonId == id).ExecuteDeleteAsync(ct);
            db.PersonNameKeys.AddRange(NameKeys.For(person));
        }
        var now = Now;
        ChronologyWriter.Add(db, id, now, now, actor, Area, ChronologyKinds.DetailsChanged, "Changed: " + string.Join(", ", ChangedFieldLabels(before, details)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException($"{person.FullName}'s details were changed by someone else while you were editing. Your changes have not been saved: check the record and make them again.");
        }
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, id, "Person details", changes)], ct);
        await tx.CommitAsync(ct);
        return person;
    }

    public async Task<Relationship?> AddRelationshipAsync(Actor actor, Guid personId, Guid relatedPersonId, RelationshipType type,
        bool parentalResponsibility, DateOnly? from, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AddPerson);
        if (personId == relatedPersonId) throw Refuse.Invalid("RelatedPersonId", "Choose a different person: someone cannot be related to themselves");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var both = await access.VisiblePeople(actor).Where(p => p.Id == personId || p.Id == relatedPersonId)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).ToListAsync(ct);
        if (both.Count != 2) return null;
        var a = both.Single(p => p.Id == personId);
        var b = both.Single(p => p.Id == relatedPersonId);
        if (await db.Relationships.AnyAsync(r => r.RecordedInErrorAtUtc == null && r.To == null && r.Type == type &&
                ((r.PersonId == personId && r.RelatedPersonId == relatedPersonId) || (r.PersonId == relatedPersonId && r.RelatedPersonId == personId)), ct))
            throw Refuse.Invalid("Type", "This relationship is already recorded");
        var now = Now;
        var rel = new Relationship
        {
            PersonId = personId, RelatedPersonId = relatedPersonId, Type = type, ParentalResponsibility = parentalResponsibility,
            From = from, CreatedAtUtc = now, CreatedBy = actor.DisplayName,
        };
        db.Relationships.Add(rel);
        var (forward, _) = RelationshipTypes.Words(type);
        var summary = $"{a.FirstName} {a.LastName} recorded as {forward} of {b.FirstName} {b.LastName}";
        ChronologyWriter.Add(db, personId, now, now, actor, Area, ChronologyKinds.RelationshipAdded, summary);
        ChronologyWriter.Add(db, relatedPersonId, now, now, actor, Area, ChronologyKinds.RelationshipAdded, summary);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db,
        [
            AccessRecord.By(actor, now, AccessAction.Changed, personId, "Relationship added: " + summary),
            AccessRecord.By(actor, now, AccessAction.Changed, relatedPersonId, "Relationship added: " + summary),
        ], ct);
        await tx.CommitAsync(ct);
        return rel;
    }

    /// <summary>Records a move: the new address becomes current and the previous one ends the day before.</summary>
    public async Task<Address?> AddAddressAsync(Actor actor, Guid personId, NewAddress address, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.AddPerson);
        await new NewAddressValidator(Today).ValidateAndThrowAsync(address, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await access.VisiblePeople(actor).AnyAsync(p => p.Id == personId, ct)) return null;
        var current = await db.Addresses.Where(a => a.PersonId == personId && a.To == null).ToListAsync(ct);
        foreach (var old in current.Where(a => a.From < address.From)) old.To = address.From.AddDays(-1);
        var added = address.ToAddress(personId);
        db.Addresses.Add(added);
        var now = Now;
        ChronologyWriter.Add(db, personId, now, now, actor, Area, ChronologyKinds.AddressAdded, $"Address from {address.From:d MMMM yyyy}: {added.OneLine}");
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, personId, "Address added: " + added.OneLine)], ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>A person added by mistake is never deleted: they are marked recorded in error, with the reason, and leave search.</summary>
    public async Task<bool> MarkRecordedInErrorAsync(Actor actor, Guid personId, string reason, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.MarkRecordedInError);
        if (string.IsNullOrWhiteSpace(reason)) throw Refuse.Invalid("Reason", "Enter why this record was created in error");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var person = await access.VisiblePeople(actor).FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) return false;
        var now = Now;
        person.RecordedInErrorAtUtc = now;
        person.RecordedInErrorReason = reason.Trim();
        ChronologyWriter.Add(db, personId, now, now, actor, Area, ChronologyKinds.RecordedInError, "Record marked as recorded in error: " + reason.Trim(), significant: true);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.RecordedInError, personId, "Person record", Json(new { reason }))], ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>"Before" for a new person: every field empty, so the log shows each value as added.</summary>
    private static readonly PersonDetails Nothing = new() { Sex = "", Ethnicity = "" };

    private static void Apply(Person p, PersonDetails d)
    {
        p.FirstName = d.FirstName; p.MiddleNames = d.MiddleNames; p.LastName = d.LastName;
        p.DateOfBirth = d.DateOfBirth; p.ExpectedDateOfBirth = d.ExpectedDateOfBirth; p.Sex = d.Sex; p.Gender = d.Gender;
        p.Ethnicity = d.Ethnicity; p.NhsNumber = d.NhsNumber; p.Upn = d.Upn; p.UpnUnknownReason = d.UpnUnknownReason; p.Notes = d.Notes;
        foreach (var code in d.Disabilities.Where(c => p.Disabilities.All(x => x.Code != c)))
            p.Disabilities.Add(new PersonDisability { PersonId = p.Id, Code = code });
    }

    /// <summary>The fields that differ, as JSON { field: [before, after] }; null when nothing changed.</summary>
    internal static string? Changes(PersonDetails before, PersonDetails after)
    {
        var diff = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var (name, b, a) in Fields(before, after))
            if (b != a) diff[name] = [b, a];
        return diff.Count == 0 ? null : Json(diff);
    }

    private static IEnumerable<string> ChangedFieldLabels(PersonDetails before, PersonDetails after) =>
        Fields(before, after).Where(f => f.Before != f.After).Select(f => FieldLabel(f.Name));

    private static IEnumerable<(string Name, string? Before, string? After)> Fields(PersonDetails b, PersonDetails a)
    {
        yield return (nameof(b.FirstName), b.FirstName, a.FirstName);
        yield return (nameof(b.MiddleNames), b.MiddleNames, a.MiddleNames);
        yield return (nameof(b.LastName), b.LastName, a.LastName);
        yield return (nameof(b.DateOfBirth), b.DateOfBirth?.ToString("yyyy-MM-dd"), a.DateOfBirth?.ToString("yyyy-MM-dd"));
        yield return (nameof(b.ExpectedDateOfBirth), b.ExpectedDateOfBirth?.ToString("yyyy-MM-dd"), a.ExpectedDateOfBirth?.ToString("yyyy-MM-dd"));
        yield return (nameof(b.Sex), b.Sex, a.Sex);
        yield return (nameof(b.Gender), b.Gender, a.Gender);
        yield return (nameof(b.Ethnicity), b.Ethnicity, a.Ethnicity);
        yield return (nameof(b.NhsNumber), b.NhsNumber, a.NhsNumber);
        yield return (nameof(b.Upn), b.Upn, a.Upn);
        yield return (nameof(b.UpnUnknownReason), b.UpnUnknownReason, a.UpnUnknownReason);
        yield return (nameof(b.Disabilities), string.Join(" ", b.Disabilities.Order()), string.Join(" ", a.Disabilities.Order()));
        yield return (nameof(b.Notes), b.Notes, a.Notes);
    }

    private static string FieldLabel(string name) => name switch
    {
        nameof(PersonDetails.FirstName) => "first name",
        nameof(PersonDetails.MiddleNames) => "middle names",
        nameof(PersonDetails.LastName) => "last name",
        nameof(PersonDetails.DateOfBirth) => "date of birth",
        nameof(PersonDetails.ExpectedDateOfBirth) => "expected date of birth",
        nameof(PersonDetails.NhsNumber) => "NHS number",
        nameof(PersonDetails.Upn) => "UPN",
        nameof(PersonDetails.UpnUnknownReason) => "reason UPN unknown",
        _ => name.ToLowerInvariant(),
    };

    private static string Json(object o) => JsonSerializer.Serialize(o);

}
