using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.FrontDoor;
using Safeguard.Web.Govuk;

namespace Safeguard.Web.Pages.Contacts;

/// <summary>A child as the referrer named them: one row of the form.</summary>
public sealed class ReportedChildRow
{
    public string? Name { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Address { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && DateOfBirth.IsEmpty && string.IsNullOrWhiteSpace(Address);
}

/// <summary>
/// "Record a contact" as the form holds it. Turns into Core's <see cref="NewContact"/>, and maps Core's field names back
/// to the form's, so every message lands beside its field.
/// </summary>
public sealed partial class ContactForm
{
    public const int ReportedRows = 5;

    public List<Guid> ChildIds { get; set; } = [];
    public List<ReportedChildRow> Reported { get; set; } = [];
    public WhenForm Received { get; set; } = new();
    public ContactMethod? Method { get; set; }
    public string? SourceCode { get; set; }
    public int? ReferrerAgencyId { get; set; }
    public string? ReferrerName { get; set; }
    public string? ReferrerRole { get; set; }
    public string? ReferrerContactDetails { get; set; }
    public Rag? PoliceRag { get; set; }
    public List<string> FactorCodes { get; set; } = [];
    public string? Concerns { get; set; }
    public string? ReferrerRequest { get; set; }
    public Consent? Consent { get; set; }
    // Each consent that needs a reason reveals its own box: two boxes with one name would both be posted.
    public string? NotSoughtReason { get; set; }
    public string? RefusedReason { get; set; }

    /// <summary>Always five rows to type in, keeping what was typed.</summary>
    public void PadRows()
    {
        while (Reported.Count < ReportedRows) Reported.Add(new ReportedChildRow());
    }

    /// <summary>The rows that hold something, with their position on the form (for putting errors back).</summary>
    private List<int> UsedRows() => Enumerable.Range(0, Reported.Count).Where(i => !Reported[i].IsEmpty).ToList();

    /// <summary>
    /// What to send to Core. The form's own mistakes (dates, times, questions not answered) are added to ModelState and
    /// a harmless stand-in is sent instead, so Core's rules can still be checked and every error shown at once.
    /// </summary>
    public NewContact ToNewContact(ModelStateDictionary modelState, DateTime nowUtc)
    {
        var received = Received.ToUtc(modelState, "Input.Received", "The date it was received", "the time it was received");
        var reported = new List<ReportedChild>();
        foreach (var i in UsedRows())
        {
            var row = Reported[i];
            var error = row.DateOfBirth.Validate("Date of birth", required: false);
            if (error is not null) modelState.AddDateError($"Input.Reported[{i}].DateOfBirth", error);
            reported.Add(new ReportedChild(row.Name ?? "", row.DateOfBirth.ToDate(), row.Address));
        }
        if (Method is null) modelState.AddModelError("Input.Method", "Choose how the contact was made");
        if (Consent is null) modelState.AddModelError("Input.Consent", "Choose whether consent to share information was given");

        var source = SourceCode?.Trim().ToUpperInvariant() ?? "";
        return new NewContact
        {
            ReceivedAtUtc = received ?? nowUtc, Method = Method ?? ContactMethod.Phone, SourceCode = source,
            // The agency and the police rating are shown only for the sources they belong to: a value left in a hidden field is ignored.
            ReferrerAgencyId = FrontDoorCodes.IsProfessional(source) ? ReferrerAgencyId : null,
            PoliceRag = source == "6" ? PoliceRag : null,
            ReferrerName = ReferrerName, ReferrerRole = ReferrerRole, ReferrerContactDetails = ReferrerContactDetails,
            ChildIds = ChildIds, ReportedChildren = reported, FactorCodes = FactorCodes, Concerns = Concerns ?? "",
            ReferrerRequest = ReferrerRequest, Consent = Consent ?? Core.FrontDoor.Consent.NotNeeded,
            ConsentReason = Consent switch
            {
                Core.FrontDoor.Consent.NotSoughtSafeguarding => NotSoughtReason,
                Core.FrontDoor.Consent.RefusedOverridden => RefusedReason,
                _ => null,
            },
        };
    }

    [GeneratedRegex(@"^Children\[(\d+)\]\.(\w+)$")]
    private static partial Regex ReportedField();

    /// <summary>The form's key for one of Core's field names.</summary>
    public string FieldFor(string coreField, bool choosingFromRecords)
    {
        var row = ReportedField().Match(coreField);
        if (row.Success)
        {
            var used = UsedRows();
            var index = int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return $"Input.Reported[{(index < used.Count ? used[index] : 0)}].{row.Groups[2].Value}";
        }
        return coreField switch
        {
            "Children" => choosingFromRecords ? "Input.ChildIds" : "Input.Reported[0].Name",
            "ReceivedAtUtc" => "Input.Received.Date",
            "ConsentReason" => Consent == Core.FrontDoor.Consent.RefusedOverridden ? "Input.RefusedReason" : "Input.NotSoughtReason",
            _ when coreField.StartsWith("FactorCodes", StringComparison.Ordinal) => "Input.FactorCodes",
            _ => "Input." + coreField,
        };
    }
}
