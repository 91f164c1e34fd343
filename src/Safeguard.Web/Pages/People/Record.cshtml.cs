using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Chronology;
using Safeguard.Core.People;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>A person's record: who they are, their family and household, current involvement, and the chronology.</summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class RecordModel(PeopleService people, PersonRecord record, RestrictionService restrictions, Safeguard.Core.SocialWork.CaseAccess cases, CurrentActor me, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<RelatedPerson> Family { get; private set; } = [];
    public IReadOnlyList<HouseholdMember> Household { get; private set; } = [];
    public IReadOnlyList<CurrentInvolvement> Involvement { get; private set; } = [];
    public IReadOnlyList<ChronologyEntry> Chronology { get; private set; } = [];
    public RecordRestriction? Restriction { get; private set; }
    public DateOnly Today { get; private set; }
    public Actor Actor => me.Actor;
    /// <summary>Whether the case page (assessments, plan, visits...) opens for them: their team works with the child.</summary>
    public bool CanOpenCase { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, ct: ct);
        if (person is null) return NotFound();
        Person = person;
        Today = Display.TodayInUk(clock);
        Family = await record.FamilyAsync(me.Actor, id, ct);
        Household = await record.HouseholdAsync(me.Actor, id, ct);
        Involvement = await record.InvolvementAsync(id, ct);
        Chronology = await record.ChronologyAsync(id, ct: ct);
        CanOpenCase = await cases.CanOpenAsync(me.Actor, id, ct);
        if (person.IsRestricted) Restriction = await restrictions.CurrentAsync(id, ct);
        return Page();
    }
}
