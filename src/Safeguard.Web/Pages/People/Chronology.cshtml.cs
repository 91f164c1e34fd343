using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.Chronology;
using Safeguard.Core.People;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// A child's whole chronology, filtered (significant events only, one kind, a period) and, from the same filter,
/// printed as a clean document for a conference or court. Reading it is logged like opening the record.
/// </summary>
[Authorize(Policy = Capabilities.ViewChildRecord)]
public class ChronologyModel(PeopleService people, PersonRecord record, CurrentActor me, TimeProvider clock) : PageModel
{
    /// <summary>The most a page shows; the printed document takes more.</summary>
    public const int PageLimit = 500;
    public const int PrintLimit = 5000;

    [BindProperty(SupportsGet = true)] public bool Significant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateParts From { get; set; } = new();
    [BindProperty(SupportsGet = true)] public DateParts To { get; set; } = new();

    public Person Person { get; private set; } = null!;
    public List<ChronologyEntry> Entries { get; private set; } = [];
    public List<string> Kinds { get; private set; } = [];
    public int Total { get; private set; }
    public ChronologyFilter Filter { get; private set; } = ChronologyFilter.All;
    public DateOnly Today { get; private set; }
    public DateTime PrintedAtUtc { get; private set; }
    public bool Printing { get; private set; }
    public string PreparedBy => me.Actor.DisplayName;
    public string Query => Request.QueryString.Value ?? "";

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, print: false, ct);

    public Task<IActionResult> OnGetPrintAsync(Guid id, CancellationToken ct) => ShowAsync(id, print: true, ct);

    private async Task<IActionResult> ShowAsync(Guid id, bool print, CancellationToken ct)
    {
        var person = await people.OpenAsync(me.Actor, id, print ? "Chronology printed" : "Chronology", ct);
        if (person is null) return NotFound();
        Person = person;
        Printing = print;
        Today = Display.TodayInUk(clock);
        PrintedAtUtc = clock.GetUtcNow().UtcDateTime;
        Kinds = await record.ChronologyKindsAsync(id, ct);
        if (From.Validate("The 'from' date", required: false) is { } fromError) ModelState.AddDateError(nameof(From), fromError);
        if (To.Validate("The 'to' date", required: false) is { } toError) ModelState.AddDateError(nameof(To), toError);
        if (From.ToDate() is { } f && To.ToDate() is { } t && f > t)
            ModelState.AddModelError(nameof(To), "The 'to' date must be the same as or after the 'from' date");
        // A bad filter shows the form with its errors and no events, rather than events the reader did not ask for.
        if (!ModelState.IsValid) return Page();
        Filter = new ChronologyFilter(Significant, Kinds.Contains(Kind ?? "") ? Kind : null, From.ToDate(), To.ToDate());
        Entries = await record.ChronologyAsync(id, Filter, print ? PrintLimit : PageLimit, ct);
        Total = Entries.Count < (print ? PrintLimit : PageLimit) ? Entries.Count : await record.ChronologyCountAsync(id, Filter, ct);
        return Page();
    }
}
