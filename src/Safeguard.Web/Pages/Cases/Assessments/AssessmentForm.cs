using Safeguard.Core.SocialWork;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.Cases.Assessments;

/// <summary>The assessment as the worker types it; every field may be empty until it is sent to the manager.</summary>
public sealed class AssessmentForm
{
    public DateParts ChildSeenOn { get; set; } = new();
    public DateParts ChildSeenAloneOn { get; set; } = new();
    public string? NotSeenAloneReason { get; set; }
    public List<string> FactorCodes { get; set; } = [];
    public string? Analysis { get; set; }
    public string? ChildViews { get; set; }
    public string? FamilyViews { get; set; }
    public AssessmentOutcome? Outcome { get; set; }
    public string? PrimaryNeedCode { get; set; }
    public string? LateReason { get; set; }

    public static AssessmentForm From(Assessment a) => new()
    {
        ChildSeenOn = DateParts.From(a.ChildSeenOn), ChildSeenAloneOn = DateParts.From(a.ChildSeenAloneOn), NotSeenAloneReason = a.NotSeenAloneReason,
        FactorCodes = [.. a.Factors.Select(f => f.Code)], Analysis = a.Analysis, ChildViews = a.ChildViews, FamilyViews = a.FamilyViews,
        Outcome = a.Outcome, PrimaryNeedCode = a.PrimaryNeedCode, LateReason = a.LateReason,
    };

    /// <summary>The form as a kept draft put back: fields are named as posted ("Input.Analysis", "Input.ChildSeenOn.Day").</summary>
    public static AssessmentForm From(IReadOnlyDictionary<string, string?> d)
    {
        string? One(string key) => FormDraftFields.One(d, "Input." + key);
        DateParts Date(string key) => new() { Day = One(key + ".Day"), Month = One(key + ".Month"), Year = One(key + ".Year") };
        return new AssessmentForm
        {
            ChildSeenOn = Date(nameof(ChildSeenOn)), ChildSeenAloneOn = Date(nameof(ChildSeenAloneOn)), NotSeenAloneReason = One(nameof(NotSeenAloneReason)),
            FactorCodes = FormDraftFields.Many(d, "Input." + nameof(FactorCodes)), Analysis = One(nameof(Analysis)), ChildViews = One(nameof(ChildViews)),
            FamilyViews = One(nameof(FamilyViews)), Outcome = Enum.TryParse<AssessmentOutcome>(One(nameof(Outcome)), out var o) ? o : null,
            PrimaryNeedCode = string.IsNullOrEmpty(One(nameof(PrimaryNeedCode))) ? null : One(nameof(PrimaryNeedCode)), LateReason = One(nameof(LateReason)),
        };
    }

    /// <summary>The service's draft, once the dates are real dates (or empty).</summary>
    public AssessmentService.Draft ToDraft() => new(ChildSeenOn.ToDate(), ChildSeenAloneOn.ToDate(), NotSeenAloneReason, FactorCodes, Analysis, ChildViews,
        FamilyViews, Outcome, PrimaryNeedCode, LateReason);
}
