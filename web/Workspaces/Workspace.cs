using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Web.Workspaces;

/// <summary>One of the UI's three workspaces: where it lives, what it is called, and which roles it is for.</summary>
public sealed record Workspace(string Policy, string Path, string Title, string Description, params string[] Roles)
{
    public bool IsFor(ClaimsPrincipal user) => Roles.Any(role => user.HasClaim(SamverkanClaims.Role, role));
}

/// <summary>
/// The workspaces, declared once: the navigation shows a person the ones their role may use, and each page's
/// <c>[Authorize(Policy = …)]</c> names the same policy, so a link never leads to a page that would refuse them.
/// The APIs decide again, per agency and per record; this only keeps people out of pages that are not theirs.
/// </summary>
public static class WorkspacePolicies
{
    public const string Caseworker = "workspace-caseworker";
    public const string Employer = "workspace-employer";
    public const string Coordinator = "workspace-coordinator";

    public static readonly Workspace[] All =
    [
        new(Caseworker, "/handlaggare", "Handläggare", "Deltagare, handlingsplaner, timmar och avslut för din organisation.",
            Roles.Caseworker, Roles.Admin),
        new(Employer, "/arbetsgivare", "Arbetsgivare", "Din organisation, praktikplatser och matchade kandidater.",
            Roles.Employer),
        new(Coordinator, "/samordnare", "Samordnare", "Samverkans resultat mot mål, överenskommelser, styrning och hälsa.",
            Roles.Coordinator, Roles.Admin),
    ];

    public static IEnumerable<Workspace> For(ClaimsPrincipal user) => All.Where(w => w.IsFor(user));

    public static void Add(AuthorizationOptions options)
    {
        foreach (var workspace in All)
            options.AddPolicy(workspace.Policy, policy => policy.RequireAuthenticatedUser().RequireClaim(SamverkanClaims.Role, workspace.Roles));
    }
}
