namespace Safeguard.Core.People.Search;

/// <summary>The details of a person that duplicate checking compares.</summary>
public sealed record MatchPerson(
    string FirstName,
    string LastName,
    DateOnly? DateOfBirth = null,
    string? NhsNumber = null,
    IReadOnlyList<string>? PreviousNames = null);
