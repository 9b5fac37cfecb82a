using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Samverkan.ServiceDefaults.Http;

public static class HttpDefaultsExtensions
{
    /// <summary>
    /// Problem details for every error, JSON conventions, and binding errors that name the field.
    /// Each web project also calls <c>AddValidation()</c> itself (the generator works per assembly).
    /// </summary>
    public static IHostApplicationBuilder AddHttpDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            if (ctx.ProblemDetails is HttpValidationProblemDetails validation)
                CamelCaseFieldNames(validation);
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.Configure<JsonOptions>(o => JsonConventions.Apply(o.SerializerOptions));
        // Without this, a body that fails to bind yields a bare 400 with no body to explain it.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>
    /// DataAnnotations report C# member names ("OrganisationNumber"); clients sent and read camelCase JSON
    /// ("organisationNumber"), so the error must name the field as they wrote it.
    /// </summary>
    internal static void CamelCaseFieldNames(HttpValidationProblemDetails problem)
    {
        var renamed = problem.Errors.ToDictionary(
            e => string.Join('.', e.Key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)),
            e => e.Value.Select(m => m.Replace($"The {e.Key} field", $"The {JsonNamingPolicy.CamelCase.ConvertName(e.Key)} field", StringComparison.Ordinal)).ToArray());
        problem.Errors.Clear();
        foreach (var (key, messages) in renamed)
            problem.Errors[key] = messages;
    }
}
