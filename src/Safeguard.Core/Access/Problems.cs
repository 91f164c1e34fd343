namespace Safeguard.Core.Access;

/// <summary>The person may not do this (their role does not allow it): pages and the API answer 403.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>Someone else saved the record since it was opened: nothing was overwritten; reload and try again.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The one way Core services refuse: a capability check, and a validation failure naming its field.</summary>
public static class Refuse
{
    /// <summary>Throws unless the actor's roles allow the capability (the command line's system actor always may).</summary>
    public static void Unless(Actor actor, string capability)
    {
        if (actor.UserId != "system" && !actor.Can(capability))
            throw new AccessDeniedException($"Your role does not allow this ({Capabilities.Get(capability).Description}).");
    }

    public static FluentValidation.ValidationException Invalid(string field, string message) =>
        new([new FluentValidation.Results.ValidationFailure(field, message)]);
}
