using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using Samverkan.Identity.Model;
using Samverkan.Identity.Server;
using Samverkan.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samverkan.Identity.Apis;

/// <summary>Agencies' systems (client credentials) and first-party interactive applications.</summary>
public static class ClientsApi
{
    public static IEndpointRouteBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/clients").WithTags("Clients").RequireAuthorization(Policies.Admin);
        api.MapPost("/", RegisterClient);
        api.MapGet("/", ListClients);
        api.MapPost("/{clientId}/secret", RotateSecret);
        api.MapDelete("/{clientId}", RemoveClient);
        app.MapPost("/api/identity/interactive-clients", RegisterInteractiveClient).WithTags("Clients")
            .RequireAuthorization(Policies.Operator);
        return app;
    }

    public static async Task<Results<Created<RegisteredClientResponse>, ValidationProblem, ForbidHttpResult>> RegisterClient(
        RegisterClientRequest request, ClaimsPrincipal user, ClientSecrets applications, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ManagementAccess.IsGivable(request.Role))
            errors["role"] = [$"role must be one of: {ManagementAccess.GivableRoles}."];
        var unknown = request.Scopes!.Where(s => !ApiResources.AllScopes.Contains(s)).ToList();
        if (unknown.Count > 0)
            errors["scopes"] = [$"Unknown scopes: {string.Join(", ", unknown)}. Known: {string.Join(", ", ApiResources.AllScopes)}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        if (!ManagementAccess.MayManage(user, request.AgencyId!.Value, request.Role!, isClient: true))
            return TypedResults.Forbid();

        var (clientId, secret, displayName) = ($"sys-{Guid.NewGuid():N}", ClientSecrets.NewSecret(), request.DisplayName!.Trim());
        await applications.CreateAsync(SystemClient.Describe(clientId, secret, displayName,
            new ClientProfile(request.AgencyId!.Value, request.Role!), request.Scopes!), ct);
        return TypedResults.Created($"/api/identity/clients/{clientId}", new RegisteredClientResponse(
            clientId, secret, displayName, request.AgencyId.Value, request.Role!, [.. request.Scopes!.Distinct()]));
    }

    public static async Task<Ok<List<RegisteredClientResponse>>> ListClients(ClaimsPrincipal user, ClientSecrets applications, CancellationToken ct)
    {
        var list = new List<RegisteredClientResponse>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            if (await DescribeAsync(applications, application, ct) is { } client && ManagementAccess.MayManage(user, client.AgencyId, client.Role, isClient: true))
                list.Add(client);
        }
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<RegisteredClientResponse>, NotFound, ValidationProblem>> RotateSecret(
        string clientId, RotateSecretRequest? request, ClaimsPrincipal user, ClientSecrets applications, CancellationToken ct)
    {
        var (application, client) = await FindManagedAsync(clientId, user, applications, ct);
        if (application is null || client is null)
            return TypedResults.NotFound();
        var (secret, until) = await applications.RotateAsync(application, TimeSpan.FromHours(request?.OverlapHours ?? 24), ct);
        return TypedResults.Ok(client with { ClientSecret = secret, PreviousSecretValidUntil = until });
    }

    public static async Task<Results<NoContent, NotFound>> RemoveClient(string clientId, ClaimsPrincipal user, ClientSecrets applications, CancellationToken ct)
    {
        var (application, _) = await FindManagedAsync(clientId, user, applications, ct);
        if (application is null)
            return TypedResults.NotFound();
        await applications.DeleteAsync(application, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Created<RegisterInteractiveClientRequest>, ValidationProblem, Conflict>> RegisterInteractiveClient(
        RegisterInteractiveClientRequest request, ClientSecrets applications, CancellationToken ct)
    {
        var bad = request.RedirectUris!.Concat(request.PostLogoutRedirectUris ?? []).Where(u => !Uri.TryCreate(u, UriKind.Absolute, out _)).ToList();
        if (bad.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["redirectUris"] = [$"Not absolute URIs: {string.Join(", ", bad)}."] });
        if (await applications.FindByClientIdAsync(request.ClientId!, ct) is not null)
            return TypedResults.Conflict();
        var descriptor = InteractiveClient.Describe(request.ClientId!, request.DisplayName!, request.RedirectUris!, request.PostLogoutRedirectUris ?? []);
        await applications.CreateAsync(descriptor, ct);
        return TypedResults.Created($"/api/identity/clients/{request.ClientId}", request);
    }

    /// <summary>The client, if it is an agency's system the caller may manage; otherwise nothing (404, its existence is not theirs).</summary>
    private static async Task<(OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication?, RegisteredClientResponse?)> FindManagedAsync(
        string clientId, ClaimsPrincipal user, ClientSecrets applications, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        var client = application is null ? null : await DescribeAsync(applications, application, ct);
        return client is not null && ManagementAccess.MayManage(user, client.AgencyId, client.Role, isClient: true) ? (application, client) : (null, null);
    }

    private static async Task<RegisteredClientResponse?> DescribeAsync(ClientSecrets applications,
        OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication application, CancellationToken ct)
    {
        if (ClientProfile.ReadFrom(await applications.GetPropertiesAsync(application, ct)) is not { } profile)
            return null;
        var scopes = (await applications.GetPermissionsAsync(application, ct))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        return new RegisteredClientResponse(await applications.GetClientIdAsync(application, ct) ?? "", null,
            await applications.GetDisplayNameAsync(application, ct) ?? "", profile.AgencyId, profile.Role, scopes);
    }
}
