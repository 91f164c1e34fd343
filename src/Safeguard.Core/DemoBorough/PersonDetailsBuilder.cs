using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Makes one person: names, sex, identifiers (NHS number, UPN or the reason there is none), disabilities,
/// and now and then an alias spelt another way, as records from different agencies often are.
/// </summary>
internal sealed class PersonDetailsBuilder(Random rng, DateOnly asOf)
{
    // The DfE's UPN-unknown reasons for a school-age child, by how often they come up.
    private static readonly (string, double)[] UpnUnknownReasons = [("UN2", 3), ("UN3", 3), ("UN4", 2), ("UN5", 1), ("UN6", 2)];

    private static readonly (string, double)[] DisabilityCodes =
    [
        ("AUT", 25), ("LD", 20), ("COMM", 15), ("BEH", 12), ("MOB", 8), ("HEAR", 5), ("VIS", 5), ("DDA", 5), ("PC", 3), ("HAND", 2), ("INC", 2), ("CON", 2),
    ];

    // Spellings of one name that agencies record differently.
    private static readonly string[][] Variants =
    [
        ["Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed"], ["Aisha", "Ayesha"], ["Zoe", "Zoë"], ["Chloe", "Chloë"],
        ["Katherine", "Catherine", "Kathryn"], ["Yusuf", "Yousuf"], ["Leah", "Lea"], ["Jayden", "Jaden"], ["Katie", "Katy"],
        ["Sophie", "Sophia"], ["Maryam", "Mariam"], ["Steven", "Stephen"], ["Zahra", "Zara"],
    ];

    private readonly HashSet<string> _nhsNumbers = [];
    private readonly HashSet<string> _upns = [];

    public Person Child(NameGroup group, string surname, DateOnly dob, string ethnicity)
    {
        var sex = rng.Chance(0.5) ? "F" : "M";
        var p = New(DemoNames.FirstName(rng, group, sex, child: true), surname, sex, ethnicity);
        p.DateOfBirth = dob;
        if (rng.Chance(0.45)) p.MiddleNames = OtherFirstName(p, group, child: true);
        if (rng.Chance(0.97)) p.NhsNumber = NewNhsNumber();
        var age = p.AgeOn(asOf)!.Value;
        if (age < 5) p.UpnUnknownReason = "UN1";
        else if (age < 18) p.Upn = rng.Chance(0.85) ? NewUpn() : null;
        if (age is >= 5 and < 18 && p.Upn is null) p.UpnUnknownReason = rng.Weighted(UpnUnknownReasons);
        if (rng.Chance(0.08)) AddDisabilities(p);
        MaybeAlias(p);
        return p;
    }

    /// <summary>A child not yet born: no name of their own, no NHS number, sex not known.</summary>
    public Person Unborn(string surname, DateOnly expected)
    {
        var p = New("Unborn", surname, "U", "NOBT");
        p.ExpectedDateOfBirth = expected;
        return p;
    }

    public Person Adult(NameGroup group, string sex, DateOnly dob, string surname, string ethnicity)
    {
        var p = New(DemoNames.FirstName(rng, group, sex, child: false), surname, sex, ethnicity);
        p.DateOfBirth = dob;
        if (rng.Chance(0.3)) p.MiddleNames = OtherFirstName(p, group, child: false);
        if (rng.Chance(0.92)) p.NhsNumber = NewNhsNumber();
        MaybeAlias(p);
        return p;
    }

    public void AddPreviousName(Person p, string first, string last, string kind = "Previous") =>
        p.PreviousNames.Add(new PersonName { PersonId = p.Id, FirstName = first, LastName = last, Kind = kind });

    private Person New(string first, string last, string sex, string ethnicity) => new()
    {
        Id = rng.NextGuid(), FirstName = first, LastName = last, Sex = sex, Ethnicity = ethnicity, CreatedBy = "", Version = rng.NextGuid(),
    };

    private string OtherFirstName(Person p, NameGroup group, bool child)
    {
        var name = DemoNames.FirstName(rng, group, p.Sex, child);
        return name == p.FirstName ? DemoNames.FirstName(rng, NameGroup.British, p.Sex, child) : name;
    }

    /// <summary>A quarter of people whose name has common variant spellings are also known by another.</summary>
    private void MaybeAlias(Person p)
    {
        var variants = Variants.FirstOrDefault(v => v.Contains(p.FirstName));
        if (variants is null || !rng.Chance(0.25)) return;
        var other = rng.Pick(variants.Where(v => v != p.FirstName).ToList());
        AddPreviousName(p, other, p.LastName, "Alias");
    }

    private void AddDisabilities(Person p)
    {
        var first = rng.Weighted(DisabilityCodes);
        p.Disabilities.Add(new PersonDisability { PersonId = p.Id, Code = first });
        var second = rng.Weighted(DisabilityCodes);
        if (rng.Chance(0.2) && second != first) p.Disabilities.Add(new PersonDisability { PersonId = p.Id, Code = second });
    }

    /// <summary>An unused NHS test-range number (999...). The range holds about 900,000, so a huge borough may run short.</summary>
    private string? NewNhsNumber()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var n = NhsNumber.Generate(rng);
            if (_nhsNumbers.Add(n)) return n;
        }
        return null;
    }

    /// <summary>An unused UPN in the fictional local authority 999; a few are temporary (ending in a letter).</summary>
    private string NewUpn()
    {
        while (true)
        {
            var upn = Upn.Generate(rng, 999, temporary: rng.Chance(0.02));
            if (_upns.Add(upn)) return upn;
        }
    }
}
