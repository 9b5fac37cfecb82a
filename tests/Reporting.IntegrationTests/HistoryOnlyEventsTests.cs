using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Infrastructure;

namespace Samverkan.Reporting.IntegrationTests;

/// <summary>Events no report reads yet still reach Reporting's history, so a later report can be rebuilt from them.</summary>
public sealed class HistoryOnlyEventsTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    [Fact]
    public async Task Consent_commitment_and_intervention_events_are_kept_in_the_event_history()
    {
        var participant = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var actor = Guid.NewGuid();
        var commitment = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        object[] messages =
        [
            new ConsentGiven { ConsentId = Guid.NewGuid(), ParticipantId = participant, CollaborationId = collaboration, Purpose = ConsentPurpose.ShareActionPlan, RecipientActorId = actor, GivenOn = new(2026, 3, 1) },
            new ConsentWithdrawn { ConsentId = Guid.NewGuid(), ParticipantId = participant, CollaborationId = collaboration, Purpose = ConsentPurpose.ShareActionPlan, RecipientActorId = actor, WithdrawnOn = new(2026, 4, 1), WithdrawnAt = now },
            new CommitmentAdded { CommitmentId = commitment, ParticipantId = participant, CollaborationId = collaboration, ResponsibleActorId = actor, Track = PlanTrack.Work, StartDate = new(2026, 3, 2), DueDate = new(2026, 5, 1), AddedAt = now },
            new CommitmentStatusChanged { CommitmentId = commitment, ParticipantId = participant, CollaborationId = collaboration, ResponsibleActorId = actor, Status = CommitmentStatus.Started, ChangedAt = now },
            new InterventionPublished { InterventionId = Guid.NewGuid(), ActorId = actor, Name = "Arbetsträning", Category = InterventionCategory.WorkTraining, OpenRegardlessOfBenefit = true, PublishedAt = now },
        ];
        var ids = await factory.PublishAllAsync(messages);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var kept = await db.EventHistory.AsNoTracking().Where(e => ids.Contains(e.MessageId)).Select(e => e.MessageId).ToListAsync();
        Assert.Equal(ids.Order(), kept.Order());
    }
}
