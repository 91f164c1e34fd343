using Safeguard.Core.People.Search;

namespace Safeguard.Core.People;

/// <summary>Builds the indexed name keys of a person from their current and previous names.</summary>
public static class NameKeys
{
    public static IEnumerable<PersonNameKey> For(Person p) =>
        new[] { p.FirstName, p.MiddleNames ?? "", p.LastName }
            .Concat(p.PreviousNames.SelectMany(n => new[] { n.FirstName, n.LastName }))
            .SelectMany(SearchKeys.Tokens)
            .Distinct()
            .Select(t => new PersonNameKey { PersonId = p.Id, Token = Clip(t), Phonetic = Clip(SearchKeys.Phonetic(t)) });

    private static string Clip(string s) => s.Length <= 100 ? s : s[..100];
}
