using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>
/// Upload a CSV file of contacts (docs/contact-import.md): all of them are recorded, or none and every line's
/// problems are listed. A good import redirects, so refreshing the page cannot import the file twice.
/// </summary>
[Authorize(Policy = Capabilities.ImportContacts)]
public class ImportModel(ContactImport import, CurrentActor me) : PageModel
{
    /// <summary>A file can have tens of thousands of problems; the page lists this many, which is plenty to see what is wrong.</summary>
    public const int ShownErrors = 1000;

    [BindProperty] public IFormFile? File { get; set; }
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];
    [TempData] public int? Imported { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (File is null || File.Length == 0)
        {
            ModelState.AddModelError(nameof(File), "Choose a CSV file of contacts to import");
            return Page();
        }
        await using var stream = File.OpenReadStream();
        var result = await import.ImportAsync(me.Actor, stream, ct);
        if (result.Succeeded)
        {
            Imported = result.Contacts.Count;
            return RedirectToPage();
        }
        Errors = result.Errors;
        ModelState.AddModelError(nameof(File), $"The file has {Errors.Count:N0} problem{(Errors.Count == 1 ? "" : "s")}, so nothing was imported. Fix them all and upload it again.");
        return Page();
    }
}
