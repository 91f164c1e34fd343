using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;
using Safeguard.Web.Security;

namespace Safeguard.Web.Pages.Partner;

/// <summary>
/// A partner agency tells the council about children they are worried about. They cannot see Safeguard's records,
/// so they name the children; the contact service matches them. ContactService records it as from their agency.
/// </summary>
[Authorize(Policy = Capabilities.RecordContact)]
public partial class NewContactModel(ContactService contacts, SafeguardDbContext db, CurrentActor me, TimeProvider clock) : PageModel
{
    public const int Rows = 5;

    public sealed class ChildRow
    {
        public string? Name { get; set; }
        public DateParts DateOfBirth { get; set; } = new();
        public string? Address { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && DateOfBirth.IsEmpty && string.IsNullOrWhiteSpace(Address);
    }

    [BindProperty] public List<ChildRow> Children { get; set; } = [];
    [BindProperty] public string? Concerns { get; set; }
    [BindProperty] public List<string> FactorCodes { get; set; } = [];
    [BindProperty] public string? ReferrerRequest { get; set; }
    [BindProperty] public Consent? Consent { get; set; }
    [BindProperty] public string? ConsentReason { get; set; }
    [BindProperty] public string? SourceCode { get; set; }
    [BindProperty] public string? ReferrerRole { get; set; }
    [BindProperty] public string? ReferrerContactDetails { get; set; }
    /// <summary>A police user's own rating of a notification, kept beside the MASH's.</summary>
    [BindProperty] public Rag? PoliceRag { get; set; }

    /// <summary>Null for someone who is not a partner agency user: staff record contacts in the contact service's own pages.</summary>
    public string? AgencyName { get; private set; }
    public bool IsPolice { get; private set; }

    /// <summary>Only the sources a partner agency can be: not family, the public or anonymous callers.</summary>
    public static IEnumerable<GovukOption> Sources =>
        FrontDoorCodes.ReferralSource.Items.Where(i => FrontDoorCodes.IsProfessional(i.Code)).Select(i => new GovukOption(i.Code, i.Label));

    public static IEnumerable<GovukOption> Factors => FrontDoorCodes.Factors.Items.Select(i => new GovukOption(i.Code, i.Label));

    public static IEnumerable<GovukOption> ConsentOptions => Enum.GetValues<Consent>().Select(c => new GovukOption(c.ToString(), Contact.Label(c)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var kind = await LoadAsync(ct);
        SourceCode = kind is null ? null : SourceFor(kind.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null) return Forbid();
        var named = ReadChildren();
        if (Consent is null) ModelState.AddModelError(nameof(Consent), "Choose whether consent to share information was given");
        if (!ModelState.IsValid) return Page();
        try
        {
            var contact = await contacts.RecordAsync(me.Actor, new NewContact
            {
                ReceivedAtUtc = clock.GetUtcNow().UtcDateTime, Method = ContactMethod.PartnerPortal, SourceCode = SourceCode ?? "",
                ReferrerRole = ReferrerRole, ReferrerContactDetails = ReferrerContactDetails,
                ReportedChildren = named.Select(n => n.Child).ToList(), FactorCodes = FactorCodes, Concerns = Concerns ?? "",
                ReferrerRequest = ReferrerRequest, Consent = Consent!.Value, ConsentReason = ConsentReason,
                PoliceRag = IsPolice ? PoliceRag : null,
            }, ct);
            TempData["ContactReference"] = contact.Reference;
            return Redirect("/partner");
        }
        catch (ValidationException ex)
        {
            foreach (var e in ex.Errors) ModelState.AddModelError(FieldFor(e.PropertyName, named), e.ErrorMessage);
        }
        return Page();
    }

    /// <summary>The named children, each with the row it was typed in; the boxes' own problems go beside them.</summary>
    private List<(int Row, ReportedChild Child)> ReadChildren()
    {
        var named = new List<(int, ReportedChild)>();
        for (var i = 0; i < Children.Count && i < Rows; i++)
        {
            var row = Children[i];
            if (row.IsBlank) continue;
            if (string.IsNullOrWhiteSpace(row.Name))
                ModelState.AddModelError($"Children[{i}].Name", "Enter the child's name, or clear their other details");
            var dateError = row.DateOfBirth.Validate("Date of birth", required: false);
            if (dateError is not null) ModelState.AddDateError($"Children[{i}].DateOfBirth", dateError);
            named.Add((i, new ReportedChild(row.Name?.Trim() ?? "", row.DateOfBirth.ToDate(), string.IsNullOrWhiteSpace(row.Address) ? null : row.Address.Trim())));
        }
        if (named.Count == 0) ModelState.AddModelError("Children[0].Name", "Enter the name of at least one child");
        return named;
    }

    /// <summary>Where a rule's message goes on this form: "Children[1].Name" is the second child named, not the second row.</summary>
    private static string FieldFor(string property, List<(int Row, ReportedChild Child)> named)
    {
        var child = ChildProperty().Match(property);
        if (child.Success && int.Parse(child.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var n && n < named.Count)
            return $"Children[{named[n].Row}].{child.Groups[2].Value}";
        return property == "Children" ? "Children[0].Name" : property;
    }

    [GeneratedRegex(@"^Children\[(\d+)\]\.(\w+)$")]
    private static partial Regex ChildProperty();

    /// <summary>The partner's agency kind, or null when they are not a partner agency user with an agency.</summary>
    private async Task<AgencyKind?> LoadAsync(CancellationToken ct)
    {
        while (Children.Count < Rows) Children.Add(new ChildRow());
        if (!me.Actor.Roles.Contains(Roles.PartnerAgencyUser)) return null;
        var agency = await db.Users.AsNoTracking().Where(u => u.Id == me.Actor.UserId && u.Agency != null)
            .Select(u => new { u.Agency!.Name, u.Agency.Kind }).FirstOrDefaultAsync(ct);
        AgencyName = agency?.Name;
        IsPolice = agency?.Kind == AgencyKind.Police;
        return agency?.Kind;
    }

    /// <summary>The DfE source code an agency of this kind usually is; they can change it (a health visitor, a GP...).</summary>
    private static string SourceFor(AgencyKind kind) => kind switch
    {
        AgencyKind.Police => "6",
        AgencyKind.Health => "3D",
        AgencyKind.Education => "2A",
        AgencyKind.Probation => "7",
        AgencyKind.Housing => "4",
        _ => "8",
    };
}
