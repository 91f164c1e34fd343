using System.Text.Json;
using FluentValidation;
using Safeguard.Core.Access;

namespace Safeguard.Web.Api;

/// <summary>
/// Turns Core's refusals into RFC 9457 problem details: validation names each field (camelCase, as in the
/// JSON the client sent), a conflict says what happened, a refusal says why.
/// </summary>
public static class ApiResults
{
    public static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ValidationException ex)
        {
            var errors = ex.Errors.GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
            return Results.ValidationProblem(errors, title: "Some of what was sent is not valid", type: "https://safeguard.example/problems/validation");
        }
        catch (ConcurrencyConflictException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "The record was changed by someone else");
        }
        catch (AccessDeniedException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }
    }

    public static IResult NotFound(string what) =>
        Results.Problem($"No {what} with that id exists, or you may not see it.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
