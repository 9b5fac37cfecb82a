using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Consumers;

/// <summary>
/// Records a consent; a withdrawal that arrived first wins (the row stays withdrawn). A consent about an erased
/// participant is ignored, even one given before the erasure that arrives after it.
/// </summary>
public sealed class ConsentGivenConsumer(EmployersDbContext db, MatchingIndex index) : MatchingConsumer<ConsentGiven>(db, index)
{
    protected override Guid ParticipantOf(ConsentGiven message) => message.ParticipantId;

    protected override Task ApplyChangeAsync(ConsentGiven message, ConsumeContext<ConsentGiven> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static async Task ApplyAsync(EmployersDbContext db, ConsentGiven message, CancellationToken ct)
    {
        await db.Database.LockAsync(message.ParticipantId, ct);
        if (await Erasures.IsErasedAsync(db, message.ParticipantId, ct))
            return;
        (await ConsentRows.FindOrAddAsync(db, message.ConsentId, message.ParticipantId, message.Purpose, message.RecipientActorId, ct))
            .GivenOn ??= message.GivenOn;
    }
}

/// <summary>Takes effect at once: the row is marked withdrawn (or created withdrawn when the grant has not arrived yet).</summary>
public sealed class ConsentWithdrawnConsumer(EmployersDbContext db, MatchingIndex index) : MatchingConsumer<ConsentWithdrawn>(db, index)
{
    protected override Guid ParticipantOf(ConsentWithdrawn message) => message.ParticipantId;

    protected override Task ApplyChangeAsync(ConsentWithdrawn message, ConsumeContext<ConsentWithdrawn> context) =>
        ApplyAsync(Db, message, context.CancellationToken);

    public static async Task ApplyAsync(EmployersDbContext db, ConsentWithdrawn message, CancellationToken ct)
    {
        // Nothing of an erased participant is kept, not even a withdrawn row.
        await db.Database.LockAsync(message.ParticipantId, ct);
        if (await Erasures.IsErasedAsync(db, message.ParticipantId, ct))
            return;
        (await ConsentRows.FindOrAddAsync(db, message.ConsentId, message.ParticipantId, message.Purpose, message.RecipientActorId, ct))
            .WithdrawnAt ??= message.WithdrawnAt;
    }
}

/// <summary>
/// A grant and its withdrawal may arrive in either order, so each finds the consent's row or starts it; the first
/// value of each field stays (a redelivery or a late grant changes nothing).
/// </summary>
internal static class ConsentRows
{
    public static async Task<ParticipantConsent> FindOrAddAsync(
        EmployersDbContext db, Guid consentId, Guid participantId, ConsentPurpose purpose, Guid recipientActorId, CancellationToken ct)
    {
        var consent = await db.ParticipantConsents.FirstOrDefaultAsync(c => c.ConsentId == consentId, ct);
        if (consent is not null)
            return consent;
        consent = new ParticipantConsent { ConsentId = consentId, ParticipantId = participantId, Purpose = purpose, RecipientActorId = recipientActorId };
        db.ParticipantConsents.Add(consent);
        return consent;
    }
}
