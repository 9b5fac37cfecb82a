using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;

namespace Samverkan.Employers.Consumers;

/// <summary>Records a consent; a withdrawal that arrived first wins (the row stays withdrawn).</summary>
public sealed class ConsentGivenConsumer(EmployersDbContext db, MatchingIndex index) : MatchingConsumer<ConsentGiven>(db, index)
{
    protected override Guid ParticipantOf(ConsentGiven message) => message.ParticipantId;

    protected override async Task HandleAsync(ConsentGiven message, ConsumeContext<ConsentGiven> context)
    {
        var consent = await Db.ParticipantConsents.FirstOrDefaultAsync(c => c.ConsentId == message.ConsentId, context.CancellationToken);
        if (consent is null)
            Db.ParticipantConsents.Add(new ParticipantConsent
            {
                ConsentId = message.ConsentId,
                ParticipantId = message.ParticipantId,
                Purpose = message.Purpose,
                RecipientActorId = message.RecipientActorId,
                GivenOn = message.GivenOn,
            });
        else
            consent.GivenOn ??= message.GivenOn;
    }
}

/// <summary>Takes effect at once: the row is marked withdrawn (or created withdrawn when the grant has not arrived yet).</summary>
public sealed class ConsentWithdrawnConsumer(EmployersDbContext db, MatchingIndex index) : MatchingConsumer<ConsentWithdrawn>(db, index)
{
    protected override Guid ParticipantOf(ConsentWithdrawn message) => message.ParticipantId;

    protected override async Task HandleAsync(ConsentWithdrawn message, ConsumeContext<ConsentWithdrawn> context)
    {
        var consent = await Db.ParticipantConsents.FirstOrDefaultAsync(c => c.ConsentId == message.ConsentId, context.CancellationToken);
        if (consent is null)
            Db.ParticipantConsents.Add(new ParticipantConsent
            {
                ConsentId = message.ConsentId,
                ParticipantId = message.ParticipantId,
                Purpose = message.Purpose,
                RecipientActorId = message.RecipientActorId,
                WithdrawnAt = message.WithdrawnAt,
            });
        else
            consent.WithdrawnAt ??= message.WithdrawnAt;
    }
}
