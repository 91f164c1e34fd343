using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using PersonKeys = Safeguard.Core.People.NameKeys;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// The borough as rows, table by table, with their keys numbered, ready to write in an order the foreign
/// keys accept.
/// </summary>
internal sealed class DemoRows
{
    public List<IdentityRole> Roles { get; } = [];
    public List<Team> Teams { get; }
    public List<Agency> Agencies { get; }
    public List<StaffUser> Users { get; }
    public List<IdentityUserRole<string>> UserRoles { get; private set; } = [];
    public List<IdentityUserToken<string>> Tokens { get; }
    public List<Person> People { get; }
    public List<PersonName> PersonNames { get; }
    public List<PersonDisability> Disabilities { get; }
    public List<PersonNameKey> NameKeys { get; }
    public List<Address> Addresses { get; }
    public List<Relationship> Relationships { get; }
    public List<Involvement> Involvements { get; }
    public List<ChronologyEntry> Chronology { get; }
    public List<RecordRestriction> Restrictions { get; }
    public List<RestrictionMember> RestrictionMembers { get; }
    public List<AccessLogEntry> AccessLog { get; }
    public List<AccessLogCheckpoint> Checkpoints { get; }
    public DemoFrontDoor FrontDoor { get; }
    public DemoSocialWork SocialWork { get; }
    public DemoChildProtection ChildProtection { get; }

    public DemoRows(DemoStaff staff, DemoFamilies families, List<Involvement> involvements, List<ChronologyEntry> chronology,
        List<RecordRestriction> restrictions, List<AccessLogEntry> accessLog, List<AccessLogCheckpoint> checkpoints, DemoFrontDoor frontDoor,
        DemoSocialWork socialWork, DemoChildProtection childProtection)
    {
        FrontDoor = frontDoor;
        SocialWork = socialWork;
        ChildProtection = childProtection;
        (Teams, Agencies, Users) = (staff.Teams, staff.Agencies, staff.Users);
        Tokens = staff.Users.Select(DemoIdentity.AuthenticatorKey).ToList();
        People = families.People.OrderBy(p => p.Number).ToList();
        PersonNames = People.SelectMany(p => p.PreviousNames).ToList();
        for (var i = 0; i < PersonNames.Count; i++) PersonNames[i].Id = i + 1;
        Disabilities = People.SelectMany(p => p.Disabilities).ToList();
        for (var i = 0; i < Disabilities.Count; i++) Disabilities[i].Id = i + 1;
        Addresses = People.SelectMany(p => p.Addresses).ToList();
        for (var i = 0; i < Addresses.Count; i++) Addresses[i].Id = i + 1;
        // Name keys are built after previous names and aliases are set, so those are searchable too.
        NameKeys = People.SelectMany(PersonKeys.For).ToList();
        for (var i = 0; i < NameKeys.Count; i++) NameKeys[i].Id = i + 1;
        Relationships = families.Relationships.OrderBy(r => r.CreatedAtUtc).ToList();
        for (var i = 0; i < Relationships.Count; i++) Relationships[i].Id = i + 1;
        Involvements = involvements;
        Chronology = chronology;
        Restrictions = restrictions;
        RestrictionMembers = restrictions.SelectMany(r => r.Members).ToList();
        AccessLog = accessLog;
        Checkpoints = checkpoints;
    }

    public void SetRoles(DemoStaff staff, Dictionary<string, string> roleIds) =>
        UserRoles = staff.UserRoles.Select(x => new IdentityUserRole<string> { UserId = x.User.Id, RoleId = roleIds[x.Role] }).ToList();

    public async Task WriteAsync(SafeguardDbContext db, CancellationToken ct)
    {
        await using var w = await BulkWriter.BeginAsync(db, ct);
        await w.WriteAsync(Roles, ct);
        await w.WriteAsync(Teams, ct);
        await w.WriteAsync(Agencies, ct);
        await w.WriteAsync(Users, ct);
        await w.WriteAsync(UserRoles, ct);
        await w.WriteAsync(Tokens, ct);
        await w.WriteAsync(People, ct);
        await w.WriteAsync(PersonNames, ct);
        await w.WriteAsync(Disabilities, ct);
        await w.WriteAsync(NameKeys, ct);
        await w.WriteAsync(Addresses, ct);
        await w.WriteAsync(Relationships, ct);
        await w.WriteAsync(Involvements, ct);
        await w.WriteAsync(FrontDoor.Contacts, ct);
        await w.WriteAsync(FrontDoor.ContactChildren, ct);
        await w.WriteAsync(FrontDoor.ContactFactors, ct);
        await w.WriteAsync(FrontDoor.MashCases, ct);
        await w.WriteAsync(FrontDoor.RagRatings, ct);
        await w.WriteAsync(FrontDoor.Requests, ct);
        await w.WriteAsync(FrontDoor.Referrals, ct);
        await w.WriteAsync(FrontDoor.Consultations, ct);
        await SocialWork.WriteAsync(w, ct);
        await ChildProtection.WriteAsync(w, ct);
        await w.WriteAsync(Chronology, ct);
        await w.WriteAsync(Restrictions, ct);
        await w.WriteAsync(RestrictionMembers, ct);
        await w.WriteAsync(AccessLog, ct);
        await w.WriteAsync(Checkpoints, ct);
        // The next Safeguard ID and contact number after the ones written here.
        await w.ExecuteAsync("DELETE FROM \"NumberSequences\" WHERE \"Name\" IN ('Person', 'Contact')", ct);
        await w.WriteAsync([new NumberSequence { Name = "Person", Next = People.Count + 1 },
            new NumberSequence { Name = "Contact", Next = FrontDoor.Contacts.Count == 0 ? 1 : FrontDoor.Contacts.Max(c => c.Number) + 1 }], ct);
        await w.CommitAsync(ct);
    }

    public List<(string What, int Count)> Counts(DateOnly asOf, DateTime dayOne)
    {
        var children = People.Count(p => p.AgeOn(asOf) < 18);
        var unborn = People.Count(p => p.IsUnborn);
        var careLeavers = Involvements.Where(i => i.Kind == InvolvementKind.CareLeaver).Select(i => i.PersonId).Distinct().Count();
        var open = Involvements.Where(i => i.EndDate is null).ToList();
        var counts = new List<(string, int)>
        {
            ("Teams", Teams.Count), ("Partner agencies", Agencies.Count), ("Users (staff and partners)", Users.Count),
            ("People", People.Count), ("  children under 18", children), ("  unborn children", unborn),
            ("  care leavers (18 to 25)", careLeavers), ("  adults", People.Count - children - unborn - careLeavers),
            ("Previous names and aliases", PersonNames.Count), ("Disabilities", Disabilities.Count), ("Name search keys", NameKeys.Count),
            ("Addresses", Addresses.Count), ("Relationships", Relationships.Count), ("Involvements", Involvements.Count),
        };
        foreach (var kind in Enum.GetValues<InvolvementKind>())
            if (open.Any(i => i.Kind == kind)) counts.Add(($"  open: {Involvement.Label(kind)}", open.Count(i => i.Kind == kind)));
        counts.Add(("  closed", Involvements.Count - open.Count));
        counts.Add(("  open, awaiting allocation", open.Count(i => i.WorkerId is null)));
        counts.AddRange(FrontDoor.Counts(asOf, dayOne));
        counts.AddRange(SocialWork.Counts(asOf));
        counts.AddRange(ChildProtection.Counts(asOf));
        counts.Add(("Chronology entries", Chronology.Count));
        counts.Add(("Restricted records", Restrictions.Count));
        counts.Add(("Access log entries", AccessLog.Count));
        return counts;
    }
}
