using Safeguard.Core.Access;
using Safeguard.Core.FrontDoor;

namespace Safeguard.Web.Api;

// What the front door's API reads and writes. Plain records, never the EF entities (their navigations loop), and
// choices as their names ("Mash", "Amber") rather than numbers, so a script reads like the page it stands for.

public sealed record ReportedChildInput(string? Name, DateOnly? DateOfBirth, string? Address);

public sealed record ContactInput(DateTime ReceivedAtUtc, string? Method, string? SourceCode, int? ReferrerAgencyId, string? ReferrerName,
    string? ReferrerRole, string? ReferrerContactDetails, IReadOnlyList<Guid>? ChildIds, IReadOnlyList<ReportedChildInput>? ReportedChildren,
    IReadOnlyList<string>? FactorCodes, string? Concerns, string? ReferrerRequest, string? Consent, string? ConsentReason, string? PoliceRag);

public sealed record MatchInput(Guid Version, int? ContactChildId, Guid PersonId);
public sealed record ScreeningInput(Guid Version, string? Outcome, string? Reason, int? ToTeamId, string? PrimaryNeedCode, DateTime? DecidedAtUtc);
public sealed record ReferrerToldInput(Guid Version, DateOnly ToldOn, string? How);
public sealed record AssignInput(Guid Version, string? WorkerId);
public sealed record RatingInput(Guid Version, string? Rating, string? Reason);
public sealed record InformationRequestInput(int AgencyId, string? Question);
public sealed record VersionInput(Guid Version);
public sealed record DecisionInput(Guid Version, string? Outcome, string? Rationale, int? ToTeamId, string? PrimaryNeedCode, bool? CountsAsReferral,
    DateTime? DecidedAtUtc);
public sealed record AnswerInput(Guid Version, string? Answer);

public sealed record ContactChanged(int Id, string Reference, Guid Version, string Stage, int? MashCaseId);
public sealed record MashChanged(int Id, Guid Version, string? InitialRag, string? CurrentRag, DateTime DueAtUtc, string? WorkerName, string? Outcome,
    DateTime? DecidedAtUtc);
public sealed record RequestChanged(int Id, Guid Version, int MashCaseId, int AgencyId, DateTime DueAtUtc, DateTime? AnsweredAtUtc, DateTime? WithdrawnAtUtc);
public sealed record ContactRef(int Id, string Reference);
public sealed record ImportSummary(int Imported, int AwaitingScreening, int NewInformation, IReadOnlyList<ContactRef> Contacts);

public sealed record ChildDto(int ContactChildId, Guid? PersonId, string Name, string? SafeguardId, DateOnly? DateOfBirth, string? ReportedName,
    DateOnly? ReportedDateOfBirth, string? ReportedAddress, bool HadOpenCase, string? NewInformationFor, FrontDoorQueries.EarlierReferral? EarlierReferral,
    IReadOnlyList<DuplicateDto> PossibleDuplicates, int? ReferralId);
public sealed record DuplicateDto(int ContactId, string Reference, DateTime ReceivedAtUtc, string SourceCode, string? ReferrerName, string Stage, string Concerns);

public sealed record ContactDto(int Id, string Reference, Guid Version, string Stage, DateTime ReceivedAtUtc, string Method, string SourceCode,
    int? ReferrerAgencyId, string? ReferrerAgency, string? ReferrerName, string? ReferrerRole, string? ReferrerContactDetails,
    IReadOnlyList<ChildDto> Children, IReadOnlyList<string> FactorCodes, string Concerns, string? ReferrerRequest, string Consent, string? ConsentReason,
    string? PoliceRag, DateTime ScreeningDueAtUtc, string? ScreeningOutcome, string? ScreeningReason, DateTime? ScreenedAtUtc, string? ScreenedByName,
    int? ToTeamId, string? ToTeam, DateOnly? ReferrerToldOn, string? ReferrerToldHow, DateTime RecordedAtUtc, string RecordedByName, int? MashCaseId,
    IReadOnlyList<AttachmentSummary> Attachments);

public sealed record QueueItem(int ContactId, string Reference, DateTime ReceivedAtUtc, DateTime DueAtUtc, string SourceCode, string? ReferrerName,
    string Method, IReadOnlyList<string> Children, bool NeedsMatching, bool PossibleRepeat);
public sealed record QueuePage(int Page, int PageSize, int Total, int Overdue, IReadOnlyList<QueueItem> Items);

public sealed record RatingDto(string Rating, bool IsInitial, string? Reason, DateTime RatedAtUtc, string RatedByName);
public sealed record RequestDto(int Id, Guid Version, int AgencyId, string Agency, string Question, DateTime SentAtUtc, string SentByName,
    string RatingWhenSent, DateTime DueAtUtc, string? Answer, DateTime? AnsweredAtUtc, string? AnsweredByName, DateTime? WithdrawnAtUtc, bool Late,
    IReadOnlyList<AttachmentSummary> Attachments);
public sealed record MashCaseDto(int Id, Guid Version, int ContactId, string ContactReference, DateTime StartedAtUtc, DateTime DueAtUtc, string? WorkerId,
    string? WorkerName, string? InitialRag, string? CurrentRag, string? Outcome, string? Rationale, int? ToTeamId, string? ToTeam, bool CountsAsReferral,
    DateTime? DecidedAtUtc, string? DecidedByName, IReadOnlyList<RatingDto> Ratings, IReadOnlyList<RequestDto> Requests, ContactDto Contact);

public sealed record RagCountDto(string? Rating, int Open, int Breached);
public sealed record MashRowDto(int CaseId, int ContactId, string Reference, DateTime ReceivedAtUtc, DateTime DueAtUtc, string? InitialRag,
    string? CurrentRag, string? PoliceRag, string? WorkerName, IReadOnlyList<string> Children, int RequestsOutstanding, int RequestsLate, int RequestsAnswered);
public sealed record MashDashboardDto(IReadOnlyList<RagCountDto> Counts, IReadOnlyList<MashRowDto> Items);

public sealed record PartnerRequestRow(int Id, string ContactReference, int Children, string Rating, DateTime SentAtUtc, DateTime DueAtUtc,
    DateTime? AnsweredAtUtc, DateTime? WithdrawnAtUtc);
public sealed record PartnerRequestDto(int Id, Guid Version, string Agency, string ContactReference, string Question, string RatingWhenSent,
    DateTime SentAtUtc, string SentByName, DateTime DueAtUtc, string? Answer, DateTime? AnsweredAtUtc, string? AnsweredByName, DateTime? WithdrawnAtUtc,
    IReadOnlyList<PartnerService.ChildDetails> Children, IReadOnlyList<AttachmentSummary> Attachments);

/// <summary>Turns the Core's views into the API's records, and the API's text into the Core's choices.</summary>
public static class FrontDoorMapping
{
    public static ContactDto ToDto(FrontDoorQueries.ContactView v)
    {
        var c = v.Contact;
        return new ContactDto(c.Id, c.Reference, c.Version, c.Stage.ToString(), c.ReceivedAtUtc, c.Method.ToString(), c.SourceCode,
            c.ReferrerAgencyId, v.AgencyName, c.ReferrerName, c.ReferrerRole, c.ReferrerContactDetails,
            v.Children.Select(ToDto).ToList(), c.Factors.Select(f => f.Code).Order().ToList(), c.Concerns, c.ReferrerRequest, c.Consent.ToString(),
            c.ConsentReason, c.PoliceRag?.ToString(), c.ScreeningDueAtUtc, c.ScreeningOutcome?.ToString(), c.ScreeningReason, c.ScreenedAtUtc,
            c.ScreenedByName, c.ToTeamId, v.ToTeamName, c.ReferrerToldOn, c.ReferrerToldHow, c.RecordedAtUtc, c.RecordedByName, v.MashCaseId, v.Attachments);
    }

    private static ChildDto ToDto(FrontDoorQueries.ChildOnContact c) =>
        new(c.ContactChildId, c.PersonId, c.Name, c.SafeguardId, c.DateOfBirth, c.ReportedName, c.ReportedDateOfBirth, c.ReportedAddress,
            c.HadOpenCase, c.NewInformationFor, c.EarlierReferral,
            c.PossibleDuplicates.Select(d => new DuplicateDto(d.ContactId, d.Reference, d.ReceivedAtUtc, d.SourceCode, d.ReferrerName, d.Stage.ToString(), d.Concerns)).ToList(),
            c.ReferralId);

    public static MashCaseDto ToDto(FrontDoorQueries.MashCaseView v, DateTime nowUtc)
    {
        var m = v.Case;
        return new MashCaseDto(m.Id, m.Version, m.ContactId, v.Contact.Contact.Reference, m.StartedAtUtc, m.DueAtUtc, m.WorkerId, m.WorkerName,
            m.InitialRag?.ToString(), m.CurrentRag?.ToString(), m.Outcome?.ToString(), m.Rationale, m.ToTeamId, v.ToTeamName, m.CountsAsReferral,
            m.DecidedAtUtc, m.DecidedByName,
            v.Ratings.Select(r => new RatingDto(r.Rating.ToString(), r.IsInitial, r.Reason, r.RatedAtUtc, r.RatedByName)).ToList(),
            v.Requests.Select(r => new RequestDto(r.Request.Id, r.Request.Version, r.Request.AgencyId, r.AgencyName, r.Request.Question, r.Request.SentAtUtc,
                r.Request.SentByName, r.Request.RatingWhenSent.ToString(), r.Request.DueAtUtc, r.Request.Answer, r.Request.AnsweredAtUtc,
                r.Request.AnsweredByName, r.Request.WithdrawnAtUtc, r.IsLate(nowUtc), r.Attachments)).ToList(),
            ToDto(v.Contact));
    }

    public static MashChanged Changed(MashCase m) =>
        new(m.Id, m.Version, m.InitialRag?.ToString(), m.CurrentRag?.ToString(), m.DueAtUtc, m.WorkerName, m.Outcome?.ToString(), m.DecidedAtUtc);

    public static RequestChanged Changed(InformationRequest r) =>
        new(r.Id, r.Version, r.MashCaseId, r.AgencyId, r.DueAtUtc, r.AnsweredAtUtc, r.WithdrawnAtUtc);

    /// <summary>One of an enum's names, ignoring case; anything else (a number included) is a 400 naming the field.</summary>
    public static T Choice<T>(string? text, string field) where T : struct, Enum
    {
        var names = Enum.GetNames<T>();
        var name = names.FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null ? Enum.Parse<T>(name) : throw Refuse.Invalid(field, $"Choose one of: {string.Join(", ", names)}");
    }

    /// <summary>A change must say which version of the record it was made from.</summary>
    public static void NeedVersion(Guid version)
    {
        if (version == Guid.Empty) throw Refuse.Invalid("Version", "Send the version of the record you read (GET it first): it stops one person overwriting another's change");
    }

    /// <summary>Times are UTC: one sent with an offset is converted, one sent without is taken as UTC.</summary>
    public static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Local => t.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        _ => t,
    };
}
