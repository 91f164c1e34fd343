using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;
using Safeguard.Web.Pages.Contacts;

namespace Safeguard.Web.Pages.Cases;

/// <summary>A case note as the form holds it (writing or editing), kept as typed so nothing is lost on an error.</summary>
public sealed class NoteForm
{
    public CaseNoteType? Type { get; set; }
    public WhenForm Occurred { get; set; } = new();
    public bool Significant { get; set; }
    public string? WhoWasSeen { get; set; }
    public string? Text { get; set; }

    public static IEnumerable<GovukOption> Types => Enum.GetValues<CaseNoteType>().Select(t => new GovukOption(t.ToString(), CaseNoteService.Label(t)));

    public static readonly GovukOption[] SignificantChoice =
        [new("true", "This is a significant event", "It is marked on the child's chronology, so it stands out to anyone reading it")];

    public static NoteForm Of(CaseNote n) => new()
    {
        Type = n.Type, Occurred = WhenForm.Of(new DateTimeOffset(DateTime.SpecifyKind(n.OccurredAtUtc, DateTimeKind.Utc))),
        Significant = n.Significant, WhoWasSeen = n.WhoWasSeen, Text = n.Text,
    };

    /// <summary>What to send to the service; a date or time that cannot be read is recorded in the model state.</summary>
    public CaseNoteService.NoteInput ToInput(ModelStateDictionary modelState) =>
        new(Type, Occurred.ToUtc(modelState, "Input.Occurred", "The date it happened", "the time it happened"), Significant, WhoWasSeen, Text);

    /// <summary>The service's refusals beside their fields, without repeating a date the form already found wrong.</summary>
    public static void AddErrors(ModelStateDictionary modelState, ValidationException ex)
    {
        var dateWrong = modelState.Keys.Any(k => k.StartsWith("Input.Occurred", StringComparison.Ordinal) && modelState[k]!.Errors.Count > 0);
        foreach (var e in ex.Errors)
        {
            if (e.PropertyName == nameof(CaseNoteService.NoteInput.OccurredAtUtc))
            {
                if (!dateWrong) modelState.AddModelError("Input.Occurred.Date", e.ErrorMessage);
                continue;
            }
            modelState.AddModelError("Input." + e.PropertyName, e.ErrorMessage);
        }
    }
}
