using Safeguard.Core.Access;
using Safeguard.Core.Calendar;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Core.DemoBorough;

/// <summary>Who made a contact and how it arrived. A partner user set means they typed it into their own view.</summary>
internal sealed record Referrer(string SourceCode, ContactMethod Method, Agency? Agency, string? Name, string? Role, string? Details,
    Rag? PoliceRag, StaffUser? PartnerUser);

/// <summary>
/// Northmoor's referrers: who contacts the front door (police most, then health, then schools, then everyone
/// else; DOMAIN.md), when their contacts arrive, and from which of StaffBuilder's partner agencies.
/// </summary>
internal sealed class FrontDoorReferrers
{
    /// <summary>DfE referral sources and their shares of contacts. Family, public and anonymous callers are about one in ten.</summary>
    public static readonly (string Code, double Weight)[] Sources =
    [
        ("6", 30), ("3A", 3.5), ("3B", 4), ("3C", 2), ("3D", 2), ("3E", 5), ("3F", 3.5), ("2A", 17), ("2B", 2),
        ("1A", 4.5), ("1B", 1.5), ("1C", 1), ("1D", 0.7), ("9", 2.5), ("10", 0.3), ("4", 3),
        ("5A", 2.5), ("5B", 2.5), ("5C", 1), ("5D", 2), ("7", 2.5), ("8", 4),
    ];

    private readonly Random _rng;
    private readonly WorkingDayCalendar _calendar;
    private readonly Agency _police, _hospital, _community;
    private readonly List<Agency> _gps, _schools, _voluntary;
    private readonly Agency? _probation, _housing;
    private readonly Dictionary<int, List<StaffUser>> _partners;

    public FrontDoorReferrers(Random rng, DemoStaff staff, WorkingDayCalendar calendar)
    {
        (_rng, _calendar) = (rng, calendar);
        _police = staff.Agencies.First(a => a.Kind == AgencyKind.Police);
        _hospital = staff.Agencies.First(a => a.Name.Contains("Hospitals", StringComparison.Ordinal));
        _community = staff.Agencies.First(a => a.Name.Contains("Community Health", StringComparison.Ordinal));
        _gps = staff.Agencies.Where(a => a.Kind == AgencyKind.Health && a != _hospital && a != _community).ToList();
        _schools = staff.Agencies.Where(a => a.Kind == AgencyKind.Education).ToList();
        _voluntary = staff.Agencies.Where(a => a.Kind == AgencyKind.Voluntary).ToList();
        _probation = staff.Agencies.FirstOrDefault(a => a.Kind == AgencyKind.Probation);
        _housing = staff.Agencies.FirstOrDefault(a => a.Kind == AgencyKind.Housing);
        _partners = staff.Users.Where(u => u.AgencyId is not null).GroupBy(u => u.AgencyId!.Value).ToDictionary(g => g.Key, g => g.ToList());
    }

    public Agency Police => _police;

    public IReadOnlyList<StaffUser> PartnersOf(Agency agency) => _partners.GetValueOrDefault(agency.Id) ?? [];

    /// <summary>Agencies of a kind whose staff can answer the MASH (they have a partner sign-in).</summary>
    public List<Agency> Answering(AgencyKind kind) => kind switch
    {
        AgencyKind.Police => [_police],
        AgencyKind.Health => new[] { _hospital, _community }.Concat(_gps).Where(a => _partners.ContainsKey(a.Id)).ToList(),
        AgencyKind.Education => _schools.Where(a => _partners.ContainsKey(a.Id)).ToList(),
        AgencyKind.Probation => _probation is not null && _partners.ContainsKey(_probation.Id) ? [_probation] : [],
        AgencyKind.Housing => _housing is not null && _partners.ContainsKey(_housing.Id) ? [_housing] : [],
        _ => _voluntary.Where(a => _partners.ContainsKey(a.Id)).ToList(),
    };

    /// <summary>The ages a source sees: health visitors under-fives, schools and school nurses children of school age.</summary>
    public static (int Min, int Max) Ages(string source) => source switch
    {
        "3B" => (0, 4),
        "2A" or "3C" or "2B" => (4, 17),
        "1C" => (10, 17),
        _ => (0, 17),
    };

    /// <summary>Whether this source makes contacts on this day (schools not at weekends or in August, say), at random.</summary>
    public bool Works(string source, DateOnly day)
    {
        var working = _calendar.IsWorkingDay(day);
        return source switch
        {
            "6" or "3E" => working || _rng.Chance(0.85),
            "1A" or "1B" or "1C" or "1D" or "9" or "10" => working || _rng.Chance(0.6),
            "2A" => working && (day.Month != 8 || _rng.Chance(0.1)) && !(day.Month == 12 && day.Day > 22),
            _ => working || _rng.Chance(0.08),
        };
    }

    /// <summary>A time of day for a contact from this source: police and A&E at any hour, schools in the school day, most others in office hours.</summary>
    public DateTime TimeOn(string source, DateOnly day, double earliest = 0, double latest = 24)
    {
        double hour = source switch
        {
            "6" => _rng.Weighted([(8 + (_rng.NextDouble() * 10), 45.0), (18 + (_rng.NextDouble() * 6), 35.0), (_rng.NextDouble() * 8, 20.0)]),
            "3E" => _rng.Chance(0.7) ? 8 + (_rng.NextDouble() * 14) : _rng.NextDouble() * 24,
            "2A" => 8 + (_rng.NextDouble() * 8.5),
            "1A" or "1B" or "1C" or "1D" or "9" or "10" => 8 + (_rng.NextDouble() * 14),
            _ => _rng.Chance(0.92) ? 8.5 + (_rng.NextDouble() * 9) : 17.5 + (_rng.NextDouble() * 3.5),
        };
        if (hour < earliest || hour >= latest) hour = earliest + (_rng.NextDouble() * (latest - earliest));
        var local = day.ToDateTime(TimeOnly.MinValue).AddSeconds(Math.Floor(hour * 3600));
        return WorkingDayCalendar.FromUkLocal(local).UtcDateTime;
    }

    /// <summary>A referrer from this source: a named professional and their agency, or a member of the public, or nobody (anonymous).</summary>
    public Referrer For(string source)
    {
        (Agency? Agency, string[] Roles) pick = source switch
        {
            "6" => (_police, new[] { "Police constable", "Detective constable", "Domestic abuse officer", "Police sergeant" }),
            "3A" => (_rng.Pick(_gps), ["GP", "Practice nurse"]),
            "3B" => (_community, ["Health visitor"]),
            "3C" => (_community, ["School nurse"]),
            "3D" => (_rng.Chance(0.5) ? _community : _rng.Pick(_gps), ["Community nurse", "Practice nurse", "Community midwife"]),
            "3E" => (_hospital, ["Emergency department nurse", "Emergency department doctor"]),
            "3F" => (_hospital, ["Paediatrician", "Safeguarding midwife", "CAMHS clinician", "Ward sister"]),
            "2A" => (_rng.Pick(_schools), ["Designated safeguarding lead", "Deputy safeguarding lead", "Head teacher", "Class teacher"]),
            "2B" => (null, ["Education welfare officer", "Special educational needs officer"]),
            "4" => (_housing, ["Housing officer", "Tenancy sustainment officer"]),
            "5A" => (null, ["Adult social care worker"]),
            "5B" => (null, ["Youth justice officer", "Family hub worker"]),
            "5C" => (null, ["Social worker, neighbouring council"]),
            "5D" => (null, ["Early help practitioner"]),
            "7" => (_rng.Chance(0.7) ? _probation : null, ["Probation officer", "Cafcass officer"]),
            "8" => (_rng.Pick(_voluntary), ["Family support worker", "Domestic abuse advocate", "Children's centre worker"]),
            _ => (null, []),
        };
        var (agency, roles) = pick;
        var rag = source == "6" ? _rng.Weighted([(Rag.Red, 35.0), (Rag.Amber, 40.0), (Rag.Green, 25.0)]) : (Rag?)null;
        if (FrontDoorCodes.IsProfessional(source))
        {
            var partners = agency is null ? [] : PartnersOf(agency);
            // Some professionals with a partner sign-in type the contact into their own view.
            if (partners.Count > 0 && source != "6" && _rng.Chance(0.15))
            {
                var user = _rng.Pick(partners);
                return new Referrer(source, ContactMethod.PartnerPortal, agency, user.DisplayName, user.JobTitle, user.Email, null, user);
            }
            var name = partners.Count > 0 && _rng.Chance(0.3) ? _rng.Pick(partners).DisplayName : NewName();
            var method = source == "6"
                ? (_rng.Chance(0.85) ? ContactMethod.PoliceNotification : ContactMethod.Phone)
                : _rng.Weighted([(ContactMethod.Email, 35.0), (ContactMethod.Phone, 40.0), (ContactMethod.OnlineForm, 20.0), (ContactMethod.Letter, 5.0)]);
            return new Referrer(source, method, agency, name, _rng.Pick(roles), Details(name, agency), rag, null);
        }
        var how = _rng.Weighted([(ContactMethod.Phone, 65.0), (ContactMethod.OnlineForm, 20.0), (ContactMethod.InPerson, 5.0), (ContactMethod.Letter, 4.0), (ContactMethod.Email, 6.0)]);
        return source switch
        {
            "9" or "10" => new Referrer(source, how, null, null, null, null, null, null),
            _ => new Referrer(source, how, null, NewName(), source switch
            {
                "1A" => _rng.Pick(["Grandmother", "Aunt", "Uncle", "Father (not living with the children)", "Older sibling"]),
                "1B" => _rng.Pick(["Neighbour", "Childminder", "Family friend"]),
                "1C" => "The child",
                _ => "Member of the public",
            }, Phone(), null, null),
        };
    }

    private string NewName()
    {
        var group = DemoNames.GroupFor(FamilyBuilder.PickEthnicity(_rng), _rng);
        return $"{DemoNames.FirstName(_rng, group, _rng.Chance(0.6) ? "F" : "M", child: false)} {DemoNames.Surname(_rng, group)}";
    }

    /// <summary>A work email or a phone number in Ofcom's range for drama (01632 960000 to 960999), never a real line.</summary>
    private string Details(string name, Agency? agency)
    {
        if (agency is null || _rng.Chance(0.4)) return Phone();
        var local = new string(name.ToLowerInvariant().Replace(' ', '.').Where(c => c is '.' or >= 'a' and <= 'z').ToArray());
        var domain = agency.Kind switch
        {
            AgencyKind.Police => "police.", AgencyKind.Health => "nhs.", AgencyKind.Education => "schools.",
            AgencyKind.Probation => "probation.", AgencyKind.Housing => "homes.", _ => "vcs.",
        };
        return $"{local}@{domain}{StaffBuilder.Domain}";
    }

    private string Phone() => $"01632 960{_rng.Next(1000):000}";
}
