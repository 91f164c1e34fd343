using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Safeguard.Core.Access;

namespace Safeguard.Web.Security;

/// <summary>A Core service refusing an action becomes 403 on a page; the pages handle validation and conflicts themselves.</summary>
public sealed class ServiceExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is AccessDeniedException)
        {
            executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            executed.ExceptionHandled = true;
        }
    }
}

public static class ModelStateExtensions
{
    /// <summary>Puts a Core validation failure's messages beside the form's fields (prefix "Input." on page models).</summary>
    public static void AddErrors(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, ValidationException ex, string prefix = "Input.")
    {
        foreach (var e in ex.Errors) modelState.AddModelError(prefix + e.PropertyName, e.ErrorMessage);
    }

    /// <summary>The same, for forms whose fields are not named as the Core input's are: <paramref name="field"/> gives the form's key.</summary>
    public static void AddErrors(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, ValidationException ex, Func<string, string> field)
    {
        foreach (var e in ex.Errors) modelState.AddModelError(field(e.PropertyName), e.ErrorMessage);
    }
}
