using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Refuses a NUL character (%00) anywhere in the query string with a 400 naming the parameter, for every endpoint:
/// a free-text filter carrying one reached PostgreSQL, which cannot compare text containing it (a 500). Request
/// bodies are covered by <see cref="NoNulStringConverter"/>.
/// </summary>
internal sealed class NulQueryGuard(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (FirstWithNul(context.Request.Query) is not { } parameter)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        // TryWrite: a client that accepts no JSON still gets its 400, only without a body.
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [NoNulStringConverter.Error] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = $"'{parameter}': {NoNulStringConverter.Error}",
            },
        });
    }

    /// <summary>The first parameter whose name or a value holds a NUL (a NUL in the name is reported as "$query").</summary>
    internal static string? FirstWithNul(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (NoNulStringConverter.HasNul(name))
                return "$query";
            foreach (var value in values)
                if (NoNulStringConverter.HasNul(value))
                    return name;
        }
        return null;
    }
}
