using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.Apis;

/// <summary>The steering group, process leader and working groups, replaced whole under the ETag.</summary>
public sealed record GovernanceRequest
{
    [Required, MaxLength(100)]
    public List<SteeringGroupMemberRequest>? SteeringGroup { get; init; }

    public ProcessLeaderRequest? ProcessLeader { get; init; }

    [MaxLength(50)]
    public List<WorkingGroupRequest>? WorkingGroups { get; init; }
}

public sealed record SteeringGroupMemberRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>The member actor this person represents.</summary>
    [Required]
    public Guid? ActorId { get; init; }

    /// <summary>Whether they may take decisions for that actor (mandat).</summary>
    [Required]
    public bool? HasMandate { get; init; }
}

public sealed record ProcessLeaderRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    public Guid? ActorId { get; init; }
}

public sealed record WorkingGroupRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required, StringLength(2000, MinimumLength = 1)]
    public string? Purpose { get; init; }

    [MaxLength(100)]
    public List<WorkingGroupMemberRequest>? Members { get; init; }
}

/// <summary>Either represents a member actor (<c>actorId</c>) or comes from the target group (<c>fromTargetGroup</c>).</summary>
public sealed record WorkingGroupMemberRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    public Guid? ActorId { get; init; }

    public bool? FromTargetGroup { get; init; }
}

public sealed record GovernanceResponse(
    Guid CollaborationId, IReadOnlyList<SteeringGroupMember> SteeringGroup, ProcessLeader? ProcessLeader,
    IReadOnlyList<WorkingGroup> WorkingGroups, DateTimeOffset? UpdatedAt)
{
    public static GovernanceResponse From(Guid collaborationId, Governance? g) =>
        new(collaborationId, g?.SteeringGroup ?? [], g?.ProcessLeader, g?.WorkingGroups ?? [], g?.UpdatedAt);
}

public sealed record MeetingRequest
{
    [Required, PlausibleDate]
    public DateOnly? Date { get; init; }

    [Required]
    public MeetingKind? Kind { get; init; }

    [MaxLength(100)]
    public List<AttendeeRequest>? Attendees { get; init; }

    [MaxLength(100)]
    public List<DecisionRequest>? Decisions { get; init; }
}

public sealed record AttendeeRequest
{
    [Required, StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    public Guid? ActorId { get; init; }
}

public sealed record DecisionRequest
{
    [Required, StringLength(4000, MinimumLength = 1)]
    public string? Text { get; init; }

    /// <summary>Who decided: a person, or the group ("styrgruppen").</summary>
    [Required, StringLength(200, MinimumLength = 1)]
    public string? DecidedBy { get; init; }

    [PlausibleDate]
    public DateOnly? FollowUpDate { get; init; }

    public bool? Done { get; init; }
}

public sealed record MeetingResponse(
    Guid Id, Guid CollaborationId, DateOnly Date, MeetingKind Kind, IReadOnlyList<Attendee> Attendees, IReadOnlyList<Decision> Decisions,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static MeetingResponse From(Meeting m) => new(m.Id, m.CollaborationId, m.Date, m.Kind, m.Attendees, m.Decisions, m.CreatedAt, m.UpdatedAt);
}

public sealed record GovernanceWarningsResponse(Guid CollaborationId, DateOnly AsOf, int SteeringGroupMeetingIntervalMonths, IReadOnlyList<GovernanceWarning> Warnings);
