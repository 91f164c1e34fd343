using Safeguard.Core.Access;
using Safeguard.Core.Data;

namespace Safeguard.Core.Chronology;

/// <summary>Adds an event to a person's chronology as part of the change that caused it.</summary>
public static class ChronologyWriter
{
    public static ChronologyEntry Add(SafeguardDbContext db, Guid personId, DateTime occurredAtUtc, DateTime recordedAtUtc, Actor actor,
        string area, string kind, string summary, bool significant = false, string? link = null)
    {
        var entry = new ChronologyEntry
        {
            PersonId = personId, OccurredAtUtc = occurredAtUtc, RecordedAtUtc = recordedAtUtc,
            RecordedBy = actor.DisplayName, Area = area, Kind = kind, Summary = summary, IsSignificant = significant, Link = link,
        };
        db.Chronology.Add(entry);
        return entry;
    }
}
