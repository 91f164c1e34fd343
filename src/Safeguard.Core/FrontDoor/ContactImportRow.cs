using System.Globalization;
using Safeguard.Core.Calendar;
using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>Turns one row's text into a <see cref="NewContact"/>, noting each value that cannot be read.</summary>
internal sealed class ContactImportRow(ContactImport.Row row, Dictionary<string, int> agencies, Dictionary<int, Guid> children)
{
    public List<ImportError> Errors { get; } = [];

    public void Error(string field, string message) => Errors.Add(new ImportError(row.Line, field, message));

    public bool Failed(string field) => Errors.Any(e => e.Field == field);

    private string? Value(string column) => row.Values.GetValueOrDefault(column);

    public static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static readonly string[] ReceivedFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public NewContact Read()
    {
        var names = Value("child_names") is { } n ? n.Split(';', StringSplitOptions.TrimEntries) : [];
        var ids = ChildIds();
        if (ids.Count == 0 && names.Length == 0 && !Failed("child_ids"))
            Error("child_ids", "Give the children's Safeguard IDs in child_ids, or their names in child_names");
        if (!FrontDoorCodes.ReferralSource.IsValid(Value("source_code")?.ToUpperInvariant() ?? ""))
            Error("source_code", $"Enter a DfE referral source code: {string.Join(", ", FrontDoorCodes.ReferralSource.Items.Select(i => i.Code))}");
        return new NewContact
        {
            ReceivedAtUtc = Received(),
            Method = Value("method") is { } m ? Choice("method", m, ContactMethod.Import, Enum.GetValues<ContactMethod>().Where(x => x != ContactMethod.PartnerPortal)) : ContactMethod.Import,
            SourceCode = Value("source_code") ?? "",
            ReferrerAgencyId = Agency(),
            ReferrerName = Value("referrer_name"),
            ReferrerRole = Value("referrer_role"),
            ReferrerContactDetails = Value("referrer_contact"),
            ChildIds = ids,
            ReportedChildren = Reported(names),
            FactorCodes = Split(Value("factor_codes")).ToList(),
            Concerns = Value("concerns") ?? "",
            ReferrerRequest = Value("referrer_request"),
            Consent = Value("consent") is { } c ? Choice("consent", c, Consent.Given, Enum.GetValues<Consent>())
                : Missing("consent", "Enter whether consent was given: Given, NotNeeded, NotSoughtSafeguarding or RefusedOverridden", Consent.Given),
            ConsentReason = Value("consent_reason"),
            PoliceRag = Value("police_rag") is { } r ? Choice("police_rag", r, Rag.Red, Enum.GetValues<Rag>()) : null,
        };
    }

    private T Missing<T>(string field, string message, T fallback)
    {
        Error(field, message);
        return fallback;
    }

    private DateTime Received()
    {
        if (Value("received") is not { } text)
            return Missing("received", "Enter when the contact was received, in UK time, like 2026-11-20 14:05", default(DateTime));
        if (!DateTime.TryParseExact(text, ReceivedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return Missing("received", $"'{text}' is not a date and time like 2026-11-20 14:05 (UK time, 24-hour clock)", default(DateTime));
        return WorkingDayCalendar.FromUkLocal(local).UtcDateTime;
    }

    /// <summary>One of an enum's names, ignoring case, spaces, hyphens and underscores (never its number).</summary>
    private T Choice<T>(string field, string text, T fallback, IEnumerable<T> allowed) where T : struct, Enum
    {
        var key = new string(text.Where(char.IsLetter).ToArray());
        var match = allowed.Where(a => string.Equals(a.ToString(), key, StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count == 1 ? match[0] : Missing(field, $"'{text}' is not one of: {string.Join(", ", allowed)}", fallback);
    }

    private int? Agency()
    {
        if (Value("referrer_agency") is not { } name) return null;
        if (agencies.TryGetValue(name, out var id)) return id;
        Error("referrer_agency", $"No active agency is called '{name}': use the agency's name exactly as Safeguard has it");
        return null;
    }

    private List<Guid> ChildIds()
    {
        var ids = new List<Guid>();
        foreach (var text in Split(Value("child_ids")))
        {
            if (Person.ParseNumber(text) is not { } number) Error("child_ids", $"'{text}' is not a Safeguard ID like SG-0001234");
            else if (children.TryGetValue(number, out var id)) ids.Add(id);
            else Error("child_ids", $"No record has the Safeguard ID {Person.FormatNumber(number)}, or you may not see it");
        }
        return ids;
    }

    private List<ReportedChild> Reported(string[] names)
    {
        var dobs = Value("child_dobs") is { } d ? d.Split(';', StringSplitOptions.TrimEntries) : [];
        var address = Value("child_address");
        if (names.Length == 0)
        {
            if (dobs.Length > 0) Error("child_dobs", "Dates of birth go with the names in child_names: give the names too");
            if (address is not null) Error("child_address", "The address goes with the children in child_names: give their names too");
            return [];
        }
        if (dobs.Length > 0 && dobs.Length != names.Length)
            Error("child_dobs", $"Give one date of birth for each of the {names.Length} names in child_names, in the same order (leave one empty between semicolons if it is not known)");
        var children = new List<ReportedChild>();
        for (var i = 0; i < names.Length; i++)
        {
            DateOnly? dob = null;
            var text = i < dobs.Length ? dobs[i] : "";
            if (text.Length > 0)
            {
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) dob = date;
                else Error("child_dobs", $"'{text}' is not a date like 2016-02-14");
            }
            children.Add(new ReportedChild(names[i], dob, address));
        }
        return children;
    }
}
