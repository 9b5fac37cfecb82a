using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

/// <summary>
/// A collaboration (samverkansprojekt): one shared purpose, under which each member actor keeps its own
/// goals (on <see cref="CollaborationMember"/>), with measurable targets, geography, period and financing.
/// </summary>
public sealed class Collaboration
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    /// <summary>Syfte: the one purpose all members share.</summary>
    public required string Purpose { get; set; }
    /// <summary>Projektägare: a registered actor, and a member with role owner.</summary>
    public Guid OwnerActorId { get; init; }
    public List<TargetGroup> TargetGroups { get; set; } = [];
    /// <summary>SCB municipality codes the collaboration covers.</summary>
    public List<string> MunicipalityCodes { get; set; } = [];
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public required Financing Financing { get; set; }
    public required MeasurableTargets Targets { get; set; }
    public List<CollaborationMember> Members { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Also set when a member joins or leaves, so the collaboration's ETag moves with its membership.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>
    /// Raised by one with every event about the collaboration, its plan's and its memberships' alike (1 at creation), and
    /// carried in them: copies apply a state only when it is newer (<see cref="ServiceDefaults.Messaging.Copies"/>). The
    /// row's ETag check makes two concurrent changes of one collaboration impossible, so no two events share a revision.
    /// </summary>
    public long Revision { get; set; } = 1;
    /// <summary>PostgreSQL's xmin: the ETag.</summary>
    public uint Version { get; set; }

    /// <summary>Members on <paramref name="today"/>: joined, and not yet past their leave date.</summary>
    public IEnumerable<CollaborationMember> CurrentMembers(DateOnly today) => Members.Where(m => m.IsCurrent(today));
}

public sealed record Financing
{
    public required FinancingSource Source { get; init; }
    /// <summary>The ESF+ programme area (programområde) or the other programme the money comes from.</summary>
    public string? ProgrammeArea { get; init; }
    /// <summary>Total budget in SEK.</summary>
    public required decimal Budget { get; init; }
}

/// <summary>Targets that can be followed up: the lesson of a project whose "60 % to work or studies and/or ready for the next step" could not be measured.</summary>
public sealed record MeasurableTargets
{
    public required ParticipantTargets Participants { get; init; }
    /// <summary>Share (0–100 %) of participants whose exit is to work or studies.</summary>
    public required decimal ExitToWorkOrStudiesShare { get; init; }
    public List<IndicatorTarget> Indicators { get; init; } = [];
}

/// <summary>Planned participant volume, in total and by gender as ESF+ reports it (women, men, non-binary).</summary>
public sealed record ParticipantTargets
{
    public required int Total { get; init; }
    public required int Women { get; init; }
    public required int Men { get; init; }
    public int? NonBinary { get; init; }
}

/// <summary>Any further indicator: what is measured, the target value and its unit ("12 employer agreements").</summary>
public sealed record IndicatorTarget
{
    public required string Name { get; init; }
    public required decimal TargetValue { get; init; }
    public required string Unit { get; init; }
}
