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

        List<SearchResult> scored;
        string interpretation;
        if (text.Length == 0 && dob is null)
            return new SearchResults([], 0, 1, query.PageSize, "Enter a name, date of birth, NHS number, UPN or Safeguard ID");

        if (Person.ParseNumber(text) is { } number && (text.StartsWith("SG", StringComparison.OrdinalIgnoreCase) || text.Length <= 7))
        {
            scored = await Load(visible.Where(p => p.Number == number).OrderBy(p => p.Number), "Safeguard ID", ct);
            interpretation = $"Safeguard ID {Person.FormatNumber(number)}";
        }
        else if (NhsNumber.Normalise(text) is { } nhs && NhsNumber.IsValid(nhs))
        {
            scored = await Load(visible.Where(p => p.NhsNumber == nhs).OrderBy(p => p.Number), "NHS number", ct);
            interpretation = $"NHS number {NhsNumber.Format(nhs)}";
        }
        else if (Upn.Normalise(text) is var upn && Upn.IsValid(upn))
        {
            scored = await Load(visible.Where(p => p.Upn == upn).OrderBy(p => p.Number), "UPN", ct);
            interpretation = $"UPN {upn}";
        }
        else if (text.Length == 0)
        {
            scored = await Load(visible.Where(p => p.DateOfBirth == dob).OrderBy(p => p.LastName).ThenBy(p => p.FirstName), "date of birth", ct);
            interpretation = $"born {dob:d MMMM yyyy}";
        }
        else
        {
            scored = await ByNameAsync(visible, text, dob, ct);
            interpretation = dob is null ? $"name \"{text}\"" : $"name \"{text}\", born {dob:d MMMM yyyy}";
        }

        await queue.EnqueueAsync(AccessRecord.By(actor, clock.GetUtcNow().UtcDateTime, AccessAction.Searched, null,
            "Search: " + interpretation + $" ({scored.Count} found)"), ct);
        var page = Math.Max(1, query.Page);
        var items = scored.Skip((page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new SearchResults(items, scored.Count, page, query.PageSize, interpretation);
    }

    private async Task<List<SearchResult>> ByNameAsync(IQueryable<Person> visible, string text, DateOnly? dob, CancellationToken ct)
    {
        var tokens = SearchKeys.Tokens(text).Distinct().ToList();
        if (tokens.Count == 0) return [];
        var phonetics = tokens.Select(SearchKeys.Phonetic).Where(p => p.Length > 0).Distinct().ToList();

        // People with the most matching name parts first; the scorer then ranks them properly.
        var candidateIds = await db.PersonNameKeys
            .Where(k => tokens.Contains(k.Token) || phonetics.Contains(k.Phonetic))
            .GroupBy(k => k.PersonId)
            .Select(g => new { PersonId = g.Key, Hits = g.Count() })
            .OrderByDescending(g => g.Hits).Take(CandidateLimit * 3)
            .Select(g => g.PersonId).ToListAsync(ct);

        var people = visible.Where(p => candidateIds.Contains(p.Id));
        if (dob is not null) people = people.Where(p => p.DateOfBirth == dob || p.ExpectedDateOfBirth == dob);
        var candidates = await Project(people.OrderBy(p => p.Number).Take(CandidateLimit * 3)).ToListAsync(ct);
        var previous = await db.PersonNames.Where(n => candidates.Select(c => c.Id).Contains(n.PersonId))
            .Select(n => new { n.PersonId, n.FirstName, n.LastName }).ToListAsync(ct);

        return candidates
            .Select(c =>
            {
                var names = previous.Where(n => n.PersonId == c.Id).Select(n => n.FirstName + " " + n.LastName).ToList();
                var score = NameMatch.Score(text, c.FirstName, c.LastName, names);
                return c with { Score = score, MatchedOn = "name" };
            })
            .Where(c => c.Score >= MinimumScore)
            .OrderByDescending(c => c.Score).ThenBy(c => c.LastName).ThenBy(c => c.FirstName)
            .ToList();
    }

    private async Task<List<SearchResult>> Load(IOrderedQueryable<Person> people, string matchedOn, CancellationToken ct) =>
        (await Project(people.Take(CandidateLimit)).ToListAsync(ct)).Select(r => r with { Score = 100, MatchedOn = matchedOn }).ToList();

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
