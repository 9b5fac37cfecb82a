using Samverkan.Contracts.Employers;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Model;

/// <summary>The integration events a pipeline's steps raise. Ids, stages and dates only.</summary>
public static class PipelineEvents
{
    public static CandidateProposed Proposed(Pipeline p, DateTimeOffset at) => new()
    {
        PipelineId = p.Id, ParticipantId = p.ParticipantId!.Value, OfferId = p.OfferId, EmployerId = p.EmployerId,
        PilotActorId = p.PilotActorId, ProposedOn = p.ProposedOn, OccurredAt = at,
    };

    /// <summary>Stages the event for the step just taken (none for an interview), typed so the outbox names it.</summary>
    public static void AddForStep(IMessagingDbContext db, Pipeline p, PipelineStage from, OfferKind offerKind, DateTimeOffset at)
    {
        switch (p.Stage)
        {
            case PipelineStage.PresentedToEmployer:
                db.AddIntegrationEvent(new CandidatePresented
                {
                    PipelineId = p.Id, ParticipantId = p.ParticipantId!.Value, OfferId = p.OfferId, EmployerId = p.EmployerId,
                    PilotActorId = p.PilotActorId, PresentedOn = p.PresentedOn!.Value, OccurredAt = at,
                });
                break;
            case PipelineStage.Placed or PipelineStage.Employed:
                db.AddIntegrationEvent(new PlacementStarted
                {
                    PipelineId = p.Id, ParticipantId = p.ParticipantId!.Value, OfferId = p.OfferId, EmployerId = p.EmployerId,
                    PilotActorId = p.PilotActorId, OfferKind = offerKind, Stage = p.Stage, StartDate = p.StageDate, OccurredAt = at,
                });
                break;
            case PipelineStage.Ended:
                db.AddIntegrationEvent(Ended(p, from, at));
                break;
        }
    }

    public static PlacementEnded Ended(Pipeline p, PipelineStage lastStage, DateTimeOffset at) => new()
    {
        PipelineId = p.Id, ParticipantId = p.ParticipantId!.Value, OfferId = p.OfferId, EmployerId = p.EmployerId,
        PilotActorId = p.PilotActorId, LastStage = lastStage, EndDate = p.EndedOn!.Value, OccurredAt = at,
    };
}
