using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.Plans;

/// <summary>One action as typed on a page: what, whose (a member of staff, or named), and the date boxes as typed.</summary>
public sealed class ActionRow
{
    public string? Text { get; set; }
    public string? OwnerUserId { get; set; }
    public string? OwnerName { get; set; }
    public DateParts Due { get; set; } = new();

    public ChildInNeedPlanService.ActionInput ToInput() => new(Text, OwnerName, OwnerUserId, PlanForms.DueText(Due));
}

/// <summary>Progress on one open action as typed at a meeting (a child in need review, a core group).</summary>
public sealed class ProgressRow
{
    public int ActionId { get; set; }
    public PlanActionStatus? Status { get; set; }
    public string? Text { get; set; }
}

/// <summary>What the plan pages share: the due date as typed, the owner and status choices, and the service's messages beside the fields.</summary>
public static class PlanForms
{
    /// <summary>
    /// The due date for the service to check, as typed: an ISO date when the boxes make one, otherwise what was typed
    /// (so "ongoing" in the day box is refused by name), or null when nothing was.
    /// </summary>
    public static string? DueText(DateParts due)
    {
        if (due.IsEmpty) return null;
        if (due.ToDate() is { } date) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Join(" ", new[] { due.Day, due.Month, due.Year }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
    }

    public static IEnumerable<GovukOption> Owners(IEnumerable<ChildInNeedPlanService.Owner> owners) =>
        [new("", "Someone else (name them below)"), .. owners.Select(o => new GovukOption(o.Id, o.JobTitle is null ? o.Name : $"{o.Name}, {o.JobTitle}"))];

    public static IEnumerable<GovukOption> Statuses => Enum.GetValues<PlanActionStatus>()
        .Select(s => new GovukOption(s.ToString(), ChildInNeedPlanService.Label(s),
            s == PlanActionStatus.NoLongerNeeded ? "Say why below: the action stays on the plan, marked" : null));

    /// <summary>Puts the service's messages beside the page's fields: a due date's message on its date boxes.</summary>
    public static void AddPlanErrors(this ModelStateDictionary modelState, ValidationException ex, string prefix = "")
    {
        foreach (var e in ex.Errors)
        {
            var key = e.PropertyName.EndsWith("DueDate", StringComparison.Ordinal) ? e.PropertyName[..^"DueDate".Length] + "Due" : e.PropertyName;
            modelState.AddModelError(prefix + key, e.ErrorMessage);
        }
    }

    public static string StageColour(PlanStage stage) => stage switch
    {
        PlanStage.Draft => "govuk-tag--grey",
        PlanStage.AwaitingAuthorisation => "govuk-tag--blue",
        PlanStage.Active => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };
}
