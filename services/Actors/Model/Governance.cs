namespace Samverkan.Actors.Model;

/// <summary>
/// How a collaboration is steered: its steering group (styrgrupp), process leader (processledare) and
/// working groups (arbetsgrupper). One row per collaboration, replaced whole under its ETag. Names of people
/// stay here: they are never put in an event.
/// </summary>
public sealed class Governance
{
    public Guid CollaborationId { get; init; }
    public List<SteeringGroupMember> SteeringGroup { get; set; } = [];
    public ProcessLeader? ProcessLeader { get; set; }
    public List<WorkingGroup> WorkingGroups { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: the ETag. A collaboration without governance yet has ETag "0".</summary>
    public uint Version { get; set; }
}

/// <summary>A person in the steering group, the member actor they represent, and whether they may decide for it (mandat).</summary>
public sealed record SteeringGroupMember
{
    public required string Name { get; init; }
    public required Guid ActorId { get; init; }
    public required bool HasMandate { get; init; }
}

public sealed record ProcessLeader
{
    public required string Name { get; init; }
    public Guid? ActorId { get; init; }
}

public sealed record WorkingGroup
{
    public required string Name { get; init; }
    public required string Purpose { get; init; }
    public List<WorkingGroupMember> Members { get; init; } = [];
}

/// <summary>Someone in a working group: representing a member actor, or from the target group itself (or both unknown: neither).</summary>
public sealed record WorkingGroupMember
{
    public required string Name { get; init; }
    public Guid? ActorId { get; init; }
    /// <summary>A member of the target group taking part in the work (programme criterion 8).</summary>
    public bool FromTargetGroup { get; init; }
}

public enum MeetingKind { SteeringGroup = 1, WorkingGroup = 2, CheckIn = 3 }

/// <summary>A steering-group or working-group meeting, or a check-in (avstämning), with what was decided.</summary>
public sealed class Meeting
{
    public Guid Id { get; init; }
    public Guid CollaborationId { get; init; }
    public DateOnly Date { get; set; }
    public MeetingKind Kind { get; set; }
    public List<Attendee> Attendees { get; set; } = [];
    public List<Decision> Decisions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: the ETag.</summary>
    public uint Version { get; set; }
}

public sealed record Attendee
{
    public required string Name { get; init; }
    public Guid? ActorId { get; init; }
}

/// <summary>A decision (beslut): what, who decided, when to follow it up, and whether that is done.</summary>
public sealed record Decision
{
    public required string Text { get; init; }
    public required string DecidedBy { get; init; }
    public DateOnly? FollowUpDate { get; init; }
    public bool Done { get; init; }
}
