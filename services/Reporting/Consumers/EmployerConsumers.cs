using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Employers;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

public sealed class EmployerRegisteredConsumer(ReportingDbContext db) : ReportingConsumer<EmployerRegistered>(db)
{
    public override Task ApplyAsync(EmployerRegistered m, CancellationToken ct) =>
        EmployerFacts.ApplyAsync(Db, m.EmployerId, m.Revision, m.Name, m.MunicipalityCode, m.OwnerActorId, ct);
}

public sealed class EmployerUpdatedConsumer(ReportingDbContext db) : ReportingConsumer<EmployerUpdated>(db)
{
    public override Task ApplyAsync(EmployerUpdated m, CancellationToken ct) =>
        EmployerFacts.ApplyAsync(Db, m.EmployerId, m.Revision, m.Name, m.MunicipalityCode, m.OwnerActorId, ct);
}

/// <summary>A registration and an update carry the employer's whole state: the newest revision wins (<see cref="Copies"/>).</summary>
internal static class EmployerFacts
{
    public static Task ApplyAsync(ReportingDbContext db, Guid employerId, long? revision, string name, string municipalityCode, Guid ownerActorId,
        CancellationToken ct) =>
        db.EmployerFacts.ApplyIfNewerAsync([employerId], revision, () => new EmployerFact { EmployerId = employerId }, fact =>
        {
            fact.Name = name;
            fact.MunicipalityCode = municipalityCode;
            fact.OwnerActorId = ownerActorId;
        }, ct);
}

public sealed class ContactLoggedConsumer(ReportingDbContext db) : ReportingConsumer<ContactLogged>(db)
{
    public override Task ApplyAsync(ContactLogged m, CancellationToken ct) => Db.Database.ExecuteSqlAsync($"""
        INSERT INTO employer_contacts (contact_id, employer_id, actor_id, date, planned) VALUES ({m.ContactId}, {m.EmployerId}, {m.ActorId}, {m.Date}, {m.Planned})
        ON CONFLICT (contact_id) DO NOTHING
        """, ct);
}

public sealed class OfferPublishedConsumer(ReportingDbContext db) : ReportingConsumer<OfferPublished>(db)
{
    public override async Task ApplyAsync(OfferPublished m, CancellationToken ct)
    {
        // A fill or close that overtook the publication created the row: keep its state, add the facts.
        var offer = await OfferFacts.FindOrAddAsync(Db, m.OfferId, m.EmployerId, ct);
        offer.Kind = (int)m.Kind;
        offer.Places = m.Places;
        offer.PublishedOn = DateOnly.FromDateTime(m.PublishedAt.UtcDateTime);
    }
}

public sealed class OfferFilledConsumer(ReportingDbContext db) : ReportingConsumer<OfferFilled>(db)
{
    public override async Task ApplyAsync(OfferFilled m, CancellationToken ct) => (await OfferFacts.FindOrAddAsync(Db, m.OfferId, m.EmployerId, ct)).Filled = true;
}

public sealed class OfferClosedConsumer(ReportingDbContext db) : ReportingConsumer<OfferClosed>(db)
{
    public override async Task ApplyAsync(OfferClosed m, CancellationToken ct)
    {
        var offer = await OfferFacts.FindOrAddAsync(Db, m.OfferId, m.EmployerId, ct);
        offer.Closed = true;
        offer.Filled |= m.WasFilled;
    }
}

public sealed class CandidateProposedConsumer(ReportingDbContext db) : HistoryOnlyConsumer<CandidateProposed>(db);

/// <summary>
/// Keeps the participant's earliest presentation to an employer (first employer contact) and moves the
/// days-to-first-contact histogram of each of the participant's collaborations when it gets earlier.
/// </summary>
public sealed class CandidatePresentedConsumer(ReportingDbContext db) : ReportingConsumer<CandidatePresented>(db)
{
    protected override ReadModelReach Reach => ReadModelReach.Scopes;

    public override async Task ApplyAsync(CandidatePresented m, CancellationToken ct)
    {
        await CounterWriter.LockParticipantAsync(Db, m.ParticipantId, ct);
        var held = await Db.FirstEmployerContacts.FindAsync([m.ParticipantId], ct);
        if (held is not null && held.PresentedOn <= m.PresentedOn)
            return;
        var facts = await Db.ParticipantFacts.AsNoTracking().Where(f => f.ParticipantId == m.ParticipantId).ToListAsync(ct);
        var deltas = new List<CounterDelta>();
        foreach (var fact in facts)
        {
            if (held is not null)
                deltas.AddRange(Dimensions.FirstContact(fact, held.PresentedOn, -1));
            deltas.AddRange(Dimensions.FirstContact(fact, m.PresentedOn, +1));
        }
        if (held is null)
            Db.FirstEmployerContacts.Add(new FirstEmployerContact { ParticipantId = m.ParticipantId, PresentedOn = m.PresentedOn });
        else
            held.PresentedOn = m.PresentedOn;
        await CounterWriter.ApplyAsync(Db, deltas, ct);
    }
}

public sealed class PlacementStartedConsumer(ReportingDbContext db) : ReportingConsumer<PlacementStarted>(db)
{
    public override async Task ApplyAsync(PlacementStarted m, CancellationToken ct)
    {
        var held = await Db.PlacementFacts.FindAsync([m.PipelineId], ct);
        if (held is null)
            Db.PlacementFacts.Add(new PlacementFact
            {
                PipelineId = m.PipelineId, ParticipantId = m.ParticipantId, EmployerId = m.EmployerId, PilotActorId = m.PilotActorId,
                OfferKind = (int)m.OfferKind, Stage = (int)m.Stage, StartDate = m.StartDate,
            });
        else if (m.Stage > (PipelineStage)held.Stage)
            held.Stage = (int)m.Stage; // placed, then employed by the same employer
    }
}

public sealed class PlacementEndedConsumer(ReportingDbContext db) : ReportingConsumer<PlacementEnded>(db)
{
    public override async Task ApplyAsync(PlacementEnded m, CancellationToken ct) =>
        await Db.Database.ExecuteSqlAsync($"UPDATE placement_facts SET end_date = {m.EndDate} WHERE pipeline_id = {m.PipelineId}", ct);
}

internal static class OfferFacts
{
    public static async Task<OfferFact> FindOrAddAsync(ReportingDbContext db, Guid offerId, Guid employerId, CancellationToken ct)
    {
        var offer = await db.OfferFacts.FindAsync([offerId], ct);
        if (offer is null)
            db.OfferFacts.Add(offer = new OfferFact { OfferId = offerId, EmployerId = employerId });
        return offer;
    }
}
