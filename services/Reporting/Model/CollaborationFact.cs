using Samverkan.Contracts.Actors;

namespace Samverkan.Reporting.Model;

/// <summary>What Reporting keeps of a collaboration: who owns it and what it aims for.</summary>
public sealed class CollaborationFact
{
    public Guid CollaborationId { get; init; }
    public string Name { get; set; } = "";
    public Guid OwnerActorId { get; set; }
    public int ParticipantTarget { get; set; }
    /// <summary>Target share (0–100 %) leaving for work or studies.</summary>
    public decimal ExitToWorkOrStudiesTargetShare { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>When the state held here was true in Actors: an older event never overwrites a newer one.</summary>
    public DateTimeOffset AsOf { get; set; }

    public static CollaborationFact From(CollaborationCreated e) => new()
    {
        CollaborationId = e.CollaborationId, Name = e.Name, OwnerActorId = e.OwnerActorId,
        ParticipantTarget = e.ParticipantTarget, ExitToWorkOrStudiesTargetShare = e.ExitToWorkOrStudiesTargetShare,
        StartDate = e.StartDate, EndDate = e.EndDate, AsOf = e.CreatedAt,
    };

    public void Apply(CollaborationUpdated e)
    {
        if (e.UpdatedAt < AsOf)
            return; // arrived out of order: the state held is newer
        Name = e.Name;
        OwnerActorId = e.OwnerActorId;
        ParticipantTarget = e.ParticipantTarget;
        ExitToWorkOrStudiesTargetShare = e.ExitToWorkOrStudiesTargetShare;
        StartDate = e.StartDate;
        EndDate = e.EndDate;
        AsOf = e.UpdatedAt;
    }
}

/// <summary>An actor's membership of a collaboration; kept with its leave date, never deleted.</summary>
public sealed class CollaborationMember
{
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public MemberRole Role { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}

/// <summary>
/// One participant's non-identifying facts at enrolment: the record the pre-aggregated counts are built from
/// and can be rebuilt from. Its key (participant, collaboration) keeps a participant from counting twice.
/// </summary>
public sealed class ParticipantFact
{
    public Guid ParticipantId { get; init; }
    public Guid CollaborationId { get; init; }
    public int Gender { get; init; }
    public int? AgeBand { get; init; }
    public string MunicipalityCode { get; init; } = "";
    public Guid ReferringActorId { get; init; }
    public int[] TargetGroups { get; init; } = [];
    public DateOnly StartDate { get; init; }
}

/// <summary>
/// Pre-aggregated count of participants started on one day in a collaboration, per dimension key and gender.
/// A summary sums these rows up to its as-of date: its cost grows with days and keys, not with participants.
/// </summary>
public sealed class ParticipantCount
{
    public Guid CollaborationId { get; init; }
    public string Dimension { get; init; } = "";
    public string Key { get; init; } = "";
    public int Gender { get; init; }
    public DateOnly StartDate { get; init; }
    public int Count { get; set; }
}
