using Safeguard.Core.SocialWork;

namespace Safeguard.Web.Pages.Cases;

/// <summary>Where an assessment is, in words and a tag colour, as the case page and the assessment page show it.</summary>
public static class AssessmentStatus
{
    public static (string Text, string Colour) Of(Assessment a, DateOnly today) => a.Stage switch
    {
        AssessmentStage.Authorised => ($"Authorised {Display.Date(a.AuthorisedOn)}" + (a.AuthorisedOn > a.DueDate ? " (late)" : ""), "govuk-tag--green"),
        AssessmentStage.AwaitingAuthorisation => ("With the manager", "govuk-tag--blue"),
        _ when today > a.DueDate => ("Late", "govuk-tag--red"),
        _ when a.SubmittedAtUtc is not null => ("Returned to the worker", "govuk-tag--orange"),
        _ => ("In progress", "govuk-tag--grey"),
    };
}
