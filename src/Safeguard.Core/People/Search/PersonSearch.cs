using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Log;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;

namespace Safeguard.Core.People.Search;

public sealed record PersonQuery(string? Text, DateOnly? DateOfBirth = null, int Page = 1, int PageSize = 20);

public sealed record SearchResult(
    Guid Id, int Number, string FirstName, string? MiddleNames, string LastName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth,
    string Sex, string? NhsNumber, string? CurrentAddress, int Score, string MatchedOn)
{
    public string SafeguardId => Person.FormatNumber(Number);
    public string Name => MiddleNames is { Length: > 0 } ? $"{FirstName} {MiddleNames} {LastName}" : $"{FirstName} {LastName}";
}

public sealed record SearchResults(IReadOnlyList<SearchResult> Items, int Total, int Page, int PageSize, string Interpretation)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Finds people by name (spelling, order and hyphens tolerated), date of birth, NHS number, UPN or Safeguard ID,
/// using indexed columns only, the same way on SQLite and PostgreSQL. Restricted records the searcher may not
/// see, and records marked recorded in error, never appear.
/// </summary>
public sealed class PersonSearch(SafeguardDbContext db, RecordAccess access, AccessLogQueue queue, TimeProvider clock)
{
    /// <summary>How many name candidates are scored in memory; the best-scoring of these are returned.</summary>
    private const int CandidateLimit = 400;
    public const int MinimumScore = 55;

    public async Task<SearchResults> SearchAsync(Actor actor, PersonQuery query, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.FindPeople);
        var text = (query.Text ?? "").Trim();
        var dob = query.DateOfBirth;
        if (TryTakeDate(ref text, out var typedDate)) dob ??= typedDate;
        var visible = access.VisiblePeople(actor).Where(p => p.RecordedInErrorAtUtc == null);

        List<(Guid Id, int Score)> ranked;
        string interpretation, matchedOn;
        if (text.Length == 0 && dob is null)
            return new SearchResults([], 0, 1, query.PageSize, "Enter a name, date of birth, NHS number, UPN or Safeguard ID");

        if (Person.ParseNumber(text) is { } number && (text.StartsWith("SG", StringComparison.OrdinalIgnoreCase) || text.Length <= 7))
        {
            ranked = await Exact(visible.Where(p => p.Number == number).OrderBy(p => p.Number), ct);
            (interpretation, matchedOn) = ($"Safeguard ID {Person.FormatNumber(number)}", "Safeguard ID");
        }
        else if (NhsNumber.Normalise(text) is { } nhs && NhsNumber.IsValid(nhs))
        {
            ranked = await Exact(visible.Where(p => p.NhsNumber == nhs).OrderBy(p => p.Number), ct);
            (interpretation, matchedOn) = ($"NHS number {NhsNumber.Format(nhs)}", "NHS number");
        }
        else if (Upn.Normalise(text) is var upn && Upn.IsValid(upn))
        {
            ranked = await Exact(visible.Where(p => p.Upn == upn).OrderBy(p => p.Number), ct);
            (interpretation, matchedOn) = ($"UPN {upn}", "UPN");
        }
        else if (text.Length == 0)
        {
            ranked = await Exact(visible.Where(p => p.DateOfBirth == dob).OrderBy(p => p.LastName).ThenBy(p => p.FirstName), ct);
            (interpretation, matchedOn) = ($"born {dob:d MMMM yyyy}", "date of birth");
        }
        else
        {
            ranked = await ByNameAsync(visible, text, dob, ct);
            interpretation = dob is null ? $"name \"{text}\"" : $"name \"{text}\", born {dob:d MMMM yyyy}";
            matchedOn = "name";
        }

        await queue.EnqueueAsync(AccessRecord.By(actor, clock.GetUtcNow().UtcDateTime, AccessAction.Searched, null,
            "Search: " + interpretation + $" ({ranked.Count} found)"), ct);

        // Only the page being shown is loaded in full (address included).
        var page = Math.Max(1, query.Page);
        var pageRanks = ranked.Skip((page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var pageIds = pageRanks.Select(r => r.Id).ToList();
        var details = (await Project(visible.Where(p => pageIds.Contains(p.Id))).ToListAsync(ct)).ToDictionary(d => d.Id);
        var items = pageRanks.Where(r => details.ContainsKey(r.Id))
            .Select(r => details[r.Id] with { Score = r.Score, MatchedOn = matchedOn }).ToList();
        return new SearchResults(items, ranked.Count, page, query.PageSize, interpretation);
    }

    /// <summary>Ranks name candidates by likeness, reading only the names, not the whole records.</summary>
    private async Task<List<(Guid Id, int Score)>> ByNameAsync(IQueryable<Person> visible, string text, DateOnly? dob, CancellationToken ct)
    {
        var tokens = SearchKeys.Tokens(text).Distinct().ToList();
        if (tokens.Count == 0) return [];
        var phonetics = tokens.Select(SearchKeys.Phonetic).Where(p => p.Length > 0).Distinct().ToList();

        // People with the most matching name parts first; the scorer then ranks them properly.
        var candidateIds = await CandidatesAsync(db, tokens, phonetics, dob is null ? CandidateLimit : CandidateLimit * 10, ct);

        var people = visible.Where(p => candidateIds.Contains(p.Id));
        if (dob is not null) people = people.Where(p => p.DateOfBirth == dob || p.ExpectedDateOfBirth == dob);
        var candidates = await people.OrderBy(p => p.Number).Take(CandidateLimit)
            .Select(p => new { p.Id, p.FirstName, p.LastName }).ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var previous = (await db.PersonNames.Where(n => ids.Contains(n.PersonId))
            .Select(n => new { n.PersonId, n.FirstName, n.LastName }).ToListAsync(ct))
            .ToLookup(n => n.PersonId, n => n.FirstName + " " + n.LastName);

        return candidates
            .Select(c => (c.Id, c.LastName, c.FirstName, Score: NameMatch.Score(text, c.FirstName, c.LastName, previous[c.Id])))
            .Where(c => c.Score >= MinimumScore)
            .OrderByDescending(c => c.Score).ThenBy(c => c.LastName).ThenBy(c => c.FirstName)
            .Select(c => (c.Id, c.Score))
            .ToList();
    }

    private static async Task<List<(Guid Id, int Score)>> Exact(IOrderedQueryable<Person> people, CancellationToken ct) =>
        (await people.Take(CandidateLimit).Select(p => p.Id).ToListAsync(ct)).Select(id => (id, 100)).ToList();

    /// <summary>
    /// The people with the most name parts matching by spelling or by sound, best first. Two index-only scans
    /// joined with UNION ALL (an exact spelling counts twice, as it matches both), not an OR that would read the table.
    /// </summary>
    internal static Task<List<Guid>> CandidatesAsync(SafeguardDbContext db, List<string> tokens, List<string> phonetics, int limit, CancellationToken ct) =>
        db.PersonNameKeys.Where(k => tokens.Contains(k.Token)).Select(k => k.PersonId)
            .Concat(db.PersonNameKeys.Where(k => phonetics.Contains(k.Phonetic)).Select(k => k.PersonId))
            .GroupBy(id => id)
            .Select(g => new { PersonId = g.Key, Hits = g.Count() })
            .OrderByDescending(g => g.Hits).ThenBy(g => g.PersonId).Take(limit)
            .Select(g => g.PersonId).ToListAsync(ct);

    private IQueryable<SearchResult> Project(IQueryable<Person> people) =>
        people.Select(p => new SearchResult(p.Id, p.Number, p.FirstName, p.MiddleNames, p.LastName, p.DateOfBirth, p.ExpectedDateOfBirth,
            p.Sex, p.NhsNumber,
            db.Addresses.Where(a => a.PersonId == p.Id && a.To == null).OrderByDescending(a => a.From)
                .Select(a => a.Line1 + ", " + a.Postcode).FirstOrDefault(),
            0, ""));

    /// <summary>Pulls a date typed into the search box (12/03/2015, 12-3-2015, 2015-03-12) out of the text.</summary>
    internal static bool TryTakeDate(ref string text, out DateOnly? date)
    {
        date = null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (DateOnly.TryParseExact(part, ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
                text = string.Join(' ', parts.Where(p => p != part));
                return true;
            }
        }
        return false;
    }
}
