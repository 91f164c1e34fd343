using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Builds Northmoor's families: the children, the adults recorded with them, where they live and how they
/// are related. Dates of birth, names, ethnicity and identifiers are drawn to look like a diverse London
/// borough; who was added when is decided later, once the families' cases are known.
/// </summary>
internal sealed class FamilyBuilder(Random rng, DateOnly asOf, DemoPlaces places)
{
    private enum FamilyType { Couple, LoneMother, LoneMotherFatherElsewhere, StepFamily, LoneFather, Grandparents }

    private static readonly (FamilyType, double)[] FamilyTypes =
    [
        (FamilyType.Couple, 33), (FamilyType.LoneMother, 40), (FamilyType.LoneMotherFatherElsewhere, 8),
        (FamilyType.StepFamily, 11), (FamilyType.LoneFather, 4), (FamilyType.Grandparents, 4),
    ];

    // Children per family (before any born too late to count).
    private static readonly (int, double)[] ChildCounts = [(1, 36), (2, 32), (3, 19), (4, 9), (5, 3), (6, 1)];

    // Children's ethnicity in a diverse London borough (DfE codes; weights in percent).
    private static readonly (string, double)[] Ethnicities =
    [
        ("WBRI", 35), ("WOTH", 11), ("WIRI", 1), ("WROM", 0.5), ("WIRT", 0.3), ("BAFR", 10), ("BCRB", 5), ("BOTH", 1.5),
        ("ABAN", 6), ("APKN", 4), ("AIND", 4), ("AOTH", 2), ("CHNE", 1), ("MWBC", 4), ("MWBA", 2), ("MWAS", 2), ("MOTH", 4),
        ("OOTH", 3.5), ("REFU", 0.7), ("NOBT", 1.5),
    ];

    private readonly DemoFamilies _families = new();
    private readonly PersonDetailsBuilder _details = new(rng, asOf);

    public static string PickEthnicity(Random rng) => rng.Weighted(Ethnicities);

    public DemoFamilies Build(int households, int careLeavers)
    {
        for (var i = 0; i < households; i++) AddHousehold(careLeaver: false);
        for (var i = 0; i < careLeavers; i++) AddHousehold(careLeaver: true);
        return _families;
    }

    private void AddHousehold(bool careLeaver)
    {
        var h = new Household();
        var type = careLeaver ? (rng.Chance(0.35) ? FamilyType.Couple : FamilyType.LoneMother) : rng.Weighted(FamilyTypes);
        var ethnicity = PickEthnicity(rng);
        var (motherEthnicity, fatherEthnicity) = ParentEthnicities(ethnicity);
        var dobs = careLeaver ? CareLeaverFamilyBirthDates() : BirthDates(rng.Weighted(ChildCounts));
        var eldest = dobs[0];

        // Mothers are 17 to 37 at their first child's birth; fathers from 2 years younger to 8 years older.
        var mother = Adult("F", motherEthnicity, eldest.AddDays(-(int)(365.25 * (17 + (rng.NextDouble() + rng.NextDouble()) * 10))));
        var father = Adult("M", fatherEthnicity, mother.DateOfBirth!.Value.AddDays(-rng.Next(-2 * 365, 8 * 365)));
        var married = type == FamilyType.Couple && rng.Chance(0.55);
        if (married)
        {
            if (rng.Chance(0.3)) _details.AddPreviousName(mother, mother.FirstName, mother.LastName);
            mother.LastName = father.LastName;
        }

        // Who lives at home, who is recorded living elsewhere, and who is not recorded at all.
        var motherAtHome = type is not (FamilyType.LoneFather or FamilyType.Grandparents);
        var motherRecorded = motherAtHome || rng.Chance(type == FamilyType.Grandparents ? 0.7 : 0.5);
        var fatherAtHome = type is FamilyType.Couple or FamilyType.LoneFather;
        var fatherRecorded = fatherAtHome || type == FamilyType.LoneMotherFatherElsewhere || (type == FamilyType.StepFamily && rng.Chance(0.3));

        var home = places.NextAddress();
        var moved = rng.Chance(0.2);
        var moveDate = asOf.AddDays(-rng.Next(30, 5 * 365));
        var previousHome = moved ? places.NextAddress() : default;
        var homeFrom = moved ? moveDate : asOf.AddDays(-rng.Next(180, 15 * 365));
        var previousFrom = moveDate.AddDays(-rng.Next(365, 8 * 365));
        void LiveAtHome(Person p)
        {
            if (moved) Live(p, previousHome, previousFrom, moveDate.AddDays(-1));
            Live(p, home, homeFrom, null);
        }

        // Children: the older ones are the birth father's; in a step-family the youngest may be the step-father's.
        var stepFather = type == FamilyType.StepFamily ? Adult("M", fatherEthnicity, mother.DateOfBirth!.Value.AddDays(rng.Next(-5 * 365, 5 * 365))) : null;
        var stepChildren = stepFather is not null && dobs.Count > 1 && rng.Chance(0.5) ? rng.Next(1, Math.Min(2, dobs.Count - 1) + 1) : 0;
        var childSurname = ChildSurname(type, married, mother, father);
        var fathers = new List<object?>();   // each child's father: a recorded person, or a stand-in for an unrecorded one
        for (var i = 0; i < dobs.Count; i++)
        {
            var byStepFather = i >= dobs.Count - stepChildren;
            var group = DemoNames.GroupFor(rng.Chance(0.5) ? motherEthnicity : fatherEthnicity, rng);
            var surname = byStepFather ? stepFather!.LastName : childSurname;
            var child = _details.Child(group, surname, dobs[i], ethnicity);
            if (stepFather is not null && !byStepFather && rng.Chance(0.15))
            {
                _details.AddPreviousName(child, child.FirstName, child.LastName);
                child.LastName = stepFather.LastName;
            }
            if (careLeaver && i == 0) h.CareLeaver = child;
            else h.Children.Add(child);
            // Children of an unrecorded father are usually full siblings, sometimes not.
            fathers.Add(byStepFather ? stepFather : fatherRecorded ? father : (i == 0 || rng.Chance(0.2) ? new object() : fathers[0]));
        }
        if (motherRecorded && rng.Chance(0.008) && dobs[^1] < asOf.AddDays(-270))
        {
            var unborn = _details.Unborn(h.Children.LastOrDefault()?.LastName ?? childSurname, asOf.AddDays(rng.Next(14, 181)));
            h.Children.Add(unborn);
            fathers.Add(fatherAtHome ? father : stepFather);
        }
        var children = (h.CareLeaver is null ? h.Children : h.Children.Prepend(h.CareLeaver)).ToList();

        if (motherRecorded)
        {
            h.Adults.Add(mother);
            if (motherAtHome) LiveAtHome(mother); else LiveElsewhere(mother);
            foreach (var c in children) Relate(mother, c, RelationshipType.ParentOf, pr: c.DateOfBirth is not null, c.DateOfBirth);
        }
        if (fatherRecorded)
        {
            h.Adults.Add(father);
            if (fatherAtHome) LiveAtHome(father); else LiveElsewhere(father);
            for (var i = 0; i < children.Count; i++)
                if (ReferenceEquals(fathers[i], father)) Relate(father, children[i], RelationshipType.ParentOf, pr: children[i].DateOfBirth is not null && (fatherAtHome || rng.Chance(0.7)), children[i].DateOfBirth);
            if (motherRecorded && (fatherAtHome || rng.Chance(0.5)))
                Relate(mother, father, RelationshipType.PartnerOf, pr: false, eldest.AddDays(-rng.Next(0, 4 * 365)),
                    fatherAtHome ? null : rng.DayBetween(dobs[^1], asOf.AddDays(-60)));
        }
        if (stepFather is not null)
        {
            h.Adults.Add(stepFather);
            LiveAtHome(stepFather);
            var together = stepChildren > 0
                ? Later(eldest.AddDays(90), dobs[^stepChildren].AddDays(-rng.Next(300, 3 * 365)))
                : rng.DayBetween(eldest.AddDays(180), asOf.AddDays(-90));
            together = Together(mother, stepFather, together);
            Relate(mother, stepFather, RelationshipType.PartnerOf, pr: false, together);
            for (var i = 0; i < children.Count; i++)
            {
                if (ReferenceEquals(fathers[i], stepFather)) Relate(stepFather, children[i], RelationshipType.ParentOf, pr: children[i].DateOfBirth is not null, children[i].DateOfBirth);
                else Relate(stepFather, children[i], RelationshipType.StepParentOf, pr: false, Later(together, children[i].DateOfBirth));
            }
        }
        if (type == FamilyType.Grandparents || rng.Chance(0.03)) AddGrandparents(h, mother, children, type == FamilyType.Grandparents, LiveAtHome);

        for (var i = 0; i < children.Count; i++)
        {
            var c = children[i];
            if (c.DateOfBirth is null) continue;
            if (c == h.CareLeaver) LiveOnOwn(c);
            else LiveAtHome(c);
            for (var j = i + 1; j < children.Count; j++)
            {
                if (children[j].DateOfBirth is null) continue;
                var full = fathers[i] == fathers[j];
                Relate(c, children[j], full ? RelationshipType.SiblingOf : RelationshipType.HalfSiblingOf, pr: false, children[j].DateOfBirth);
            }
        }

        h.FirstKnown = rng.DayBetween(Later(asOf.AddYears(-DemoVolumes.YearsOfHistory), eldest.AddDays(-150)), asOf.AddDays(-1));
        _families.Households.Add(h);
        _families.People.AddRange(h.Members);   // an unrecorded father was only a name
    }

    private void AddGrandparents(Household h, Person mother, List<Person> children, bool atHome, Action<Person> liveAtHome)
    {
        var grandmother = Adult("F", mother.Ethnicity, mother.DateOfBirth!.Value.AddDays(-(int)(365.25 * rng.Next(18, 31))), surname: mother.LastName);
        h.Adults.Add(grandmother);
        var grandparents = new List<Person> { grandmother };
        if (atHome && rng.Chance(0.4))
        {
            var grandfather = Adult("M", mother.Ethnicity, grandmother.DateOfBirth!.Value.AddDays(-rng.Next(0, 5 * 365)), surname: mother.LastName);
            h.Adults.Add(grandfather);
            grandparents.Add(grandfather);
            Relate(grandmother, grandfather, RelationshipType.PartnerOf, pr: false, null);
        }
        foreach (var g in grandparents)
        {
            if (atHome) liveAtHome(g); else LiveElsewhere(g);
            foreach (var c in children.Where(c => c.DateOfBirth is not null))
                Relate(g, c, RelationshipType.GrandparentOf, pr: false, c.DateOfBirth);
        }
    }

    private string ChildSurname(FamilyType type, bool married, Person mother, Person father)
    {
        if (married) return father.LastName;
        if (type is FamilyType.LoneMother or FamilyType.Grandparents) return mother.LastName;
        var x = rng.NextDouble();
        return x < 0.6 ? father.LastName
            : x < 0.75 && mother.LastName != father.LastName ? $"{mother.LastName}-{father.LastName}"
            : mother.LastName;
    }

    /// <summary>Children's dates of birth, eldest first, all under 18; children "due" after the as-of date are left out.</summary>
    private List<DateOnly> BirthDates(int count)
    {
        var minDays = Math.Min((count - 1) * 450, 17 * 365);
        var dob = asOf.AddDays(-rng.Next(minDays, 18 * 365 - 1));
        var dobs = new List<DateOnly> { dob };
        for (var i = 1; i < count; i++)
        {
            dob = dob.AddDays(rng.Skewed(330, 6 * 365, 1.6));
            if (dob >= asOf) break;
            dobs.Add(dob);
        }
        return dobs;
    }

    /// <summary>A care leaver (18 to 25, mostly under 22) and any younger brothers and sisters still under 18.</summary>
    private List<DateOnly> CareLeaverFamilyBirthDates()
    {
        var dob = rng.Chance(0.8)
            ? rng.DayBetween(asOf.AddYears(-22).AddDays(1), asOf.AddYears(-18))
            : rng.DayBetween(asOf.AddYears(-26).AddDays(1), asOf.AddYears(-22));
        var dobs = new List<DateOnly> { dob };
        for (var i = rng.Next(0, 3); i > 0; i--)
        {
            dob = dob.AddDays(rng.Skewed(330, 5 * 365, 1.6));
            if (dob >= asOf) break;
            if (dob > asOf.AddYears(-18)) dobs.Add(dob);
        }
        return dobs;
    }

    /// <summary>Parents' ethnicity for a child's: mixed codes have parents of two backgrounds, in either order.</summary>
    private (string Mother, string Father) ParentEthnicities(string child)
    {
        (string, string) pair = child switch
        {
            "MWBC" => ("WBRI", "BCRB"),
            "MWBA" => ("WBRI", "BAFR"),
            "MWAS" => ("WBRI", rng.Pick(["AIND", "APKN", "ABAN"])),
            "MOTH" => rng.Pick([("WOTH", "BAFR"), ("BCRB", "BAFR"), ("WBRI", "OOTH"), ("WOTH", "OOTH"), ("WBRI", "CHNE"), ("AIND", "WOTH")]),
            "REFU" or "NOBT" => Same(rng.Pick(["WBRI", "WOTH", "BAFR", "BCRB", "ABAN", "APKN", "AIND", "OOTH"])),
            _ => Same(child),
        };
        return rng.Chance(0.5) ? pair : (pair.Item2, pair.Item1);

        static (string, string) Same(string code) => (code, code);
    }

    private Person Adult(string sex, string ethnicity, DateOnly dob, string? surname = null)
    {
        // Parents here are adults (a parent under 18 would be a child in need in their own right).
        var eighteen = asOf.AddYears(-18);
        if (dob > eighteen) dob = eighteen.AddDays(-rng.Next(0, 365));
        var group = DemoNames.GroupFor(ethnicity, rng);
        var p = _details.Adult(group, sex, dob, surname ?? DemoNames.Surname(rng, group), rng.Chance(0.12) ? "NOBT" : ethnicity);
        return p;
    }

    private void Live(Person p, (string Line1, string? Line2, string Postcode) address, DateOnly from, DateOnly? to)
    {
        if (p.DateOfBirth is not { } dob || (to is not null && to < dob)) return;
        p.Addresses.Add(new Address
        {
            PersonId = p.Id, Line1 = address.Line1, Line2 = address.Line2, Town = DemoPlaces.Town, Postcode = address.Postcode,
            HouseholdKey = Address.KeyFor(address.Line1, address.Postcode), From = Later(from, dob), To = to,
        });
    }

    private void LiveElsewhere(Person p) => Live(p, places.NextAddress(), asOf.AddDays(-rng.Next(30, 6 * 365)), null);

    private void LiveOnOwn(Person p) => Live(p, places.NextAddress(), Later(p.DateOfBirth!.Value.AddYears(18), asOf.AddDays(-rng.Next(30, 3 * 365))), null);

    private void Relate(Person a, Person b, RelationshipType type, bool pr, DateOnly? from, DateOnly? to = null)
    {
        // Nobody here became a couple before the younger of them was 16.
        if (type == RelationshipType.PartnerOf && from is not null) from = Together(a, b, from.Value);
        _families.Relationships.Add(new Relationship
        {
            PersonId = a.Id, RelatedPersonId = b.Id, Type = type, ParentalResponsibility = pr, From = from, To = to,
            CreatedBy = "", Version = rng.NextGuid(),
        });
    }

    private static DateOnly Together(Person a, Person b, DateOnly from) =>
        Later(Later(from, a.DateOfBirth?.AddYears(16)), b.DateOfBirth?.AddYears(16));

    private static DateOnly Later(DateOnly a, DateOnly? b) => b is { } d && d > a ? d : a;
}
