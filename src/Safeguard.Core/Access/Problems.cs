namespace Safeguard.Core.Access;

/// <summary>The person may not do this (their role does not allow it): pages and the API answer 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>Someone else saved the record since it was opened: nothing was overwritten; reload and try again.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
