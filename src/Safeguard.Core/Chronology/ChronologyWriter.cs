using Safeguard.Core.Access;
using Safeguard.Core.Data;

namespace Safeguard.Core.Chronology;

/// <summary>Adds an event to a person's chronology as part of the change that caused it.</summary>
public static class ChronologyWriter
{
    public static void Add(SafeguardDbContext db, Guid personId, DateTime occurredAtUtc, DateTime recordedAtUtc, Actor actor,
        string area, string kind, string summary, bool significant = false) =>
        db.Chronology.Add(new ChronologyEntry
        {
            PersonId = personId, OccurredAtUtc = occurredAtUtc, RecordedAtUtc = recordedAtUtc,
            RecordedBy = actor.DisplayName, Area = area, Kind = kind, Summary = summary, IsSignificant = significant,
        });
}
