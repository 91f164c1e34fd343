using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Access;
using Safeguard.Core.Access.Restrictions;
using Safeguard.Core.Data;

namespace Safeguard.Core.People.Search;

public sealed record PossibleDuplicate(SearchResult Person, int Score, string Why);

/// <summary>
/// Before a person is added: who already on the system might be the same person? Same NHS number, similar
/// name with the same or a transposed date of birth, or a very similar name. Restricted records the worker may
/// not see are not shown (that would reveal them); the restriction's owner resolves such duplicates.
/// </summary>
public sealed class DuplicateCheck(SafeguardDbContext db, RecordAccess access)
{
    public const int Threshold = 60;

    public async Task<IReadOnlyList<PossibleDuplicate>> FindAsync(Actor actor, PersonDetails details, CancellationToken ct = default)
    {
        Refuse.Unless(actor, Capabilities.FindPeople);
        details = details.Tidy();
        var visible = access.VisiblePeople(actor).Where(p => p.RecordedInErrorAtUtc == null);
        var tokens = SearchKeys.Tokens(details.FirstName + " " + details.LastName).Distinct().ToList();
        var phonetics = tokens.Select(SearchKeys.Phonetic).Where(p => p.Length > 0).Distinct().ToList();
        var nameIds = await PersonSearch.CandidatesAsync(db, tokens, phonetics, 300, ct);
        var dob = details.DateOfBirth;
        var nhs = details.NhsNumber;

        var candidates = await visible
            .Where(p => (nhs != null && p.NhsNumber == nhs) || (dob != null && p.DateOfBirth == dob) || nameIds.Contains(p.Id))
            .OrderBy(p => p.Number).Take(500)
            .Select(p => new
            {
                p.Id, p.Number, p.FirstName, p.MiddleNames, p.LastName, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.NhsNumber,
                Address = db.Addresses.Where(a => a.PersonId == p.Id && a.To == null).Select(a => a.Line1 + ", " + a.Postcode).FirstOrDefault(),
            })
            .ToListAsync(ct);

        return candidates
            .Select(c =>
            {
                var score = NameMatch.DuplicateScore(new MatchPerson(details.FirstName, details.LastName, details.DateOfBirth, details.NhsNumber),
                    new MatchPerson(c.FirstName, c.LastName, c.DateOfBirth, c.NhsNumber));
                var why = Why(details, c.FirstName, c.LastName, c.DateOfBirth, c.NhsNumber);
                var result = new SearchResult(c.Id, c.Number, c.FirstName, c.MiddleNames, c.LastName, c.DateOfBirth, c.ExpectedDateOfBirth,
                    c.Sex, c.NhsNumber, c.Address, score, why);
                return new PossibleDuplicate(result, score, why);
            })
            .Where(d => d.Score >= Threshold)
            .OrderByDescending(d => d.Score)
            .Take(10)
            .ToList();
    }

    /// <summary>Says in words what the two records share, so the worker can judge.</summary>
    private static string Why(PersonDetails d, string first, string last, DateOnly? dob, string? nhs)
    {
        var reasons = new List<string>();
        if (d.NhsNumber is not null && d.NhsNumber == nhs) reasons.Add("same NHS number");
        var nameScore = NameMatch.Score(d.FirstName + " " + d.LastName, first, last);
        if (nameScore >= 100) reasons.Add("same name");
        else if (nameScore >= MinimumNameLikeness) reasons.Add("similar name");
        if (d.DateOfBirth is not null && d.DateOfBirth == dob) reasons.Add("same date of birth");
        else if (d.DateOfBirth is { } a && dob is { } b && a.Year == b.Year && a.Month == b.Day && a.Day == b.Month) reasons.Add("date of birth with day and month swapped");
        else if (d.DateOfBirth is { } c && dob is { } e && c.Year == e.Year) reasons.Add("born the same year");
        return reasons.Count == 0 ? "similar details" : string.Join(", ", reasons);
    }

    private const int MinimumNameLikeness = 70;
}
