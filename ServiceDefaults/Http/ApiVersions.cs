using Asp.Versioning;
using Asp.Versioning.Builder;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// The version of the services' APIs (Asp.Versioning). A client names the version it was written for in the
/// <c>Api-Version</c> header (or <c>?api-version=</c>); without one it gets the current version, so nothing written
/// before versioning breaks. Every answer says which versions the endpoint serves (<c>api-supported-versions</c>) and,
/// once one is retired, which are deprecated (<c>api-deprecated-versions</c>); a version the API does not serve is a
/// 400 problem. The URLs carry no version: a resource keeps its address across versions (its ETag and Location stay
/// valid), and a breaking change becomes version 2 of the endpoints it touches.
/// </summary>
public static class ApiVersions
{
    public const string Header = "Api-Version";
    public const string QueryParameter = "api-version";
    public static readonly ApiVersion Current = new(1, 0);

    public static IServiceCollection AddPlatformApiVersioning(this IServiceCollection services)
    {
        services.AddApiVersioning(o =>
        {
            o.DefaultApiVersion = Current;
            o.AssumeDefaultVersionWhenUnspecified = true;
            o.ReportApiVersions = true;
            o.ApiVersionReader = ApiVersionReader.Combine(new HeaderApiVersionReader(Header), new QueryStringApiVersionReader(QueryParameter));
        });
        return services;
    }

    /// <summary>The route builder a service maps its API on: every endpoint under it is of <see cref="Current"/>.</summary>
    public static RouteGroupBuilder MapVersionedApi(this IEndpointRouteBuilder app) =>
        app.NewVersionedApi().MapGroup("").HasApiVersion(Current);
}
