using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.People;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Cases;

/// <summary>
/// A child's case: the social work around them in one place (assessments, plan, visits, notes, oversight, closure),
/// each area with what is due and what to do next. Open to the teams the child is open to, and to service managers
/// and QA officers; another team's worker is refused even though they can see the child's record.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class CaseModel(PeopleService people, PersonRecord record, RecordAccess records, CaseAccess cases, AssessmentService assessments, CurrentActor me, TimeProvider clock) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<CurrentInvolvement> Involvement { get; private set; } = [];
    public List<Assessment> Assessments { get; private set; } = [];
    public bool CanStartAssessment { get; private set; }
    /// <summary>Null while the case is open; otherwise when and why it closed. Visits and oversight are not offered on a closed case.</summary>
    public CaseAccess.Closed? Closed { get; private set; }
    /// <summary>New work (visits, oversight) can be recorded: the case is open and the record was not made in error.</summary>
    public bool Open => Closed is null && Person.RecordedInErrorAtUtc is null;
    public DateOnly Today { get; private set; }
    public Actor Actor => me.Actor;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await cases.CanOpenAsync(me.Actor, id, ct)) return await records.CanSeeAsync(me.Actor, id, ct) ? Forbid() : NotFound();
        var person = await people.OpenAsync(me.Actor, id, "Case", ct);
        if (person is null) return NotFound();
        Person = person;
        Today = Display.TodayInUk(clock);
        Involvement = await record.InvolvementAsync(id, ct);
        Assessments = await assessments.ForChildAsync(id, ct);
        Closed = await cases.ClosedAsync(id, ct);
        CanStartAssessment = me.Actor.Can(Capabilities.AssessChild) && person.RecordedInErrorAtUtc is null && await assessments.CanStartAsync(id, ct);
        return Page();
    }
}
