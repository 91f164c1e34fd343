using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>The choices the front door's forms offer, with the labels the Core gives each code.</summary>
public static class FrontDoorChoices
{
    /// <summary>How a worker can receive a contact; the partner view and the import set their own methods.</summary>
    public static IEnumerable<GovukOption> Methods =>
        new[] { ContactMethod.Phone, ContactMethod.Email, ContactMethod.OnlineForm, ContactMethod.PoliceNotification, ContactMethod.Letter, ContactMethod.InPerson }
            .Select(m => new GovukOption(m.ToString(), Contact.Label(m)));

    public static IEnumerable<GovukOption> Sources(string placeholder) =>
        new[] { new GovukOption("", placeholder) }.Concat(FrontDoorCodes.ReferralSource.Items.Select(i => new GovukOption(i.Code, i.Label)));

    /// <summary>The professional sources, space-separated, for the script that shows the agency only for them.</summary>
    public static string ProfessionalCodes =>
        string.Join(' ', FrontDoorCodes.ReferralSource.Items.Where(i => FrontDoorCodes.IsProfessional(i.Code)).Select(i => i.Code));

    public static IEnumerable<GovukOption> Factors => FrontDoorCodes.Factors.Items.Select(i => new GovukOption(i.Code, i.Label));

    public static IEnumerable<GovukOption> Consents => Enum.GetValues<Consent>().Select(c => new GovukOption(c.ToString(), Contact.Label(c)));

    public static IEnumerable<GovukOption> PoliceRags =>
        new[] { new GovukOption("", "No rating given") }.Concat(Enum.GetValues<Rag>().Reverse().Select(r => new GovukOption(r.ToString(), Rags.Label(r))));

    public static IEnumerable<GovukOption> Outcomes => Enum.GetValues<ScreeningOutcome>().Select(o => new GovukOption(o.ToString(), Contact.Label(o)));

    public static IEnumerable<GovukOption> PrimaryNeeds =>
        new[] { new GovukOption("", "Choose the primary need") }.Concat(FrontDoorCodes.PrimaryNeed.Items.Select(i => new GovukOption(i.Code, $"{i.Code}: {i.Label}")));

    public static async Task<List<GovukOption>> AgenciesAsync(SafeguardDbContext db, string placeholder, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        return [new GovukOption("", placeholder), .. agencies.Select(a => new GovukOption(a.Id.ToString(CultureInfo.InvariantCulture), a.Name))];
    }

    public static async Task<List<GovukOption>> TeamsAsync(SafeguardDbContext db, TeamKind[] kinds, string placeholder, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive && kinds.Contains(t.Kind)).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        return [new GovukOption("", placeholder), .. teams.Select(t => new GovukOption(t.Id.ToString(CultureInfo.InvariantCulture), t.Name))];
    }
}
