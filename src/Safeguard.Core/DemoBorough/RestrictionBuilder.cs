using System.Text.Json;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// A handful of restricted records, each owned by a service manager and naming the child's worker and team
/// manager. The first is owned by the well-known demo service manager and held by a team the demo social
/// worker is not in, so a demo can show the same record open for one and refused to the other.
/// </summary>
internal sealed class RestrictionBuilder(Random rng, DateOnly asOf, DemoStaff staff)
{
    private static readonly string[] Reasons =
        ["Staff member's family", "Staff member's family", "High-profile case: press interest", "A relative works for the council",
         "Family member is a councillor", "Victim of a serious crime: identity protected"];

    /// <summary>The earliest a restriction was made, in days before the as-of date.</summary>
    public const int LatestDaysAgo = 300;

    public List<RecordRestriction> Restrictions { get; } = [];
    public Guid DemoPersonId { get; private set; }

    /// <summary>
    /// Restricts a few children; none named on a contact in the last <see cref="LatestDaysAgo"/> days, because only
    /// the restriction's members could have recorded or worked a contact about them once it was restricted.
    /// </summary>
    public void Build(IReadOnlyList<Involvement> involvements, IReadOnlyDictionary<Guid, Person> people, int count,
        ChronologyBuilder chronology, AccessHistoryBuilder access, IReadOnlySet<Guid> recentlyContacted)
    {
        var demoWorker = staff.WellKnown[Roles.SocialWorker];
        var candidates = involvements
            .Where(i => i.EndDate is null && i.Worker is not null && i.TeamId != demoWorker.TeamId && !recentlyContacted.Contains(i.PersonId)
                && i.Kind is InvolvementKind.ChildProtection or InvolvementKind.ChildInNeed or InvolvementKind.LookedAfter
                && people[i.PersonId].DateOfBirth is not null)
            .OrderBy(i => i.Kind == InvolvementKind.ChildProtection ? 0 : 1).ThenBy(_ => rng.Next())
            .DistinctBy(i => i.PersonId)
            .Take(count)
            .ToList();
        var memberId = 0;
        foreach (var i in candidates)
        {
            var first = Restrictions.Count == 0;
            var owner = first ? staff.WellKnown[Roles.ServiceManager] : rng.Pick(staff.ServiceManagers);
            var person = people[i.PersonId];
            var created = rng.WorkingMoment(asOf.AddDays(-rng.Next(20, LatestDaysAgo)));
            if (created <= person.CreatedAtUtc) created = person.CreatedAtUtc.AddHours(1);
            var restriction = new RecordRestriction
            {
                Id = Restrictions.Count + 1, PersonId = person.Id, Reason = first ? Reasons[0] : rng.Pick(Reasons),
                OwnerUserId = owner.Id, CreatedAtUtc = created,
            };
            var members = new List<StaffUser> { owner, i.Worker!, staff.Managers[i.Team!] };
            if (rng.Chance(0.4)) members.Add(rng.Pick(staff.Workers[staff.TeamsOf(TeamKind.IndependentReviewing).First()]));
            foreach (var m in members.Distinct())
                restriction.Members.Add(new RestrictionMember { Id = ++memberId, RestrictionId = restriction.Id, UserId = m.Id });
            Restrictions.Add(restriction);
            person.IsRestricted = true;
            if (first) DemoPersonId = person.Id;

            chronology.Add(person.Id, created, owner.DisplayName, ChronologyKinds.Restricted, "Record restricted", significant: true);
            access.Add(owner, created, AccessAction.Restricted, person.Id, "Restriction",
                JsonSerializer.Serialize(new { reason = restriction.Reason, members = restriction.Members.Select(m => m.UserId) }));
        }
    }
}
