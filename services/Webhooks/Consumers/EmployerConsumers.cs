using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Employers;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Consumers;

/// <summary>
/// An employer's events go to the agencies that work with it (<see cref="EmployerLink"/>): the one that owns the
/// relationship, and each that logged a contact, published an offer for it or placed someone there.
/// </summary>
public abstract class EmployerEventConsumer<TMessage>(WebhooksDbContext db) : WebhookConsumer<TMessage>(db) where TMessage : class
{
    protected abstract Guid EmployerOf(TMessage message);

    /// <summary>The agency the event links to the employer, if any.</summary>
    protected virtual Guid? LinkedActorOf(TMessage message) => null;

    protected override Task RememberAsync(TMessage message, CancellationToken ct) => ApplyAsync(message, ct);

    /// <summary>
    /// Links the agency the event names to the employer. The links are a set that only grows (a former owner keeps its
    /// link, as every agency that ever logged a contact does), so they commute: any order of delivery, with any repeats,
    /// ends with the same links, and no revision is needed.
    /// </summary>
    public async Task ApplyAsync(TMessage message, CancellationToken ct)
    {
        if (LinkedActorOf(message) is not { } actor)
            return;
        var employer = EmployerOf(message);
        if (await Db.EmployerLinks.FindAsync([employer, actor], ct) is null)
            Db.EmployerLinks.Add(new EmployerLink { EmployerId = employer, ActorId = actor });
    }

    protected override async Task<IReadOnlyCollection<Guid>> AudienceAsync(TMessage message, CancellationToken ct)
    {
        var employer = EmployerOf(message);
        return await Db.EmployerLinks.Where(l => l.EmployerId == employer).Select(l => l.ActorId).ToListAsync(ct);
    }
}

public sealed class EmployerRegisteredConsumer(WebhooksDbContext db) : EmployerEventConsumer<EmployerRegistered>(db)
{
    protected override Guid EmployerOf(EmployerRegistered m) => m.EmployerId;
    protected override Guid? LinkedActorOf(EmployerRegistered m) => m.OwnerActorId;
}

public sealed class EmployerUpdatedConsumer(WebhooksDbContext db) : EmployerEventConsumer<EmployerUpdated>(db)
{
    protected override Guid EmployerOf(EmployerUpdated m) => m.EmployerId;
    protected override Guid? LinkedActorOf(EmployerUpdated m) => m.OwnerActorId;
}

public sealed class ContactLoggedConsumer(WebhooksDbContext db) : EmployerEventConsumer<ContactLogged>(db)
{
    protected override Guid EmployerOf(ContactLogged m) => m.EmployerId;
    protected override Guid? LinkedActorOf(ContactLogged m) => m.ActorId;
}

public sealed class OfferPublishedConsumer(WebhooksDbContext db) : EmployerEventConsumer<OfferPublished>(db)
{
    protected override Guid EmployerOf(OfferPublished m) => m.EmployerId;
    protected override Guid? LinkedActorOf(OfferPublished m) => m.PublishedByActorId;
}

public sealed class OfferFilledConsumer(WebhooksDbContext db) : EmployerEventConsumer<OfferFilled>(db)
{
    protected override Guid EmployerOf(OfferFilled m) => m.EmployerId;
}

public sealed class OfferClosedConsumer(WebhooksDbContext db) : EmployerEventConsumer<OfferClosed>(db)
{
    protected override Guid EmployerOf(OfferClosed m) => m.EmployerId;
}

/// <summary>
/// A placement names a participant, so it goes only to the agency running the pipeline and to the participant's own
/// agency, not to every agency that knows the employer. The pipeline's agency is linked to the employer from here on.
/// </summary>
public abstract class PlacementEventConsumer<TMessage>(WebhooksDbContext db) : EmployerEventConsumer<TMessage>(db) where TMessage : class
{
    protected abstract Guid ParticipantOf(TMessage message);

    protected override async Task<IReadOnlyCollection<Guid>> AudienceAsync(TMessage message, CancellationToken ct)
    {
        var participant = ParticipantOf(message);
        var owners = await Db.ParticipantOwners.Where(o => o.ParticipantId == participant).Select(o => o.AgencyId).ToListAsync(ct);
        return [.. owners.Append(LinkedActorOf(message)!.Value).Distinct()];
    }
}

public sealed class PlacementStartedConsumer(WebhooksDbContext db) : PlacementEventConsumer<PlacementStarted>(db)
{
    protected override Guid EmployerOf(PlacementStarted m) => m.EmployerId;
    protected override Guid? LinkedActorOf(PlacementStarted m) => m.PilotActorId;
    protected override Guid ParticipantOf(PlacementStarted m) => m.ParticipantId;
}

public sealed class PlacementEndedConsumer(WebhooksDbContext db) : PlacementEventConsumer<PlacementEnded>(db)
{
    protected override Guid EmployerOf(PlacementEnded m) => m.EmployerId;
    protected override Guid? LinkedActorOf(PlacementEnded m) => m.PilotActorId;
    protected override Guid ParticipantOf(PlacementEnded m) => m.ParticipantId;
}
