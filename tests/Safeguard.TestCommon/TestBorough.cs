using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.TestCommon;

/// <summary>
/// A small, known world for page, API and browser tests: one user per role, a family (the Khans), and a
/// restricted child. Built through the same Core services the app uses, so the chronology and log are real.
/// </summary>
public sealed class TestBorough
{
    public const string Password = "test-password-123";
    public static readonly DateOnly Today = new(2026, 11, 23);

    public Dictionary<string, TestUser> Users { get; } = [];
    public Guid Aisha { get; private set; }
    public Guid Yusuf { get; private set; }
    public Guid Mother { get; private set; }
    public Guid Restricted { get; private set; }
    public int TeamId { get; private set; }
    public int PoliceId { get; private set; }
    public int HealthId { get; private set; }
    public int SchoolId { get; private set; }
    public int AssessmentTeamId { get; private set; }
    public int EarlyHelpTeamId { get; private set; }

    public static string EmailFor(string role) => role.ToLowerInvariant() + "@test.example";

    public static async Task<TestBorough> SeedAsync(IServiceProvider services)
    {
        var borough = new TestBorough();
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SafeguardDbContext>();
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var (role, _) in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var team = new Team { Name = "Child in need team 1", Kind = TeamKind.ChildInNeed, CaseloadCapacity = 18 };
        var police = new Agency { Name = "Test Police", Kind = AgencyKind.Police };
        var assessment = new Team { Name = "Assessment team 1", Kind = TeamKind.Assessment, CaseloadCapacity = 18 };
        var earlyHelp = new Team { Name = "First Stop Early Help", Kind = TeamKind.EarlyHelp };
        var health = new Agency { Name = "Test Health Trust", Kind = AgencyKind.Health };
        var school = new Agency { Name = "Test Primary School", Kind = AgencyKind.Education };
        db.Teams.AddRange(team, assessment, earlyHelp);
        db.Agencies.AddRange(police, health, school);
        await db.SaveChangesAsync();
        borough.TeamId = team.Id;
        borough.PoliceId = police.Id;
        borough.HealthId = health.Id;
        borough.SchoolId = school.Id;
        borough.AssessmentTeamId = assessment.Id;
        borough.EarlyHelpTeamId = earlyHelp.Id;

        var admin = sp.GetRequiredService<StaffAdministration>();
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var system = Actor.System("test borough");
        foreach (var (role, label) in Roles.All)
        {
            var partner = role == Roles.PartnerAgencyUser;
            var user = await admin.CreateAsync(system, new StaffInput(EmailFor(role), "Test " + label, null,
                partner ? null : team.Id, partner ? police.Id : null, [role]), Password);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            borough.Users[role] = new TestUser(user.Id, EmailFor(role), "Test " + label, role, (await users.GetAuthenticatorKeyAsync(user))!);
        }

        var people = sp.GetRequiredService<PeopleService>();
        var worker = borough.Users[Roles.SocialWorker].Actor;
        var home = new NewAddress("14 Larkspur Road", null, "Northmoor", "ZZ1 4AB", new DateOnly(2020, 5, 1));
        var aisha = await people.AddAsync(worker, new PersonDetails
        {
            FirstName = "Aisha", LastName = "Khan", DateOfBirth = new DateOnly(2016, 2, 14), Sex = "F", Ethnicity = "APKN",
            NhsNumber = "943 476 5919", UpnUnknownReason = "UN6",
        }, home);
        var yusuf = await people.AddAsync(worker, new PersonDetails
        {
            FirstName = "Yusuf", LastName = "Khan", DateOfBirth = new DateOnly(2019, 7, 3), Sex = "M", Ethnicity = "APKN",
        }, home);
        var mother = await people.AddAsync(worker, new PersonDetails
        {
            FirstName = "Samina", LastName = "Khan", DateOfBirth = new DateOnly(1990, 9, 30), Sex = "F", Ethnicity = "APKN",
        }, home);
        await people.AddRelationshipAsync(worker, aisha.Id, yusuf.Id, RelationshipType.SiblingOf, false, null);
        await people.AddRelationshipAsync(worker, mother.Id, aisha.Id, RelationshipType.ParentOf, true, null);
        await people.AddRelationshipAsync(worker, mother.Id, yusuf.Id, RelationshipType.ParentOf, true, null);

        var restricted = await people.AddAsync(worker, new PersonDetails
        {
            FirstName = "Rowan", LastName = "Hidden", DateOfBirth = new DateOnly(2012, 1, 9), Sex = "M", Ethnicity = "WBRI",
        });
        var manager = borough.Users[Roles.TeamManager].Actor;
        await sp.GetRequiredService<RestrictionService>().RestrictAsync(manager, restricted.Id, "Staff member's family", []);

        (borough.Aisha, borough.Yusuf, borough.Mother, borough.Restricted) = (aisha.Id, yusuf.Id, mother.Id, restricted.Id);
        return borough;
    }
}

public sealed record TestUser(string Id, string Email, string Name, string Role, string AuthenticatorKey)
{
    public Actor Actor => new(Id, Name, [Role], "test");
    public string CurrentCode() => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(AuthenticatorKey)).ComputeTotp();
}
