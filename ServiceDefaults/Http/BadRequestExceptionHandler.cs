using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Turns request-binding failures (malformed JSON, a value of the wrong type, an unknown enum value, a query or
/// route value that does not parse) into a 400 problem details that names the offending field or parameter, instead
/// of the bare 400 or the 500 the framework would otherwise give. Minimal APIs throw these only with
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c>.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
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
        // The exception carries the parameter only in its message ('Failed to bind parameter "int page" from "abc".',
        // 'Required parameter "Guid id" was not provided from route.'): the name is the last word inside the quotes.
        // The value is not echoed back: it may be anything, a personnummer included. A body's parameter name is ours,
        // not the client's, so a missing or unreadable body stays "$".
        if (!IsAboutTheBody(exception.Message) && ParameterInMessage().Match(exception.Message) is { Success: true } parameter)
        {
            var message = exception.Message.StartsWith("Required parameter", StringComparison.Ordinal)
                ? "The parameter is required."
                : "The value is not valid for this parameter.";
            return (parameter.Groups["name"].Value, message);
        }
        return ("$", exception.Message);
    }

    private static bool IsAboutTheBody(string message) =>
        message.StartsWith("Implicit body", StringComparison.Ordinal)
        || message.StartsWith("Failed to read parameter", StringComparison.Ordinal)
        || message.EndsWith("from body.", StringComparison.Ordinal);

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterInMessage();

    /// <summary>"$.contacts[0].email" → "contacts[0].email"; "$" (the whole body) stays "$".</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
