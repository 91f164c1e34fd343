using Safeguard.Core.People;

namespace Safeguard.Core.DemoBorough;

/// <summary>A family as the generator sees it: who the children are and which adults are recorded with them.</summary>
internal sealed class Household
{
    /// <summary>When the family first came to the service's notice; involvements can move it earlier.</summary>
    public DateOnly FirstKnown { get; set; }
    /// <summary>Children under 18 (and any unborn child), eldest first.</summary>
    public List<Person> Children { get; } = [];
    /// <summary>An 18 to 25 year old who was in care and now lives on their own.</summary>
    public Person? CareLeaver { get; set; }
    /// <summary>Parents, step-parents and grandparents, living here or elsewhere.</summary>
    public List<Person> Adults { get; } = [];

    public IEnumerable<Person> Members => Children.Concat(Adults).Concat(CareLeaver is null ? [] : [CareLeaver]);

    /// <summary>Children born by the as-of date (not the unborn).</summary>
    public IEnumerable<Person> BornChildren => Children.Where(c => c.DateOfBirth is not null);
}

/// <summary>Everyone the families section made, ready for the later sections.</summary>
internal sealed class DemoFamilies
{
    public List<Household> Households { get; } = [];
    public List<Person> People { get; } = [];
    public List<Relationship> Relationships { get; } = [];
}
