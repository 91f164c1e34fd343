using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// A few months of who looked at which child's record, so the access-history pages have something to show:
/// each child with an open case was viewed 5 to 30 times by their worker or the team manager. The entries
/// are chained and checkpointed exactly as the live system does it, so `safeguard audit verify` passes.
/// </summary>
internal sealed class AccessHistoryBuilder(Random rng, DateOnly asOf, DemoStaff staff)
{
    private static readonly string[] Pages = ["Person record", "Person record", "Person record", "Chronology", "Family and relationships"];

    // Each member of staff works from their own (made-up) office network address.
    private readonly Dictionary<StaffUser, string> _addresses =
        staff.Users.Select((u, n) => (u, n)).ToDictionary(x => x.u, x => $"10.44.{x.n / 250}.{(x.n % 250) + 1}");

    public List<AccessRecord> Records { get; } = [];

    public void AddViews(IReadOnlyList<Involvement> involvements, IReadOnlyDictionary<Guid, Person> people)
    {
        foreach (var i in involvements.Where(i => i.EndDate is null))
        {
            var person = people[i.PersonId];
            var manager = staff.Managers[i.Team!];
            var from = i.StartDate > asOf.AddDays(-120) ? i.StartDate : asOf.AddDays(-120);
            for (var k = rng.Next(5, 31); k > 0; k--)
            {
                var viewer = i.Worker is not null && rng.Chance(0.75) ? i.Worker : manager;
                var at = rng.WorkingMoment(rng.DayBetween(from, asOf.AddDays(-1)));
                if (at <= person.CreatedAtUtc) at = person.CreatedAtUtc.AddMinutes(rng.Next(5, 120));
                Add(viewer, at, AccessAction.Viewed, i.PersonId, rng.Pick(Pages));
            }
        }
    }

    public void Add(StaffUser user, DateTime atUtc, string action, Guid personId, string what, string? changes = null) =>
        Records.Add(new AccessRecord(atUtc, user.Id, user.DisplayName, action, personId, what, changes, _addresses[user]));

    /// <summary>Chains the records in time order after the log's current tail, with a sealed checkpoint every thousand.</summary>
    public (List<AccessLogEntry> Entries, List<AccessLogCheckpoint> Checkpoints) Link(AccessLogChain chain, long lastSequence, string lastHash)
    {
        var entries = chain.Link(lastSequence, lastHash, Records.OrderBy(r => r.AtUtc));
        var checkpoints = entries.Where(e => e.Sequence % AccessLogChain.CheckpointEvery == 0)
            .Select(e => new AccessLogCheckpoint { Sequence = e.Sequence, AtUtc = e.AtUtc, Hash = e.Hash, Seal = chain.SealOf(e.Sequence, e.Hash) })
            .ToList();
        return (entries, checkpoints);
    }
}
