using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People.Codes;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The contact service's work: recording contacts, matching their children to records, screening, and telling
/// the referrer. The pages, the API, the command line and the CSV import all come through here.
/// </summary>
public sealed class ContactService(SafeguardDbContext db, RecordAccess access, AccessLogAppender appender, FrontDoorRules rules,
    WorkingDayCalendar calendar, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Contact> RecordAsync(Actor actor, NewContact input, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.RecordContact);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var logged = new List<AccessRecord>();
        var contact = await AddAsync(actor, input, new NewContactValidator(Now), logged, ct);
        await appender.AppendAsync(db, logged, ct);
        await tx.CommitAsync(ct);
        return contact;
    }

    /// <summary>Records many contacts in one transaction: all or none (the CSV import).</summary>
    public async Task<IReadOnlyList<Contact>> RecordAllAsync(Actor actor, IReadOnlyList<NewContact> inputs, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ImportContacts);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = new List<Contact>(inputs.Count);
        // One validator for the lot: building one compiles its rules, which costs more than checking a contact.
        var validator = new NewContactValidator(Now);
        // The access log is appended once for the lot: each append extends the log's hash chain under a lock.
        var logged = new List<AccessRecord>();
        foreach (var input in inputs)
        {
            added.Add(await AddAsync(actor, input, validator, logged, ct));
            // Each contact is saved by now: forget it, or every later save re-scans thousands of tracked entities.
            db.ChangeTracker.Clear();
        }
        await appender.AppendAsync(db, logged, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Saves one contact; what the access log must say of it is added to <paramref name="logged"/>.</summary>
    private async Task<Contact> AddAsync(Actor actor, NewContact input, NewContactValidator validator, List<AccessRecord> logged, CancellationToken ct)
    {
        var now = Now;
        input = input.Tidy();
        var partner = actor.Roles.Contains(Roles.PartnerAgencyUser) && !actor.Can(Capabilities.ViewChildRecord);
        if (partner)
        {
            // A partner cannot see records: they name the children, and the contact is from their agency.
            if (input.ChildIds.Count > 0) throw Refuse.Invalid("Children", "Name the children: partner agencies cannot choose from Safeguard's records");
            var agencyId = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.AgencyId).FirstOrDefaultAsync(ct)
                ?? throw new AccessDeniedException("Your account is not linked to a partner agency.");
            input = input with { Method = ContactMethod.PartnerPortal, ReferrerAgencyId = agencyId, ReferrerName = input.ReferrerName ?? actor.DisplayName };
        }
        await validator.ValidateAndThrowAsync(input, ct);
        if (input.ReferrerAgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency && a.IsActive, ct))
            throw Refuse.Invalid("ReferrerAgencyId", "Choose an agency from the list");

        var children = await access.VisiblePeople(actor).Where(p => input.ChildIds.Contains(p.Id) && p.RecordedInErrorAtUtc == null)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).ToListAsync(ct);
        if (children.Count != input.ChildIds.Count) throw Refuse.Invalid("Children", "One of the children chosen could not be found: search for them again");

        var contact = new Contact
        {
            Number = await db.NextNumberAsync("Contact", ct), ReceivedAtUtc = input.ReceivedAtUtc, Method = input.Method,
            SourceCode = input.SourceCode, ReferrerAgencyId = input.ReferrerAgencyId, ReferrerName = input.ReferrerName,
            ReferrerRole = input.ReferrerRole, ReferrerContactDetails = input.ReferrerContactDetails, Concerns = input.Concerns,
            ReferrerRequest = input.ReferrerRequest, Consent = input.Consent, ConsentReason = input.ConsentReason, PoliceRag = input.PoliceRag,
            ScreeningDueAtUtc = rules.ScreeningDue(input.ReceivedAtUtc, calendar), RecordedAtUtc = now,
            RecordedById = actor.UserId, RecordedByName = actor.DisplayName,
        };
        contact.Factors.AddRange(input.FactorCodes.Select(code => new ContactFactor { Code = code }));
        foreach (var id in input.ChildIds) contact.Children.Add(new ContactChild { PersonId = id });
        foreach (var r in input.ReportedChildren)
            contact.Children.Add(new ContactChild { ReportedName = r.Name.Trim(), ReportedDateOfBirth = r.DateOfBirth, ReportedAddress = r.Address?.Trim() });
        await CheckChildrenAsync(contact, contact.Children.Where(c => c.PersonId is not null).ToList(), ct);
        contact.Stage = Route(contact);
        db.Contacts.Add(contact);
        var source = FrontDoorCodes.ReferralSource.Label(contact.SourceCode) ?? contact.SourceCode;
        foreach (var child in contact.Children.Where(c => c.PersonId is not null))
            WriteReceived(contact, child, source, actor, now);
        await db.SaveChangesAsync(ct);
        logged.AddRange(contact.Children.Where(c => c.PersonId is not null)
            .Select(c => AccessRecord.By(actor, now, AccessAction.Created, c.PersonId, $"Contact {contact.Reference}",
                JsonSerializer.Serialize(new { source = contact.SourceCode, received = contact.ReceivedAtUtc, stage = contact.Stage.ToString() }))));
        return contact;
    }

    /// <summary>Sets each matched child's flags: an open case (new information for its worker) and an earlier referral (possible repeat).</summary>
    private async Task CheckChildrenAsync(Contact contact, List<ContactChild> matched, CancellationToken ct)
    {
        if (matched.Count == 0) return;
        var ids = matched.Select(c => c.PersonId!.Value).ToList();
        var open = await OpenCases.FindAsync(db, ids, ct);
        var contactDate = DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(contact.ReceivedAtUtc, TimeSpan.Zero)));
        var earlier = await OpenCases.EarlierReferralsAsync(db, ids, contactDate, rules.RepeatReferralMonths, ct);
        foreach (var child in matched)
        {
            var id = child.PersonId!.Value;
            child.EarlierReferralId = earlier.TryGetValue(id, out var referralId) ? referralId : null;
            if (open.TryGetValue(id, out var openCase))
            {
                child.HadOpenCase = true;
                child.NewInformationForUserId = openCase.WorkerId;
                child.NewInformationForTeamId = openCase.WorkerId is null ? openCase.TeamId : null;
            }
        }
    }

    /// <summary>A contact whose every child has an open case needs no screening: it is new information for their workers.</summary>
    private static ContactStage Route(Contact contact) =>
        contact.Children.Count > 0 && contact.Children.All(c => c.HadOpenCase) ? ContactStage.NewInformation : ContactStage.AwaitingScreening;

    private void WriteReceived(Contact contact, ContactChild child, string source, Actor actor, DateTime now)
    {
        var summary = $"Contact {contact.Reference} from {source}{(contact.ReferrerName is null ? "" : $" ({contact.ReferrerName})")}: {Shorten(contact.Concerns)}";
        if (child.EarlierReferralId is not null) summary += " Possible repeat referral: referred within the last 12 months.";
        ChronologyWriter.Add(db, child.PersonId!.Value, contact.ReceivedAtUtc, now, actor, FrontDoorChronology.Area,
            child.HadOpenCase ? FrontDoorChronology.NewInformation : FrontDoorChronology.ContactReceived, summary, significant: true);
    }

    internal static string Shorten(string text, int max = 300) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>Matches a child the referrer named to a record (or adds a child of the household to the contact).</summary>
    public async Task<Contact?> MatchChildAsync(Actor actor, int contactId, Guid version, int? contactChildId, Guid personId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ScreenContact);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contact = await LoadForChangeAsync(contactId, version, ct);
        if (contact is null) return null;
        if (contact.Stage != ContactStage.AwaitingScreening) throw Refuse.Invalid("PersonId", "This contact has been screened: its children can no longer change");
        var person = await access.VisiblePeople(actor).Where(p => p.Id == personId && p.RecordedInErrorAtUtc == null)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).FirstOrDefaultAsync(ct)
            ?? throw Refuse.Invalid("PersonId", "That person could not be found: search again");
        if (contact.Children.Any(c => c.PersonId == personId)) throw Refuse.Invalid("PersonId", $"{person.FirstName} {person.LastName} is already on this contact");
        ContactChild child;
        if (contactChildId is null)
        {
            if (contact.Children.Count >= NewContactValidator.MaxChildren) throw Refuse.Invalid("PersonId", "This contact already has as many children as it can");
            child = new ContactChild { PersonId = personId };
            contact.Children.Add(child);
        }
        else
        {
            child = contact.Children.FirstOrDefault(c => c.Id == contactChildId && c.PersonId is null)
                ?? throw Refuse.Invalid("PersonId", "That child has already been matched");
            child.PersonId = personId;
        }
        await CheckChildrenAsync(contact, [child], ct);
        contact.Stage = Route(contact);
        var now = Now;
        WriteReceived(contact, child, FrontDoorCodes.ReferralSource.Label(contact.SourceCode) ?? contact.SourceCode, actor, now);
        await SaveAsync(contact, ct);
        await appender.AppendAsync(db, [AccessRecord.By(actor, now, AccessAction.Changed, personId, $"Contact {contact.Reference}: child matched to this record")], ct);
        await tx.CommitAsync(ct);
        return contact;
    }

    public sealed record Screening(ScreeningOutcome Outcome, string Reason, int? ToTeamId = null, string? PrimaryNeedCode = null, DateTime? DecidedAtUtc = null);

    /// <summary>The contact service's decision. A referral opens each child's episode; the MASH opens a MASH case on the contact's clock.</summary>
    public async Task<Contact?> ScreenAsync(Actor actor, int contactId, Guid version, Screening decision, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ScreenContact);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contact = await LoadForChangeAsync(contactId, version, ct);
        if (contact is null) return null;
        if (!await AllChildrenVisibleAsync(actor, contact, ct)) return null;
        if (contact.Stage != ContactStage.AwaitingScreening)
            throw Refuse.Invalid("Outcome", contact.Stage == ContactStage.NewInformation
                ? "Every child on this contact has an open case: it has gone to their allocated workers as new information"
                : "This contact has already been screened");
        if (contact.Children.Any(c => c.PersonId is null)) throw Refuse.Invalid("Children", "Match every child to a record before screening");
        if (string.IsNullOrWhiteSpace(decision.Reason)) throw Refuse.Invalid("Reason", "Enter the reason for the decision");
        if (decision.Reason.Length > 4000) throw Refuse.Invalid("Reason", "The reason must be 4,000 characters or fewer");
        var now = Now;
        var decidedAt = decision.DecidedAtUtc ?? now;
        if (decidedAt < contact.ReceivedAtUtc) throw Refuse.Invalid("DecidedAtUtc", "The decision cannot be before the contact was received");
        if (decidedAt > now.AddMinutes(5)) throw Refuse.Invalid("DecidedAtUtc", "The decision cannot be in the future");

        contact.ScreeningOutcome = decision.Outcome;
        contact.ScreeningReason = decision.Reason.Trim();
        contact.ScreenedAtUtc = decidedAt;
        contact.ScreenedById = actor.UserId;
        contact.ScreenedByName = actor.DisplayName;
        contact.Stage = decision.Outcome == ScreeningOutcome.Mash ? ContactStage.WithMash : ContactStage.Closed;
        await SaveAsync(contact, ct);
        switch (decision.Outcome)
        {
            case ScreeningOutcome.EarlyHelp:
                var earlyHelp = await Episodes.TeamForAsync(db, decision.ToTeamId, earlyHelp: true, ct);
                contact.ToTeamId = earlyHelp.Id;
                Episodes.StartEarlyHelp(db, contact, earlyHelp, decidedAt, actor, FrontDoorChronology.Area);
                break;
            case ScreeningOutcome.Referral:
                var need = decision.PrimaryNeedCode ?? "";
                if (!FrontDoorCodes.PrimaryNeed.IsValid(need)) throw Refuse.Invalid("PrimaryNeedCode", "Choose the child's primary need");
                var team = await Episodes.TeamForAsync(db, decision.ToTeamId, earlyHelp: false, ct);
                contact.ToTeamId = team.Id;
                await Episodes.OpenReferralsAsync(db, contact, team, need, noFurtherAction: false, strategyDiscussion: false, decidedAt, actor, FrontDoorChronology.Area, ct);
                break;
            case ScreeningOutcome.Mash:
                db.MashCases.Add(new MashCase
                {
                    ContactId = contact.Id, StartedAtUtc = decidedAt,
                    DueAtUtc = rules.MashDue(contact.ReceivedAtUtc, null, contact.PoliceRag, calendar),
                });
                break;
        }
        var summary = $"Contact {contact.Reference} screened: {Contact.Label(decision.Outcome)}. {Shorten(contact.ScreeningReason)}";
        foreach (var child in contact.Children)
            ChronologyWriter.Add(db, child.PersonId!.Value, decidedAt, now, actor, FrontDoorChronology.Area, FrontDoorChronology.Screened, summary);
        await db.SaveChangesAsync(ct);
        await appender.AppendAsync(db, contact.Children.Select(c => AccessRecord.By(actor, now, AccessAction.Changed, c.PersonId,
            $"Contact {contact.Reference}: screening decision", JsonSerializer.Serialize(new { outcome = decision.Outcome.ToString(), reason = contact.ScreeningReason }))).ToList(), ct);
        await tx.CommitAsync(ct);
        return contact;
    }

    /// <summary>Records that the referrer was told the outcome, and how.</summary>
    public async Task<Contact?> RecordReferrerToldAsync(Actor actor, int contactId, Guid version, DateOnly toldOn, string how, CancellationToken ct = default)
    {
        if (!actor.Can(Capabilities.ScreenContact) && !actor.Can(Capabilities.DecideMashCase)) Refuse.Unless(actor, Capabilities.ScreenContact);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contact = await LoadForChangeAsync(contactId, version, ct);
        if (contact is null) return null;
        if (contact.Stage != ContactStage.Closed) throw Refuse.Invalid("ToldOn", "Tell the referrer once the contact has been decided");
        var decided = DecidedOn(contact);
        if (toldOn < decided) throw Refuse.Invalid("ToldOn", $"The date the referrer was told cannot be before the decision ({decided:d MMMM yyyy})");
        if (toldOn > calendar.Today) throw Refuse.Invalid("ToldOn", "The date the referrer was told cannot be in the future");
        if (string.IsNullOrWhiteSpace(how)) throw Refuse.Invalid("How", "Say how the referrer was told (for example by phone, or by email)");
        contact.ReferrerToldOn = toldOn;
        contact.ReferrerToldHow = how.Trim().Length > 200 ? how.Trim()[..200] : how.Trim();
        var now = Now;
        foreach (var child in contact.Children.Where(c => c.PersonId is not null))
            ChronologyWriter.Add(db, child.PersonId!.Value, now, now, actor, FrontDoorChronology.Area, FrontDoorChronology.ReferrerTold,
                $"The referrer was told the outcome of contact {contact.Reference} on {toldOn:d MMMM yyyy} ({contact.ReferrerToldHow})");
        await SaveAsync(contact, ct);
        await appender.AppendAsync(db, contact.Children.Where(c => c.PersonId is not null).Select(c =>
            AccessRecord.By(actor, now, AccessAction.Changed, c.PersonId, $"Contact {contact.Reference}: referrer told")).ToList(), ct);
        await tx.CommitAsync(ct);
        return contact;
    }

    /// <summary>The allocated worker (or their team manager) has read new information about a child on their caseload.</summary>
    public async Task<bool> MarkNewInformationReadAsync(Actor actor, int contactChildId, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var teamId = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TeamId).FirstOrDefaultAsync(ct);
        var child = await db.ContactChildren.FirstOrDefaultAsync(c => c.Id == contactChildId && c.NewInformationReadAtUtc == null
            && (c.NewInformationForUserId == actor.UserId || (c.NewInformationForTeamId != null && c.NewInformationForTeamId == teamId && actor.Can(Capabilities.ViewTeamCaseload))), ct);
        if (child is null) return false;
        child.NewInformationReadAtUtc = Now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    internal static DateOnly DecidedOn(Contact contact)
    {
        var at = contact.ScreeningOutcome == ScreeningOutcome.Mash ? null : contact.ScreenedAtUtc;
        return DateOnly.FromDateTime(WorkingDayCalendar.ToUkTime(new DateTimeOffset(at ?? contact.ReceivedAtUtc, TimeSpan.Zero)));
    }

    private async Task<Contact?> LoadForChangeAsync(int contactId, Guid version, CancellationToken ct)
    {
        var contact = await db.Contacts.Include(c => c.Children).FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return null;
        if (contact.Version != version) throw Conflict(contact);
        db.Entry(contact).Property(c => c.Version).OriginalValue = version;
        return contact;
    }

    private async Task<bool> AllChildrenVisibleAsync(Actor actor, Contact contact, CancellationToken ct)
    {
        var ids = contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        return await access.VisiblePeople(actor).CountAsync(p => ids.Contains(p.Id), ct) == ids.Count;
    }

    private async Task SaveAsync(Contact contact, CancellationToken ct)
    {
        try
        {
            db.Entry(contact).State = db.Entry(contact).State == EntityState.Unchanged ? EntityState.Modified : db.Entry(contact).State;
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict(contact);
        }
    }

    private static ConcurrencyConflictException Conflict(Contact contact) =>
        new($"Contact {contact.Reference} was changed by someone else while you were working on it. Nothing you entered has been saved: check the contact and try again.");
}
