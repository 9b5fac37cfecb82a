using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverkan.Identity.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Identity.Apis;

/// <summary>People's accounts: an agency's admin manages its own agency's; the operator manages agencies' admins.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        api.MapPost("/", CreateUser);
        api.MapGet("/", ListUsers);
        api.MapPost("/{id:guid}/unlock", UnlockUser);
        api.MapDelete("/{id:guid}", RemoveUser);
        return app;
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ForbidHttpResult, Conflict<string>>> CreateUser(
        CreateUserRequest request, ClaimsPrincipal caller, UserManager<PlatformUser> users, CancellationToken ct)
    {
        if (!ManagementAccess.IsGivable(request.Role))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"role must be one of: {ManagementAccess.GivableRoles}."] });
        if (string.IsNullOrEmpty(request.Password) && request.ExternalLogins is not { Length: > 0 })
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["Give a password, or an external login the person signs in with."] });
        if (!ManagementAccess.MayManage(caller, request.AgencyId!.Value, request.Role!, isClient: false))
            return TypedResults.Forbid();
        if (await users.FindByEmailAsync(request.Email!) is not null)
            return TypedResults.Conflict("A user with that e-mail address exists.");

        var user = new PlatformUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email, Email = request.Email, EmailConfirmed = true,
            DisplayName = request.DisplayName!.Trim(), AgencyId = request.AgencyId.Value, Role = request.Role!,
        };
        var created = string.IsNullOrEmpty(request.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
            return Invalid(created);
        foreach (var login in request.ExternalLogins ?? [])
        {
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(login.Provider!, login.Subject!, login.Provider));
            if (!linked.Succeeded)
            {
                await users.DeleteAsync(user);
                return Invalid(linked, "externalLogins");
            }
        }
        return TypedResults.Created($"/api/identity/users/{user.Id}", await DescribeAsync(users, user));
    }

    public static async Task<Ok<List<UserResponse>>> ListUsers(ClaimsPrincipal caller, UserManager<PlatformUser> users, CancellationToken ct)
    {
        var query = users.Users.AsNoTracking();
        query = ManagementAccess.IsOperator(caller)
            ? query.Where(u => u.Role == Roles.Admin)
            : query.Where(u => u.AgencyId == caller.GetAgencyId());
        var list = new List<UserResponse>();
        foreach (var user in await query.OrderBy(u => u.Email).Take(1000).ToListAsync(ct))
            list.Add(await DescribeAsync(users, user));
        return TypedResults.Ok(list);
    }

    public static async Task<Results<NoContent, NotFound>> UnlockUser(Guid id, ClaimsPrincipal caller, UserManager<PlatformUser> users)
    {
        if (await FindManagedAsync(id, caller, users) is not { } user)
            return TypedResults.NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound>> RemoveUser(Guid id, ClaimsPrincipal caller, UserManager<PlatformUser> users)
    {
        if (await FindManagedAsync(id, caller, users) is not { } user)
            return TypedResults.NotFound();
        await users.DeleteAsync(user);
        return TypedResults.NoContent();
    }

    /// <summary>The account, if the caller may manage it; otherwise nothing, as for an id that does not exist.</summary>
    private static async Task<PlatformUser?> FindManagedAsync(Guid id, ClaimsPrincipal caller, UserManager<PlatformUser> users) =>
        await users.FindByIdAsync(id.ToString()) is { } user && ManagementAccess.MayManage(caller, user.AgencyId, user.Role, isClient: false)
            ? user
            : null;

    private static async Task<UserResponse> DescribeAsync(UserManager<PlatformUser> users, PlatformUser user) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.AgencyId, user.Role, await users.IsLockedOutAsync(user),
            [.. (await users.GetLoginsAsync(user)).Select(l => l.LoginProvider)]);

    private static ValidationProblem Invalid(IdentityResult result, string? field = null) =>
        TypedResults.ValidationProblem(result.Errors
            .GroupBy(e => field ?? (e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user"))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
}
