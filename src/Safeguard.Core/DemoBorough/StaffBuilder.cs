using Safeguard.Core.Access;
using Safeguard.Core.People;
using Safeguard.Core.People.Search;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Builds Northmoor's teams, staff and partner agencies. Teams that hold cases get enough workers for the
/// borough's caseload at their caseload capacity; every team has one manager.
/// </summary>
internal sealed class StaffBuilder(Random rng, int scale, DateOnly asOf, string passwordHash)
{
    public const string Domain = "northmoor.example";

    private sealed record TeamSpec(TeamKind Kind, string Name, int Count, int Workers, string WorkerRole, string ManagerRole,
        string[] Titles, string ManagerTitle);

    private static readonly string[] SocialWorkerTitles =
        ["Social worker", "Social worker", "Social worker", "Senior social worker", "Senior social worker", "Advanced practitioner", "Newly qualified social worker"];

    // Workers = 0 means "enough for the caseload" (see WorkersFor).
    private static readonly TeamSpec[] Specs =
    [
        new(TeamKind.ContactService, "Contact service", 1, 6, Roles.ContactServiceWorker, Roles.TeamManager, ["Contact officer", "Senior contact officer"], "Contact service manager"),
        new(TeamKind.Mash, "MASH", 1, 8, Roles.MashWorker, Roles.MashManager, ["MASH social worker", "MASH practitioner"], "MASH team manager"),
        new(TeamKind.Assessment, "Assessment team", 3, 0, Roles.SocialWorker, Roles.TeamManager, SocialWorkerTitles, "Team manager"),
        new(TeamKind.ChildInNeed, "Child in need team", 3, 0, Roles.SocialWorker, Roles.TeamManager, SocialWorkerTitles, "Team manager"),
        new(TeamKind.ChildProtection, "Child protection team", 2, 0, Roles.SocialWorker, Roles.TeamManager, SocialWorkerTitles, "Team manager"),
        new(TeamKind.LookedAfter, "Children looked after team", 2, 0, Roles.SocialWorker, Roles.TeamManager, SocialWorkerTitles, "Team manager"),
        new(TeamKind.LeavingCare, "Leaving care team", 1, 0, Roles.SocialWorker, Roles.TeamManager, ["Personal adviser", "Personal adviser", "Senior personal adviser"], "Team manager"),
        new(TeamKind.EarlyHelp, "Early help team", 2, 0, Roles.EarlyHelpWorker, Roles.TeamManager, ["Early help practitioner", "Family support worker", "Senior early help practitioner"], "Early help team manager"),
        new(TeamKind.EmergencyDuty, "Emergency duty team", 1, 5, Roles.EmergencyDutyWorker, Roles.TeamManager, ["Emergency duty social worker"], "Emergency duty team manager"),
        new(TeamKind.IndependentReviewing, "Independent reviewing officers", 1, 8, Roles.ConferenceChair, Roles.TeamManager, ["Independent reviewing officer", "Child protection conference chair"], "IRO team manager"),
        new(TeamKind.Lado, "LADO", 1, 2, Roles.Lado, Roles.Lado, ["Local authority designated officer"], "Principal LADO"),
        new(TeamKind.Partnership, "Safeguarding partnership", 1, 4, Roles.PartnershipOfficer, Roles.PartnershipOfficer, ["Partnership officer", "Training coordinator", "Partnership data officer"], "Partnership business manager"),
        new(TeamKind.QualityAssurance, "Quality assurance", 1, 3, Roles.QaOfficer, Roles.QaOfficer, ["Quality assurance officer", "Practice auditor"], "Head of quality assurance"),
        new(TeamKind.Performance, "Performance and intelligence", 1, 3, Roles.PerformanceAnalyst, Roles.PerformanceAnalyst, ["Performance analyst", "Data officer"], "Performance and intelligence manager"),
        new(TeamKind.Administration, "Digital and systems", 1, 3, Roles.Administrator, Roles.Administrator, ["Systems administrator", "Systems support officer"], "Digital and systems manager"),
    ];

    /// <summary>Where each well-known demo user works: the first worker (or the manager) of the first team of a kind.</summary>
    private static readonly Dictionary<string, (TeamKind Kind, bool Manager)> WellKnownPlaces = new()
    {
        [Roles.ContactServiceWorker] = (TeamKind.ContactService, false),
        [Roles.MashWorker] = (TeamKind.Mash, false),
        [Roles.MashManager] = (TeamKind.Mash, true),
        [Roles.SocialWorker] = (TeamKind.ChildInNeed, false),
        [Roles.TeamManager] = (TeamKind.ChildInNeed, true),
        [Roles.EmergencyDutyWorker] = (TeamKind.EmergencyDuty, false),
        [Roles.EarlyHelpWorker] = (TeamKind.EarlyHelp, false),
        [Roles.ConferenceChair] = (TeamKind.IndependentReviewing, false),
        [Roles.Lado] = (TeamKind.Lado, false),
        [Roles.PartnershipOfficer] = (TeamKind.Partnership, false),
        [Roles.QaOfficer] = (TeamKind.QualityAssurance, false),
        [Roles.PerformanceAnalyst] = (TeamKind.Performance, false),
        [Roles.Administrator] = (TeamKind.Administration, false),
    };

    private readonly DemoStaff _staff = new();
    private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);

    public DemoStaff Build(DemoPlaces places)
    {
        foreach (var spec in Specs) AddTeams(spec);
        AddServiceManagers();
        AddAgencies(places);
        return _staff;
    }

    private void AddTeams(TeamSpec spec)
    {
        var count = spec.Count * scale;
        var workers = spec.Workers > 0 ? spec.Workers * scale : WorkersFor(spec.Kind);
        for (var i = 0; i < count; i++)
        {
            var team = new Team
            {
                Id = _staff.Teams.Count + 1, Name = count > 1 ? $"{spec.Name} {i + 1}" : spec.Name,
                Kind = spec.Kind, CaseloadCapacity = DemoVolumes.Capacity(spec.Kind),
            };
            _staff.Teams.Add(team);
            var first = i == 0;
            var manager = AddUser(team, spec.ManagerRole, spec.ManagerTitle, first ? WellKnownFor(spec.Kind, manager: true) : null);
            _staff.Managers[team] = manager;
            _staff.Workers[team] = [];
            _staff.Leavers[team] = [];
            var size = workers / count + (i < workers % count ? 1 : 0);
            for (var w = 0; w < size; w++)
            {
                var user = AddUser(team, spec.WorkerRole, rng.Pick(spec.Titles), first && w == 0 ? WellKnownFor(spec.Kind, manager: false) : null);
                _staff.Workers[team].Add(user);
                if (spec.Kind is TeamKind.ContactService or TeamKind.Mash) _staff.FrontDoor.Add(user);
            }
            // Teams that hold cases have had a leaver or two: their names stay on closed cases.
            if (DemoVolumes.Capacity(spec.Kind) is not null)
            {
                var leaver = AddUser(team, spec.WorkerRole, rng.Pick(spec.Titles), null);
                leaver.IsActive = false;
                _staff.Leavers[team].Add(leaver);
            }
        }
    }

    /// <summary>Enough case holders for the borough's open cases of this kind, each a little under capacity on average.</summary>
    private int WorkersFor(TeamKind kind)
    {
        var open = Enum.GetValues<InvolvementKind>().Where(k => DemoVolumes.TeamFor(k) == kind).Sum(DemoVolumes.OpenTarget) * scale;
        return (int)Math.Ceiling(open / (DemoVolumes.Capacity(kind)!.Value * 0.95));
    }

    private static DemoSignIn? WellKnownFor(TeamKind kind, bool manager) =>
        WellKnownPlaces.FirstOrDefault(p => p.Value == (kind, manager)).Key is { } role ? SignInFor(role) : null;

    /// <summary>The well-known sign-in of a role (for the partner role, the police one).</summary>
    private static DemoSignIn SignInFor(string role) => DemoBoroughGenerator.SignIns.First(s => s.Role == role);

    private static DemoSignIn SignInAt(string mailbox) => DemoBoroughGenerator.SignIns.Single(s => s.Email.StartsWith(mailbox + "@", StringComparison.Ordinal));

    private void AddServiceManagers()
    {
        string[] areas = ["front door and assessment", "children in need and protection", "children looked after and care leavers", "early help"];
        for (var i = 0; i < areas.Length * scale; i++)
        {
            var title = $"Service manager, {areas[i % areas.Length]}" + (scale > 1 ? $" (area {i / areas.Length + 1})" : "");
            _staff.ServiceManagers.Add(AddUser(null, Roles.ServiceManager, title, i == 0 ? SignInFor(Roles.ServiceManager) : null));
        }
    }

    private void AddAgencies(DemoPlaces places)
    {
        var police = AddAgency("Northmoor Police (Safeguarding Hub)", AgencyKind.Police);
        AddPartner(police, "Detective sergeant, Safeguarding Hub", SignInAt("partner-police"));
        for (var i = 0; i < 2 * scale; i++) AddPartner(police, rng.Pick(["Detective constable, Safeguarding Hub", "Police constable, MASH"]));
        var hospital = AddAgency("Northmoor Hospitals NHS Trust", AgencyKind.Health);
        AddPartner(hospital, "Named nurse for safeguarding children", SignInAt("partner-health"));
        for (var i = 0; i < 2 * scale; i++) AddPartner(hospital, rng.Pick(["Named nurse for safeguarding children", "Safeguarding midwife"]));
        var community = AddAgency("Northmoor Community Health", AgencyKind.Health);
        for (var i = 0; i < 2 * scale; i++) AddPartner(community, rng.Pick(["Health visitor", "School nurse"]));
        for (var i = 0; i < 10 * scale; i++)
        {
            var gp = AddAgency($"{places.NextPlace()} {rng.Pick(["Surgery", "Medical Centre", "Health Centre", "Medical Practice"])}", AgencyKind.Health);
            if (i % 5 == 0) AddPartner(gp, "GP safeguarding lead");
        }
        for (var i = 0; i < 50 * scale; i++)
        {
            var name = i % 5 == 4
                ? $"{places.NextPlace()} {rng.Pick(["Academy", "School", "High School", "Community College"])}"
                : $"{places.NextPlace()} {rng.Pick(["Primary School", "Primary School", "Infant School", "Junior School", "Primary Academy"])}";
            var school = AddAgency(name, AgencyKind.Education);
            if (i % 5 == 0) AddPartner(school, "Designated safeguarding lead", i == 0 ? SignInAt("partner-school") : null);
        }
        AddPartner(AddAgency("Probation Service (Northmoor)", AgencyKind.Probation), "Probation officer");
        AddPartner(AddAgency("Northmoor Homes", AgencyKind.Housing), "Housing officer");
        string[] voluntary = ["Northmoor Family Support Network", "Northmoor Young Carers Project", "Northmoor Domestic Abuse Service"];
        foreach (var v in voluntary)
        {
            var agency = AddAgency(v, AgencyKind.Voluntary);
            if (v == voluntary[0]) AddPartner(agency, "Family support worker");
        }
    }

    private Agency AddAgency(string name, AgencyKind kind)
    {
        var agency = new Agency { Id = _staff.Agencies.Count + 1, Name = name, Kind = kind };
        _staff.Agencies.Add(agency);
        return agency;
    }

    private void AddPartner(Agency agency, string title, DemoSignIn? known = null)
    {
        var domain = agency.Kind switch
        {
            AgencyKind.Police => "police." + Domain,
            AgencyKind.Health => "nhs." + Domain,
            AgencyKind.Education => "schools." + Domain,
            AgencyKind.Probation => "probation." + Domain,
            AgencyKind.Housing => "homes." + Domain,
            _ => "vcs." + Domain,
        };
        var user = AddUser(null, Roles.PartnerAgencyUser, title, known, domain);
        user.AgencyId = agency.Id;
        if (known is not null) _staff.KnownPartners.Add(user);
    }

    private StaffUser AddUser(Team? team, string role, string title, DemoSignIn? known, string domain = Domain)
    {
        var (name, email) = known is not null ? (known.DisplayName, known.Email) : NewPerson(domain);
        _emails.Add(email);
        var user = new StaffUser
        {
            Id = rng.NextGuid().ToString(), DisplayName = name, JobTitle = title, TeamId = team?.Id,
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = rng.Base32(32), ConcurrencyStamp = rng.NextGuid().ToString(),
            LockoutEnabled = true, TwoFactorEnabled = true,
            CreatedAtUtc = rng.WorkingMoment(asOf.AddDays(-(known is not null ? 400 : rng.Next(30, 3000)))),
        };
        _staff.Users.Add(user);
        _staff.AddRole(user, role);
        // The first well-known sign-in of a role (for partners, the police one) is the role's.
        if (known is not null) _staff.WellKnown.TryAdd(known.Role, user);
        return user;
    }

    /// <summary>A fictional member of staff: a random first name and surname, and first.last@ an unused address.</summary>
    private (string Name, string Email) NewPerson(string domain)
    {
        var group = DemoNames.GroupFor(FamilyBuilder.PickEthnicity(rng), rng);
        var first = DemoNames.FirstName(rng, group, rng.Chance(0.75) ? "F" : "M", child: false);   // most social care staff are women
        var last = DemoNames.Surname(rng, group);
        var local = $"{Slug(first)}.{Slug(last)}";
        var email = $"{local}@{domain}";
        for (var n = 2; _emails.Contains(email); n++) email = $"{local}{n}@{domain}";
        return ($"{first} {last}", email);
    }

    /// <summary>Plain a-z letters only, so "Mikołaj O'Brien" still gives a simple address.</summary>
    private static string Slug(string name) =>
        new(SearchKeys.Normalise(name).Where(c => c is >= 'a' and <= 'z').ToArray());
}
