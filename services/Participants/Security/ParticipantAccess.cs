using Microsoft.AspNetCore.Authorization;
using Samverkan.Participants.Model;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.Security;

/// <summary>
/// Resource-based check on one participant: admins, and the referring actor's own staff (caseworkers and
/// coordinators whose <c>agency</c> is the referring actor). Everyone else is answered 404, as if the
/// participant did not exist.
/// </summary>
public sealed class ParticipantAccessRequirement : IAuthorizationRequirement
{
    public static readonly ParticipantAccessRequirement Instance = new();
}

public sealed class ParticipantAccessHandler : AuthorizationHandler<ParticipantAccessRequirement, Participant>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ParticipantAccessRequirement requirement, Participant resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Admin)
            || ((user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Coordinator)) && user.GetAgencyId() == resource.ReferringActorId))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
