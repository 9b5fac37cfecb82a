using Samverkan.Contracts.Actors;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

// Every event here carries the collaboration's revision; each copy (the plan, each actor's membership) takes the state
// of the newest one it has seen (Copies.ApplyIfNewerAsync), so the order of arrival does not matter.

public sealed class CollaborationCreatedConsumer(ReportingDbContext db) : ReportingConsumer<CollaborationCreated>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override Task ApplyAsync(CollaborationCreated m, CancellationToken ct) =>
        CollaborationFacts.ApplyAsync(Db, m.CollaborationId, m.Revision, m.Name, m.OwnerActorId, m.ParticipantTarget,
            m.ExitToWorkOrStudiesTargetShare, m.StartDate, m.EndDate, m.CreatedAt, ct);
}

public sealed class CollaborationUpdatedConsumer(ReportingDbContext db) : ReportingConsumer<CollaborationUpdated>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override Task ApplyAsync(CollaborationUpdated m, CancellationToken ct) =>
        CollaborationFacts.ApplyAsync(Db, m.CollaborationId, m.Revision, m.Name, m.OwnerActorId, m.ParticipantTarget,
            m.ExitToWorkOrStudiesTargetShare, m.StartDate, m.EndDate, m.UpdatedAt, ct);
}

public sealed class MemberJoinedConsumer(ReportingDbContext db) : ReportingConsumer<MemberJoined>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override Task ApplyAsync(MemberJoined m, CancellationToken ct) =>
        CollaborationFacts.ApplyMemberAsync(Db, m.CollaborationId, m.ActorId, m.Revision, m.Role, m.JoinedOn, leftOn: null, ct);
}

public sealed class MemberLeftConsumer(ReportingDbContext db) : ReportingConsumer<MemberLeft>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    /// <remarks>A leave from before leaves carried the membership's role and join keeps those the copy holds.</remarks>
    public override Task ApplyAsync(MemberLeft m, CancellationToken ct) =>
        CollaborationFacts.ApplyMemberAsync(Db, m.CollaborationId, m.ActorId, m.Revision, m.Role, m.JoinedOn, m.LeftOn, ct);
}

internal static class CollaborationFacts
{
    public static Task ApplyAsync(ReportingDbContext db, Guid id, long? revision, string name, Guid ownerActorId, int participantTarget,
        decimal exitTargetShare, DateOnly startDate, DateOnly endDate, DateTimeOffset asOf, CancellationToken ct)
    {
        db.ChangedScopes.Add(id);
        return db.CollaborationFacts.ApplyIfNewerAsync([id], revision, () => new CollaborationFact { CollaborationId = id }, fact =>
        {
            fact.Name = name;
            fact.OwnerActorId = ownerActorId;
            fact.ParticipantTarget = participantTarget;
            fact.ExitToWorkOrStudiesTargetShare = exitTargetShare;
            fact.StartDate = startDate;
            fact.EndDate = endDate;
            fact.AsOf = asOf;
        }, ct);
    }

    public static Task ApplyMemberAsync(ReportingDbContext db, Guid collaborationId, Guid actorId, long? revision, MemberRole? role,
        DateOnly? joinedOn, DateOnly? leftOn, CancellationToken ct)
    {
        db.ChangedScopes.Add(collaborationId);
        return db.CollaborationMembers.ApplyIfNewerAsync([collaborationId, actorId], revision,
            () => new CollaborationMember { CollaborationId = collaborationId, ActorId = actorId, Role = MemberRole.Partner, JoinedOn = joinedOn ?? leftOn!.Value },
            member =>
            {
                member.Role = role ?? member.Role;
                member.JoinedOn = joinedOn ?? member.JoinedOn;
                member.LeftOn = leftOn;
            }, ct);
    }
}
