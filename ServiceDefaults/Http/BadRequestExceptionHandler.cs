using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Turns request-binding failures (malformed JSON, a value of the wrong type, an unknown enum value) into
/// a 400 problem details that names the offending field, instead of the bare 400 or the 500 the framework
/// would otherwise give. Minimal APIs throw these only with <c>RouteHandlerOptions.ThrowOnBadRequest</c>.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        var (field, message) = Describe(badRequest);
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = field == "$" ? message : $"'{field}': {message}",
        };
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = JsonPathToField(json.Path);
            var message = json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "The value is not valid for this field."
                : json.Message.Split(" Path:", 2)[0];
            return (field, message);
        }
        return ("$", exception.Message);
    }

    /// <summary>"$.contacts[0].email" → "contacts[0].email"; "$" (the whole body) stays "$".</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
