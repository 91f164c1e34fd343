using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;
using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>One problem in an import file: the line it is on (the header is line 1), the column, and what to fix.</summary>
public sealed record ImportError(int Line, string Field, string Message);

/// <summary>Either every contact in the file was recorded, or none was and <see cref="Errors"/> says why.</summary>
public sealed record ImportResult(IReadOnlyList<Contact> Contacts, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Loads contacts from a CSV file with a header row (the columns are described in docs/contact-import.md).
/// Every row is checked before anything is saved, and every problem is reported with its line, so a file
/// is fixed in one go; then all of them are recorded in one transaction, or none.
/// </summary>
public sealed class ContactImport(SafeguardDbContext db, RecordAccess access, ContactService contacts, TimeProvider clock)
{
    public const int MaxRows = 10_000;
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The columns, in the order the documentation and the example file give them.</summary>
    public static IReadOnlyList<string> Columns => ColumnNames;

    private static readonly string[] ColumnNames =
    [
        "received", "method", "source_code", "referrer_agency", "referrer_name", "referrer_role", "referrer_contact",
        "child_ids", "child_names", "child_dobs", "child_address", "factor_codes", "concerns", "referrer_request",
        "consent", "consent_reason", "police_rag",
    ];

    private static readonly string[] Required = ["received", "source_code", "concerns", "consent"];

    /// <summary>A data row: the line it starts on and its values by column (blank values left out).</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Values);

    public async Task<ImportResult> ImportAsync(Actor actor, Stream file, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.ImportContacts);
        var bytes = await ReadLimitedAsync(file, ct);
        if (bytes is null) return Failed(new ImportError(0, "file", $"The file is larger than {MaxBytes / 1024 / 1024} MB: split it into smaller files"));

        var (rows, errors) = Parse(bytes);
        if (errors.Count > 0 && rows.Count == 0) return Failed([.. errors]);
        var (inputs, rowErrors) = await ReadRowsAsync(actor, rows, ct);
        errors.AddRange(rowErrors);
        if (errors.Count > 0) return Failed([.. errors.OrderBy(e => e.Line).ThenBy(e => ColumnOrder(e.Field))]);
        return new ImportResult(await contacts.RecordAllAsync(actor, inputs, ct), []);
    }

    /// <summary>
    /// One contact from named values, checked exactly as an import row is (the command line's `contacts add`
    /// takes the import's columns as its options). Errors have line 0.
    /// </summary>
    public async Task<(NewContact? Contact, IReadOnlyList<ImportError> Errors)> ReadOneAsync(Actor actor,
        IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var unknown = values.Keys.Where(k => !Columns.Contains(k)).Select(k => new ImportError(0, k, "Not a contact field")).ToList();
        if (unknown.Count > 0) return (null, unknown);
        var row = new Row(0, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value.Trim()));
        var (inputs, errors) = await ReadRowsAsync(actor, [row], ct);
        return errors.Count > 0 ? (null, errors) : (inputs[0], []);
    }

    private static ImportResult Failed(params ImportError[] errors) => new([], errors);

    private static int ColumnOrder(string field) => Array.IndexOf(ColumnNames, field);

    private static async Task<byte[]?> ReadLimitedAsync(Stream file, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > MaxBytes) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>Splits the file into rows. Problems with the header or the file's shape are errors; values are checked later.</summary>
    internal static (List<Row> Rows, List<ImportError> Errors) Parse(byte[] bytes)
    {
        var rows = new List<Row>();
        var errors = new List<ImportError>();
        if (FirstInvalidUtf8(bytes) is { } at)
        {
            // Excel's plain "CSV" is Windows-1252: read as UTF-8, a name like Zoë would be silently mangled.
            var line = 1 + bytes.AsSpan(0, at).Count((byte)'\n');
            return (rows, [new ImportError(line, "file", "The file is not UTF-8 text: in Excel, save it as \"CSV UTF-8 (comma delimited)\"")]);
        }
        var badQuotes = new HashSet<long>();
        // The separator is fixed: detecting it could mistake a file of one column for something else.
        var options = CsvReaderOptions.Default with
        {
            Separator = ',', TrackLineNumbers = true, TrimWhitespace = true, OnMalformedRecord = m => badQuotes.Add(m.LineNumber),
        };
        using var csv = CsvReader.Create(bytes, options);
        csv.ReadHeader();
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.Count == 0 || header.All(h => h.Length == 0))
            return (rows, [new ImportError(1, "file", "The file is empty: its first line must name the columns, like received,method,source_code,...")]);
        foreach (var name in header.Where(h => !Columns.Contains(h)).Distinct())
            errors.Add(new ImportError(1, name.Length == 0 ? "(blank)" : name, $"Unknown column: the columns are {string.Join(", ", Columns)}"));
        foreach (var name in header.GroupBy(h => h).Where(g => g.Count() > 1 && Columns.Contains(g.Key)).Select(g => g.Key))
            errors.Add(new ImportError(1, name, "This column is in the header more than once"));
        foreach (var name in Required.Where(r => !header.Contains(r)))
            errors.Add(new ImportError(1, name, "This column is missing: every file needs received, source_code, concerns and consent"));
        if (errors.Count > 0) return (rows, errors);   // every row would repeat the header's problem

        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToList();
            if (fields.All(f => f.Length == 0)) continue;   // blank lines and spreadsheet rows of empty cells
            if (rows.Count == MaxRows)
                return ([], [new ImportError(line, "file", $"The file has more than {MaxRows:N0} contacts: split it into smaller files")]);
            if (badQuotes.Contains(line))
            {
                errors.Add(new ImportError(line, "file", "A double quote is out of place: put a value that holds commas, quotes or line breaks in double quotes, and write a quote inside it as two (\"\")"));
                continue;
            }
            // Spreadsheets sometimes add empty cells after the last column: those are harmless.
            while (fields.Count > header.Count && fields[^1].Length == 0) fields.RemoveAt(fields.Count - 1);
            if (fields.Count != header.Count)
            {
                errors.Add(new ImportError(line, "file", $"This line has {fields.Count} values but the header has {header.Count} columns: check for a missing comma, or a comma in a value that is not in double quotes"));
                continue;
            }
            rows.Add(new Row(line, header.Zip(fields).Where(p => p.Second.Length > 0).ToDictionary(p => p.First, p => p.Second)));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new ImportError(2, "file", "The file has a header but no contacts"));
        return (rows, errors);
    }

    private static int? FirstInvalidUtf8(byte[] bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.InvalidData ? read : null;
    }

    private async Task<(List<NewContact> Inputs, List<ImportError> Errors)> ReadRowsAsync(Actor actor, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var agencyByName = agencies.GroupBy(a => a.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var children = await ChildrenAsync(actor, rows, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var validator = new NewContactValidator(now);
        var inputs = new List<NewContact>(rows.Count);
        var errors = new List<ImportError>();
        foreach (var row in rows)
        {
            var reader = new ContactImportRow(row, agencyByName, children);
            var input = reader.Read();
            foreach (var failure in validator.Validate(input.Tidy()).Errors)
            {
                var field = ColumnFor(failure.PropertyName, input);
                if (!reader.Failed(field)) reader.Error(field, failure.ErrorMessage);
            }
            errors.AddRange(reader.Errors);
            inputs.Add(input);
        }
        return (inputs, errors);
    }

    /// <summary>The children named by Safeguard ID anywhere in the file that this person may see, by number.</summary>
    private async Task<Dictionary<int, Guid>> ChildrenAsync(Actor actor, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        // Someone who may not see children's records (a partner agency) learns nothing about which IDs exist.
        if (!actor.Can(Capabilities.ViewChildRecord) && actor.UserId != "system") return [];
        var numbers = rows.SelectMany(r => ContactImportRow.Split(r.Values.GetValueOrDefault("child_ids")))
            .Select(Person.ParseNumber).OfType<int>().Distinct().ToList();
        var found = new Dictionary<int, Guid>();
        // In chunks: each number is a query parameter, and databases limit how many a query may have.
        foreach (var chunk in numbers.Chunk(500))
        {
            var people = await access.VisiblePeople(actor).AsNoTracking().Where(p => chunk.Contains(p.Number) && p.RecordedInErrorAtUtc == null)
                .Select(p => new { p.Number, p.Id }).ToListAsync(ct);
            foreach (var p in people) found[p.Number] = p.Id;
        }
        return found;
    }

    /// <summary>Which column a rule of <see cref="NewContactValidator"/> is about.</summary>
    private static string ColumnFor(string property, NewContact input) => property switch
    {
        nameof(NewContact.ReceivedAtUtc) => "received",
        nameof(NewContact.SourceCode) => "source_code",
        nameof(NewContact.ReferrerAgencyId) => "referrer_agency",
        nameof(NewContact.ReferrerName) => "referrer_name",
        nameof(NewContact.ReferrerRole) => "referrer_role",
        nameof(NewContact.ReferrerContactDetails) => "referrer_contact",
        nameof(NewContact.Concerns) => "concerns",
        nameof(NewContact.ReferrerRequest) => "referrer_request",
        nameof(NewContact.Consent) => "consent",
        nameof(NewContact.ConsentReason) => "consent_reason",
        nameof(NewContact.PoliceRag) => "police_rag",
        _ when property.StartsWith("FactorCodes", StringComparison.Ordinal) => "factor_codes",
        _ when property.EndsWith(".DateOfBirth", StringComparison.Ordinal) => "child_dobs",
        _ when property.EndsWith(".Address", StringComparison.Ordinal) => "child_address",
        _ when property.StartsWith("Children", StringComparison.Ordinal) => input.ReportedChildren.Count > 0 ? "child_names" : "child_ids",
        _ => property,
    };
}
