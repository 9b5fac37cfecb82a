using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Sweden;

namespace Samverkan.Actors.Apis;

/// <summary>
/// The plan of a collaboration, as created and as replaced by PUT. Shapes are checked by attributes;
/// the rules across fields (period, measurable targets, budget) by <see cref="CollaborationRules"/>.
/// </summary>
public record CollaborationPlanRequest
{
    [Required, StringLength(300, MinimumLength = 1)]
    public string? Name { get; init; }

    /// <summary>The shared purpose (syfte).</summary>
    [Required, StringLength(4000, MinimumLength = 1)]
    public string? Purpose { get; init; }

    [Required, MinLength(1)]
    public List<TargetGroup>? TargetGroups { get; init; }

    /// <summary>SCB municipality codes the collaboration covers.</summary>
    [Required, MinLength(1), MaxLength(290), MunicipalityCode]
    public List<string>? Geography { get; init; }

    [Required, PlausibleDate]
    public DateOnly? StartDate { get; init; }

    [Required, PlausibleDate]
    public DateOnly? EndDate { get; init; }

    [Required]
    public FinancingRequest? Financing { get; init; }

    [Required]
    public TargetsRequest? Targets { get; init; }
}

public sealed record CreateCollaborationRequest : CollaborationPlanRequest
{
    /// <summary>Only admins may name the owner; a coordinator's own agency becomes the owner.</summary>
    public Guid? OwnerActorId { get; init; }

    /// <summary>The owner actor's own goals under the shared purpose.</summary>
    [MaxLength(20)]
    public List<string>? OwnerGoals { get; init; }

    /// <summary>Further members from the start (the owner is added by itself).</summary>
    [MaxLength(100)]
    public List<AddMemberRequest>? Members { get; init; }
}

public sealed record UpdateCollaborationRequest : CollaborationPlanRequest;

public sealed record FinancingRequest
{
    [Required]
    public FinancingSource? Source { get; init; }

    [StringLength(200)]
    public string? ProgrammeArea { get; init; }

    /// <summary>Total budget in SEK, zero or more.</summary>
    [Required]
    public decimal? Budget { get; init; }
}

/// <summary>Everything nullable on purpose: a missing value is reported as "cannot be measured", with the field.</summary>
public sealed record TargetsRequest
{
    public ParticipantTargetsRequest? Participants { get; init; }
    public decimal? ExitToWorkOrStudiesShare { get; init; }
    [MaxLength(50)]
    public List<IndicatorRequest>? Indicators { get; init; }
}

public sealed record ParticipantTargetsRequest
{
    public int? Total { get; init; }
    public int? Women { get; init; }
    public int? Men { get; init; }
    public int? NonBinary { get; init; }
}

public sealed record IndicatorRequest
{
    [StringLength(200)]
    public string? Name { get; init; }
    public decimal? TargetValue { get; init; }
    [StringLength(50)]
    public string? Unit { get; init; }
}

public sealed record AddMemberRequest
{
    [Required]
    public Guid? ActorId { get; init; }

    /// <summary>partner or strategic-only; the owner is a member by being the owner.</summary>
    [Required]
    public MemberRole? Role { get; init; }

    /// <summary>Defaults to today (or the collaboration's start, when members are given at creation).</summary>
    [PlausibleDate]
    public DateOnly? JoinedOn { get; init; }

    /// <summary>This actor's own goals under the shared purpose.</summary>
    [MaxLength(20)]
    public List<string>? Goals { get; init; }
}

public sealed record MemberGoalsRequest
{
    [Required, MaxLength(20)]
    public List<string>? Goals { get; init; }
}

public sealed record MemberResponse(Guid ActorId, MemberRole Role, IReadOnlyList<string> Goals, DateOnly JoinedOn, DateOnly? LeftOn)
{
    public static MemberResponse From(CollaborationMember m) => new(m.ActorId, m.Role, m.Goals, m.JoinedOn, m.LeftOn);
}

public sealed record CollaborationResponse(
    Guid Id, string Name, string Purpose, Guid OwnerActorId, IReadOnlyList<TargetGroup> TargetGroups, IReadOnlyList<string> Geography,
    DateOnly StartDate, DateOnly EndDate, Financing Financing, MeasurableTargets Targets, IReadOnlyList<MemberResponse> Members,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static CollaborationResponse From(Collaboration c) => new(
        c.Id, c.Name, c.Purpose, c.OwnerActorId, c.TargetGroups, c.MunicipalityCodes, c.StartDate, c.EndDate, c.Financing, c.Targets,
        c.Members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).Select(MemberResponse.From).ToList(), c.CreatedAt, c.UpdatedAt);
}
