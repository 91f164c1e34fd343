using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.Oversight;

/// <summary>One action's row on an oversight form: what, who, and the due date's three boxes (kept as typed).</summary>
public sealed class ActionRow
{
    public string? Text { get; set; }
    public string? OwnerId { get; set; }
    public DateParts Due { get; set; } = new();
}

/// <summary>What the oversight and supervision forms share: reading action rows, naming errors, the owners list.</summary>
public static class OversightForms
{
    /// <summary>The rows as the service takes them. A due date that is not a real date is an error on its boxes, and goes as none.</summary>
    public static List<OversightService.ActionInput> Read(IReadOnlyList<ActionRow> rows, string prefix, ModelStateDictionary modelState)
    {
        var inputs = new List<OversightService.ActionInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            DateOnly? due = null;
            if (!row.Due.IsEmpty)
            {
                if (row.Due.Validate($"The date action {i + 1} is due by") is { } error) modelState.AddDateError($"{prefix}[{i}].Due", error);
                else due = row.Due.ToDate();
            }
            inputs.Add(new OversightService.ActionInput(row.Text, row.OwnerId, due));
        }
        return inputs;
    }

    /// <summary>Puts the service's errors beside the form's fields, except where the page has already found one.</summary>
    public static void AddErrors(ModelStateDictionary modelState, FluentValidation.ValidationException ex, Func<string, string>? rename = null)
    {
        foreach (var e in ex.Errors)
        {
            var key = e.PropertyName.Replace(".DueDate", ".Due", StringComparison.Ordinal);
            if (rename is not null) key = rename(key);
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            if (modelState.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal) && modelState[k]!.Errors.Count > 0)) continue;
            modelState.AddModelError(key, e.ErrorMessage);
        }
    }

    public static List<GovukOption> OwnerOptions(IEnumerable<OversightService.Owner> owners, string myId) =>
        [new("", "Choose who"), .. owners.Select(o => new GovukOption(o.Id, o.Id == myId ? $"{o.Name} (you)" : o.JobTitle is null ? o.Name : $"{o.Name}, {o.JobTitle}"))];

    /// <summary>At least <paramref name="blank"/> rows, keeping what was typed.</summary>
    public static List<ActionRow> Pad(List<ActionRow>? rows, int blank)
    {
        rows ??= [];
        while (rows.Count < blank) rows.Add(new ActionRow());
        return rows;
    }
}
