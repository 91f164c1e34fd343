using Safeguard.Core.Access;
using Safeguard.Core.Chronology;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Decides when each person was added and by whom, numbers people in that order (SG-0000001 is the first
/// person ever added), and writes the chronology entries the system would have written at the time.
/// </summary>
internal sealed class ChronologyBuilder(Random rng, DateOnly asOf, DemoStaff staff)
{
    public const string Area = "People";

    public List<ChronologyEntry> Entries { get; } = [];

    /// <summary>
    /// Adds everyone. A person first named on a contact (<paramref name="firstContacts"/>: when it was typed in) is
    /// added just before it, unless a case or the family's history added them earlier.
    /// </summary>
    public void AddPeople(DemoFamilies families, IReadOnlyList<Involvement> involvements, IReadOnlyDictionary<Guid, DateTime> firstContacts)
    {
        var firstCase = new Dictionary<Guid, DateOnly>();
        foreach (var i in involvements)
            if (!firstCase.TryGetValue(i.PersonId, out var d) || i.StartDate < d) firstCase[i.PersonId] = i.StartDate;

        var lastDay = asOf.AddDays(-1);
        foreach (var h in families.Households)
        {
            // One front-door worker added the family; children born later were added after their birth.
            var by = rng.Pick(staff.FrontDoor).DisplayName;
            foreach (var p in h.Members)
            {
                var day = h.FirstKnown;
                if (p.DateOfBirth is { } dob && dob > day) day = Earlier(dob.AddDays(rng.Next(0, 60)), lastDay);
                if (p.ExpectedDateOfBirth is { } due) day = Earlier(Later(day, due.AddDays(-rng.Next(60, 200))), lastDay);
                if (firstCase.TryGetValue(p.Id, out var first) && first < day) day = first;
                // Mornings, so the person exists before any case opened for them that day; and before the contact
                // that first named them was typed in.
                p.CreatedAtUtc = rng.WorkingMoment(day, fromHour: 8.5, hours: 3);
                if (firstContacts.TryGetValue(p.Id, out var contact) && FrontDoorClock.UkDate(contact) <= day)
                    p.CreatedAtUtc = Earlier(p.CreatedAtUtc, contact.AddSeconds(-rng.Next(120, 900)));
                p.CreatedBy = by;
            }
        }

        var ordered = families.People.OrderBy(p => p.CreatedAtUtc).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var p = ordered[n];
            p.Number = n + 1;
            Add(p.Id, p.CreatedAtUtc, p.CreatedBy, ChronologyKinds.PersonAdded, $"{p.FullName} added to Safeguard as {p.SafeguardId}");
        }

        // A relationship is recorded when the later of the two people is added.
        var byId = families.People.ToDictionary(p => p.Id);
        foreach (var r in families.Relationships)
        {
            var (a, b) = (byId[r.PersonId], byId[r.RelatedPersonId]);
            var later = a.CreatedAtUtc >= b.CreatedAtUtc ? a : b;
            r.CreatedAtUtc = later.CreatedAtUtc;
            r.CreatedBy = later.CreatedBy;
        }
    }

    /// <summary><paramref name="firstWorker"/>: who held each case when it began (a later reallocation may have moved it since).</summary>
    public void AddInvolvements(IReadOnlyList<Involvement> involvements, Func<Involvement, StaffUser?> firstWorker)
    {
        foreach (var i in involvements)
        {
            var label = Involvement.Label(i.Kind);
            var worker = firstWorker(i);
            var by = (worker ?? staff.Managers[i.Team!]).DisplayName;
            var significant = i.Kind is InvolvementKind.ChildProtection or InvolvementKind.LookedAfter;
            var allocated = worker is null ? "awaiting allocation" : $"allocated to {worker.DisplayName}";
            Add(i.PersonId, rng.WorkingMoment(i.StartDate, fromHour: 12, hours: 5), by, ChronologyKinds.InvolvementStarted,
                $"{label} started: {i.Team!.Name}, {allocated}", significant);
            if (i.EndDate is { } end)
                Add(i.PersonId, rng.WorkingMoment(end, fromHour: 12, hours: 5), by, ChronologyKinds.InvolvementEnded, $"{label} ended", significant);
        }
    }

    public void Add(Guid personId, DateTime atUtc, string by, string kind, string summary, bool significant = false) =>
        Add(personId, atUtc, atUtc, by, Area, kind, summary, significant);

    /// <summary>An entry from another area (the front door), which may be recorded after it happened.</summary>
    public void Add(Guid personId, DateTime occurredUtc, DateTime recordedUtc, string by, string area, string kind, string summary, bool significant) =>
        Entries.Add(new ChronologyEntry
        {
            PersonId = personId, OccurredAtUtc = occurredUtc, RecordedAtUtc = recordedUtc, RecordedBy = by, Area = area, Kind = kind,
            Summary = summary, IsSignificant = significant,
        });

    /// <summary>Numbers the entries in time order, as they would have been written.</summary>
    public List<ChronologyEntry> Numbered()
    {
        var ordered = Entries.OrderBy(e => e.OccurredAtUtc).ToList();
        for (var n = 0; n < ordered.Count; n++) ordered[n].Id = n + 1;
        return ordered;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
