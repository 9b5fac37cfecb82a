using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>
/// Part of every policy: the token must hold a scope of this API, <c>{api}.read</c> or <c>{api}.write</c> for a
/// GET or HEAD and <c>{api}.write</c> for anything else. So an agency system registered to read reports cannot
/// enrol, whatever its role. Where no API is named (the gateway) the services decide.
/// </summary>
public sealed record ApiScopeRequirement(string? Api) : IAuthorizationRequirement;

public sealed class ApiScopeHandler(IHttpContextAccessor accessor) : AuthorizationHandler<ApiScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiScopeRequirement requirement)
    {
        if (requirement.Api is not { } api)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var method = (context.Resource as HttpContext ?? accessor.HttpContext)?.Request.Method;
        var reads = HttpMethods.IsGet(method ?? "") || HttpMethods.IsHead(method ?? "");
        var scopes = context.User.GetGrantedScopes().ToHashSet(StringComparer.Ordinal);
        if (scopes.Contains(ApiResources.WriteScope(api)) || (reads && scopes.Contains(ApiResources.ReadScope(api))))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
