using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// What the front door's pages and the API read: a contact, a MASH case, the contact queue and the MASH
/// dashboard. Opening a contact or a case logs a view of each child on it; a restricted child hides the whole
/// contact from anyone not allowed to see them.
/// </summary>
public sealed class FrontDoorQueries(SafeguardDbContext db, RecordAccess access, AccessLogQueue queue, FrontDoorRules rules, TimeProvider clock)
{
    public sealed record ChildOnContact(int ContactChildId, Guid? PersonId, string Name, string? SafeguardId, DateOnly? DateOfBirth,
        string? ReportedName, DateOnly? ReportedDateOfBirth, string? ReportedAddress,
        bool HadOpenCase, string? NewInformationFor, DateTime? NewInformationReadAtUtc,
        EarlierReferral? EarlierReferral, IReadOnlyList<PossibleDuplicate> PossibleDuplicates, int? ReferralId);

    public sealed record EarlierReferral(int ReferralId, DateOnly ReferralDate, int ContactId, string ContactReference, bool NoFurtherAction);

    public sealed record PossibleDuplicate(int ContactId, string Reference, DateTime ReceivedAtUtc, string SourceCode, string? ReferrerName,
        ContactStage Stage, string Concerns);

    public sealed record ContactView(Contact Contact, IReadOnlyList<ChildOnContact> Children, string? AgencyName, string? ToTeamName,
        int? MashCaseId, IReadOnlyList<AttachmentSummary> Attachments);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A contact with its children and their flags, or null if it does not exist or hides a restricted child.</summary>
    public async Task<ContactView?> ContactAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewChildRecord);
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Children).Include(c => c.Factors)
            .Include(c => c.ReferrerAgency).Include(c => c.ToTeam).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return null;
        var ids = contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).ToList();
        var people = await access.VisiblePeople(actor).AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Number, p.FirstName, p.LastName, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, ct);
        if (people.Count != ids.Count)
        {
            await queue.EnqueueAsync(AccessRecord.By(actor, Now, AccessAction.Refused, ids.First(i => !people.ContainsKey(i)), $"Contact {contact.Reference} (restricted)"), ct);
            return null;
        }

        var earlierIds = contact.Children.Where(c => c.EarlierReferralId is not null).Select(c => c.EarlierReferralId!.Value).ToList();
        var earlier = await db.Referrals.AsNoTracking().Where(r => earlierIds.Contains(r.Id))
            .Join(db.Contacts, r => r.ContactId, c => c.Id, (r, c) => new { r.Id, r.ReferralDate, r.ContactId, c.Number, r.NoFurtherAction })
            .ToDictionaryAsync(r => r.Id, ct);
        var duplicates = await DuplicatesAsync(contact, ids, ct);
        var workerIds = contact.Children.Select(c => c.NewInformationForUserId).OfType<string>().Distinct().ToList();
        var workers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var teamIds = contact.Children.Select(c => c.NewInformationForTeamId).OfType<int>().Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);

        var children = contact.Children.OrderBy(c => c.Id).Select(c =>
        {
            var p = c.PersonId is { } pid ? people[pid] : null;
            var e = c.EarlierReferralId is { } rid && earlier.TryGetValue(rid, out var r)
                ? new EarlierReferral(r.Id, r.ReferralDate, r.ContactId, Contact.Format(r.Number), r.NoFurtherAction) : null;
            var forWhom = c.NewInformationForUserId is { } u ? workers.GetValueOrDefault(u) : c.NewInformationForTeamId is { } t ? teams.GetValueOrDefault(t) + " (manager)" : null;
            return new ChildOnContact(c.Id, c.PersonId, p is null ? c.ReportedName ?? "Unnamed child" : $"{p.FirstName} {p.LastName}",
                p is null ? null : Person.FormatNumber(p.Number), p?.DateOfBirth, c.ReportedName, c.ReportedDateOfBirth, c.ReportedAddress,
                c.HadOpenCase, forWhom, c.NewInformationReadAtUtc, e,
                c.PersonId is { } id2 && duplicates.TryGetValue(id2, out var d) ? d : [], c.ReferralId);
        }).ToList();

        var mashId = await db.MashCases.Where(m => m.ContactId == id).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.ContactId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentSummary(a.Id, a.FileName, a.ContentType, a.Length, a.UploadedAtUtc, a.UploadedByName)).ToListAsync(ct);
        var now = Now;
        foreach (var pid in ids) await queue.EnqueueAsync(AccessRecord.By(actor, now, AccessAction.Viewed, pid, $"Contact {contact.Reference}"), ct);
        return new ContactView(contact, children, contact.ReferrerAgency?.Name, contact.ToTeam?.Name, mashId, files);
    }

    /// <summary>Other contacts about the same children within the council's window either side (default 5 days).</summary>
    private async Task<Dictionary<Guid, List<PossibleDuplicate>>> DuplicatesAsync(Contact contact, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var from = contact.ReceivedAtUtc.AddDays(-rules.DuplicateWindowDays);
        var to = contact.ReceivedAtUtc.AddDays(rules.DuplicateWindowDays);
        var rows = await db.ContactChildren.AsNoTracking()
            .Where(cc => cc.PersonId != null && ids.Contains(cc.PersonId.Value) && cc.ContactId != contact.Id)
            .Join(db.Contacts, cc => cc.ContactId, c => c.Id, (cc, c) => new { cc.PersonId, c })
            .Where(x => x.c.ReceivedAtUtc >= from && x.c.ReceivedAtUtc <= to)
            .Select(x => new { x.PersonId, x.c.Id, x.c.Number, x.c.ReceivedAtUtc, x.c.SourceCode, x.c.ReferrerName, x.c.Stage, x.c.Concerns })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(r => r.ReceivedAtUtc)
            .Select(r => new PossibleDuplicate(r.Id, Contact.Format(r.Number), r.ReceivedAtUtc, r.SourceCode, r.ReferrerName, r.Stage, r.Concerns)).ToList());
    }

    public sealed record RequestLine(InformationRequest Request, string AgencyName, IReadOnlyList<AttachmentSummary> Attachments)
    {
        public bool IsLate(DateTime nowUtc) => Request.AnsweredAtUtc is { } at ? at > Request.DueAtUtc : Request.WithdrawnAtUtc is null && nowUtc > Request.DueAtUtc;
    }

    public sealed record MashCaseView(MashCase Case, ContactView Contact, IReadOnlyList<RagRating> Ratings, IReadOnlyList<RequestLine> Requests, string? ToTeamName);

    /// <summary>A MASH case with its contact, ratings and requests; null if missing or hiding a restricted child.</summary>
    public async Task<MashCaseView?> MashCaseAsync(Actor actor, int id, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewFrontDoor);
        var mash = await db.MashCases.AsNoTracking().Include(m => m.Ratings).Include(m => m.Requests).ThenInclude(r => r.Agency)
            .Include(m => m.ToTeam).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mash is null) return null;
        var contact = await ContactAsync(actor, mash.ContactId, ct);
        if (contact is null) return null;
        var requestIds = mash.Requests.Select(r => (int?)r.Id).ToList();
        var files = await db.Attachments.AsNoTracking().Where(a => requestIds.Contains(a.InformationRequestId)).OrderBy(a => a.Id)
            .Select(a => new { a.InformationRequestId, Summary = new AttachmentSummary(a.Id, a.FileName, a.ContentType, a.Length, a.UploadedAtUtc, a.UploadedByName) })
            .ToListAsync(ct);
        var requests = mash.Requests.OrderBy(r => r.SentAtUtc).Select(r => new RequestLine(r, r.Agency.Name,
            files.Where(f => f.InformationRequestId == r.Id).Select(f => f.Summary).ToList())).ToList();
        return new MashCaseView(mash, contact, mash.Ratings.OrderBy(r => r.RatedAtUtc).ThenBy(r => r.Id).ToList(), requests, mash.ToTeam?.Name);
    }

    public sealed record QueueRow(int ContactId, string Reference, DateTime ReceivedAtUtc, DateTime DueAtUtc, string SourceCode, string? ReferrerName,
        ContactMethod Method, IReadOnlyList<string> Children, bool NeedsMatching, bool PossibleRepeat);

    /// <summary>The contact service's queue: contacts awaiting screening, soonest due first, one page at a time.</summary>
    public async Task<(List<QueueRow> Rows, int Total, int Overdue)> ContactQueueAsync(Actor actor, int page, int pageSize, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewFrontDoor);
        var now = Now;
        var waiting = db.Contacts.AsNoTracking().Where(c => c.Stage == ContactStage.AwaitingScreening);
        var total = await waiting.CountAsync(ct);
        var overdue = await waiting.CountAsync(c => c.ScreeningDueAtUtc < now, ct);
        var contacts = await waiting.OrderBy(c => c.ScreeningDueAtUtc).ThenBy(c => c.Id).Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .Select(c => new { c.Id, c.Number, c.ReceivedAtUtc, c.ScreeningDueAtUtc, c.SourceCode, c.ReferrerName, c.Method }).ToListAsync(ct);
        var names = await ChildNamesAsync(actor, contacts.Select(c => c.Id).ToList(), ct);
        return (contacts.Select(c =>
        {
            var n = names.GetValueOrDefault(c.Id) ?? new ChildNames([], false, false);
            return new QueueRow(c.Id, Contact.Format(c.Number), c.ReceivedAtUtc, c.ScreeningDueAtUtc, c.SourceCode, c.ReferrerName, c.Method,
                n.Names, n.NeedsMatching, n.PossibleRepeat);
        }).ToList(), total, overdue);
    }

    public sealed record ChildNames(List<string> Names, bool NeedsMatching, bool PossibleRepeat);

    /// <summary>The children's names on each contact, for lists. A child this person may not see shows as "Restricted record".</summary>
    public async Task<Dictionary<int, ChildNames>> ChildNamesAsync(Actor actor, List<int> contactIds, CancellationToken ct)
    {
        if (contactIds.Count == 0) return [];
        var visible = access.VisiblePeople(actor);
        var rows = await db.ContactChildren.AsNoTracking().Where(cc => contactIds.Contains(cc.ContactId))
            .Select(cc => new
            {
                cc.ContactId, cc.Id, cc.PersonId, cc.ReportedName, cc.EarlierReferralId,
                Name = visible.Where(p => p.Id == cc.PersonId).Select(p => p.FirstName + " " + p.LastName).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.GroupBy(r => r.ContactId).ToDictionary(g => g.Key, g => new ChildNames(
            g.OrderBy(r => r.Id).Select(r => r.PersonId is null ? (r.ReportedName ?? "Unnamed child") + " (not matched)" : r.Name ?? "Restricted record").ToList(),
            g.Any(r => r.PersonId is null), g.Any(r => r.EarlierReferralId is not null)));
    }

    public sealed record MashRow(int CaseId, int ContactId, string Reference, DateTime ReceivedAtUtc, DateTime DueAtUtc, Rag? InitialRag, Rag? CurrentRag,
        Rag? PoliceRag, string? WorkerName, IReadOnlyList<string> Children, int RequestsOutstanding, int RequestsLate, int RequestsAnswered);

    public sealed record RagCount(Rag? Rating, int Open, int Breached);

    /// <summary>Every open MASH case by due time (at most <paramref name="take"/>), with counts by rating and breaches.</summary>
    public async Task<(List<MashRow> Rows, List<RagCount> Counts)> MashDashboardAsync(Actor actor, int take = 500, string? workerId = null, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ViewFrontDoor);
        var now = Now;
        var open = db.MashCases.AsNoTracking().Where(m => m.DecidedAtUtc == null);
        var counts = await open.GroupBy(m => m.CurrentRag)
            .Select(g => new { Rating = g.Key, Open = g.Count(), Breached = g.Count(m => m.DueAtUtc < now) }).ToListAsync(ct);
        if (workerId is not null) open = open.Where(m => m.WorkerId == workerId);
        var cases = await open.OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id).Take(take)
            .Select(m => new
            {
                m.Id, m.ContactId, m.Contact.Number, m.Contact.ReceivedAtUtc, m.DueAtUtc, m.InitialRag, m.CurrentRag, m.Contact.PoliceRag, m.WorkerName,
                Outstanding = m.Requests.Count(r => r.AnsweredAtUtc == null && r.WithdrawnAtUtc == null),
                Late = m.Requests.Count(r => r.WithdrawnAtUtc == null && (r.AnsweredAtUtc == null ? r.DueAtUtc < now : r.AnsweredAtUtc > r.DueAtUtc)),
                Answered = m.Requests.Count(r => r.AnsweredAtUtc != null),
            }).ToListAsync(ct);
        var names = await ChildNamesAsync(actor, cases.Select(c => c.ContactId).ToList(), ct);
        var rows = cases.Select(c => new MashRow(c.Id, c.ContactId, Contact.Format(c.Number), c.ReceivedAtUtc, c.DueAtUtc, c.InitialRag, c.CurrentRag,
            c.PoliceRag, c.WorkerName, names.GetValueOrDefault(c.ContactId)?.Names ?? [], c.Outstanding, c.Late, c.Answered)).ToList();
        var ordered = new Rag?[] { null, Rag.RedImminentDanger, Rag.Red, Rag.Amber, Rag.Green, Rag.Blue }
            .Select(r => new RagCount(r, counts.FirstOrDefault(c => c.Rating == r)?.Open ?? 0, counts.FirstOrDefault(c => c.Rating == r)?.Breached ?? 0)).ToList();
        return (rows, ordered);
    }

    /// <summary>Time left until a due moment, in words a worker can scan: "2 h 15 min left", "overdue by 3 h".</summary>
    public static string TimeLeft(DateTime dueUtc, DateTime nowUtc)
    {
        var span = dueUtc - nowUtc;
        var late = span < TimeSpan.Zero;
        var abs = late ? -span : span;
        var text = abs.TotalDays >= 2 ? $"{(int)abs.TotalDays} days"
            : abs.TotalHours >= 1 ? $"{(int)abs.TotalHours} h {abs.Minutes} min"
            : $"{Math.Max(0, (int)abs.TotalMinutes)} min";
        return late ? $"overdue by {text}" : $"{text} left";
    }
}
