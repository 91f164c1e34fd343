using System.Text.Json;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.DemoBorough;

/// <summary>The front door's rows: contacts and what became of them, numbered in the order the system would have numbered them.</summary>
internal sealed class DemoFrontDoor
{
    public List<Contact> Contacts { get; } = [];
    public List<ContactChild> ContactChildren { get; } = [];
    public List<ContactFactor> ContactFactors { get; } = [];
    public List<MashCase> MashCases { get; } = [];
    public List<RagRating> RagRatings { get; } = [];
    public List<InformationRequest> Requests { get; } = [];
    public List<Referral> Referrals { get; } = [];
    public List<Consultation> Consultations { get; } = [];

    /// <summary>Numbers contacts in the order they were typed in (the contact number is taken then), with their children and factors.</summary>
    public void NumberContacts()
    {
        var ordered = Contacts.OrderBy(c => c.RecordedAtUtc).ThenBy(c => c.ReceivedAtUtc).ToList();
        Contacts.Clear();
        Contacts.AddRange(ordered);
        for (var i = 0; i < Contacts.Count; i++) Contacts[i].Id = Contacts[i].Number = i + 1;
        ContactChildren.Clear();
        ContactFactors.Clear();
        foreach (var c in Contacts)
        {
            foreach (var child in c.Children) { child.ContactId = c.Id; child.Id = ContactChildren.Count + 1; ContactChildren.Add(child); }
            foreach (var f in c.Factors) { f.ContactId = c.Id; f.Id = ContactFactors.Count + 1; ContactFactors.Add(f); }
        }
    }

    /// <summary>Numbers everything else in the order it was created, and fills in the keys that point at it.</summary>
    public void NumberTheRest()
    {
        Renumber(MashCases, m => m.StartedAtUtc, (m, id) => { m.Id = id; m.ContactId = m.Contact.Id; });
        foreach (var m in MashCases)
        {
            foreach (var r in m.Ratings) r.MashCaseId = m.Id;
            foreach (var r in m.Requests) r.MashCaseId = m.Id;
        }
        Renumber(RagRatings, r => r.RatedAtUtc, (r, id) => r.Id = id);
        Renumber(Requests, r => r.SentAtUtc, (r, id) => r.Id = id);
        Renumber(Consultations, c => c.ReceivedAtUtc, (c, id) => c.Id = id);
        Renumber(Referrals, r => r.CreatedAtUtc, (r, id) => r.Id = id);
        foreach (var (child, referral) in ReferralOf) child.ReferralId = referral.Id;
        foreach (var r in Referrals) r.ContactId = ContactOf[r].Id;
    }

    public Dictionary<ContactChild, Referral> ReferralOf { get; } = [];
    public Dictionary<Referral, Contact> ContactOf { get; } = [];

    private static void Renumber<T>(List<T> rows, Func<T, DateTime> by, Action<T, int> set)
    {
        var ordered = rows.OrderBy(by).ToList();
        rows.Clear();
        rows.AddRange(ordered);
        for (var i = 0; i < rows.Count; i++) set(rows[i], i + 1);
    }

    public List<(string What, int Count)> Counts(DateOnly asOf, DateTime dayOne)
    {
        var yearAgo = FrontDoorClock.At(asOf.AddYears(-1), 0);
        var open = MashCases.Where(m => m.DecidedAtUtc is null).ToList();
        var outstanding = Requests.Where(r => r.AnsweredAtUtc is null && r.WithdrawnAtUtc is null).ToList();
        return
        [
            ("Contacts (two years)", Contacts.Count),
            ("  in the last year", Contacts.Count(c => c.ReceivedAtUtc >= yearAgo)),
            ("  awaiting screening", Contacts.Count(c => c.Stage == ContactStage.AwaitingScreening)),
            ("    overdue", Contacts.Count(c => c.Stage == ContactStage.AwaitingScreening && c.ScreeningDueAtUtc < dayOne)),
            ("  new information for allocated workers", Contacts.Count(c => c.Stage == ContactStage.NewInformation)),
            ("    unread", ContactChildren.Count(c => c.HadOpenCase && c.NewInformationReadAtUtc is null)),
            ("MASH cases", MashCases.Count),
            ("  in the last year", MashCases.Count(m => m.Contact.ReceivedAtUtc >= yearAgo)),
            ("  open", open.Count),
            ("    past their due time", open.Count(m => m.DueAtUtc < dayOne)),
            ("Information requests to partners", Requests.Count),
            ("  outstanding", outstanding.Count),
            ("    late", outstanding.Count(r => r.DueAtUtc < dayOne)),
            ("Referrals to children's social care", Referrals.Count),
            ("  in the last year", Referrals.Count(r => r.ReferralDate >= asOf.AddYears(-1))),
            ("Consultations", Consultations.Count),
        ];
    }
}

/// <summary>Writes what the services write beside each front-door step: a chronology entry and an access log entry for each child.</summary>
internal sealed class FrontDoorRecorder(ChronologyBuilder chronology, AccessHistoryBuilder access)
{
    public void Note(IEnumerable<Guid> children, DateTime occurredUtc, DateTime recordedUtc, StaffUser by, string kind, string summary, bool significant = false)
    {
        foreach (var id in children) chronology.Add(id, occurredUtc, recordedUtc, by.DisplayName, FrontDoorChronology.Area, kind, summary, significant);
    }

    public void Log(IEnumerable<Guid> children, StaffUser by, DateTime atUtc, string action, string what, object? changes = null)
    {
        var json = changes is null ? null : JsonSerializer.Serialize(changes);
        foreach (var id in children) access.Add(by, atUtc, action, id, what, json);
    }
}
