using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.ChildProtection;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.ChildProtection;

/// <summary>Someone at a strategy discussion or conference, as typed: a row is used once it has a name.</summary>
public sealed class PersonRow
{
    public ProfessionalRole? Role { get; set; }
    public string? Name { get; set; }
    /// <summary>"yes" or "no": took part (a discussion), or report asked for (a conference).</summary>
    public string? Flag { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name);
}

/// <summary>What the child protection pages share: the choices, and the service's messages beside the rows they are about.</summary>
public static class ChildProtectionForms
{
    public static readonly GovukOption[] YesNo = [new("yes", "Yes"), new("no", "No")];

    public static IEnumerable<GovukOption> Roles =>
        [new("", "Choose"), .. Enum.GetValues<ProfessionalRole>().Select(r => new GovukOption(r.ToString(), ProfessionalRoles.Label(r)))];

    public static IEnumerable<GovukOption> Categories(bool withNone = false) =>
        [.. withNone ? [new GovukOption("", "Choose")] : Array.Empty<GovukOption>(), .. AbuseCategories.Codes.Select(c => new GovukOption(c.Key, $"{c.Value} ({c.Key})"))];

    /// <summary>The council's sub-categories, each named with its category.</summary>
    public static IEnumerable<GovukOption> SubCategories(ChildProtectionRules rules) =>
        [new("", "None"), .. rules.SubCategories.SelectMany(c => c.Value.Select(s => new GovukOption(s, $"{AbuseCategories.Label(c.Key)}: {s}")))];

    public static IEnumerable<GovukOption> Participations => Enum.GetValues<Participation>().Select(p => new GovukOption(p.ToString(), Label(p)));

    public static string Label(Participation p) => p switch
    {
        Participation.Attended => "Attended",
        Participation.AttendedPart => "Attended part of it",
        Participation.ViewsInWriting => "Gave their views in writing",
        Participation.ViewsThroughAdvocate => "Gave their views through an advocate",
        Participation.ViewsThroughSocialWorker => "Gave their views through the social worker",
        Participation.DidNotParticipate => "Did not take part",
        _ => "Not appropriate (for example, too young)",
    };

    /// <summary>The page already said something about this field, or a part of its date ("X.Day"): the service's word on it would repeat it.</summary>
    public static bool HasErrorAt(this ModelStateDictionary modelState, string key) =>
        modelState.Any(e => (e.Key == key || e.Key.StartsWith(key + ".", StringComparison.Ordinal)) && e.Value?.Errors.Count > 0);

    /// <summary>The rows with a name, with the index each had on the page, so a message about row 2 of those sent lands on its row.</summary>
    public static List<(int Index, PersonRow Row)> Used(IEnumerable<PersonRow> rows) =>
        rows.Select((r, i) => (i, r)).Where(x => !x.r.IsBlank).ToList();

    /// <summary>
    /// Puts the service's messages beside the page's fields: "Participants[1].Name" (of the rows sent) on the page's row, and
    /// the rest under <paramref name="prefix"/>.
    /// </summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationException ex, string prefix, string rowsName, List<(int Index, PersonRow Row)> used,
        Func<string, string>? rename = null)
    {
        foreach (var e in ex.Errors)
        {
            var key = e.PropertyName;
            if (key.StartsWith(rowsName + "[", StringComparison.Ordinal))
            {
                var close = key.IndexOf(']', StringComparison.Ordinal);
                var sent = int.Parse(key[(rowsName.Length + 1)..close], System.Globalization.CultureInfo.InvariantCulture);
                var field = key[(close + 2)..] == "Name" ? "Name" : "Role";
                key = $"{rowsName}[{(sent < used.Count ? used[sent].Index : sent)}].{field}";
            }
            else if (rename is not null) key = rename(key);
            key = key.Length == 0 ? "" : prefix + key;
            if (modelState[key]?.Errors.Count is null or 0) modelState.AddModelError(key, e.ErrorMessage);
        }
    }
}
