using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

public sealed class ActorRegisteredConsumer(ReportingDbContext db) : ReportingConsumer<ActorRegistered>(db)
{
    protected override bool SavesOncePerBatch => true; // Find and tracked changes only (Copies); the history is written by SQL

    public override Task ApplyAsync(ActorRegistered m, CancellationToken ct) =>
        ActorFacts.ApplyAsync(Db, m.ActorId, m.Revision, m.Name, m.Sector, m.Kind, m.MunicipalityCode, m.RegisteredAt, ct);
}

public sealed class ActorUpdatedConsumer(ReportingDbContext db) : ReportingConsumer<ActorUpdated>(db)
{
    protected override bool SavesOncePerBatch => true; // Find and tracked changes only (Copies); the history is written by SQL

    public override Task ApplyAsync(ActorUpdated m, CancellationToken ct) =>
        ActorFacts.ApplyAsync(Db, m.ActorId, m.Revision, m.Name, m.Sector, m.Kind, m.MunicipalityCode, m.UpdatedAt, ct);
}

/// <summary>A registration and an update carry the actor's whole state: the newest revision wins (<see cref="Copies"/>).</summary>
internal static class ActorFacts
{
    public static Task ApplyAsync(ReportingDbContext db, Guid actorId, long? revision, string name, ActorSector sector, ActorKind kind,
        string? municipalityCode, DateTimeOffset asOf, CancellationToken ct) =>
        db.ActorFacts.ApplyIfNewerAsync([actorId], revision, () => new ActorFact { ActorId = actorId }, fact =>
        {
            fact.Name = name;
            fact.Sector = sector;
            fact.Kind = kind;
            fact.MunicipalityCode = municipalityCode;
            fact.RegisteredAt = asOf;
        }, ct);
}

public sealed class AgreementSignedConsumer(ReportingDbContext db) : ReportingConsumer<AgreementSigned>(db)
{
    public override Task ApplyAsync(AgreementSigned m, CancellationToken ct) =>
        AgreementVersions.AddAsync(Db, m.AgreementId, m.Version, m.CollaborationId, m.ActorId, m.ValidFrom, m.ValidTo, m.Contributions, m.SignedAt, ct);
}

public sealed class AgreementAmendedConsumer(ReportingDbContext db) : ReportingConsumer<AgreementAmended>(db)
{
    public override Task ApplyAsync(AgreementAmended m, CancellationToken ct) =>
        AgreementVersions.AddAsync(Db, m.AgreementId, m.Version, m.CollaborationId, m.ActorId, m.ValidFrom, m.ValidTo, m.Contributions, m.SignedAt, ct);
}

public sealed class AgreementTerminatedConsumer(ReportingDbContext db) : ReportingConsumer<AgreementTerminated>(db)
{
    public override Task ApplyAsync(AgreementTerminated m, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"UPDATE agreement_versions SET terminated_on = {m.TerminatedOn} WHERE agreement_id = {m.AgreementId}", ct);
}

public sealed class AssessmentSubmittedConsumer(ReportingDbContext db) : ReportingConsumer<AssessmentSubmitted>(db)
{
    public override async Task ApplyAsync(AssessmentSubmitted m, CancellationToken ct)
    {
        var held = await Db.AssessmentScores.Where(s => s.CollaborationId == m.CollaborationId && s.Round == m.Round && s.ActorId == m.ActorId).ToListAsync(ct);
        if (held.Count > 0 && held[0].SubmittedAt >= m.SubmittedAt)
            return; // a resubmission replaces; an older one arriving late does not
        Db.AssessmentScores.RemoveRange(held);
        foreach (var score in m.Scores.DistinctBy(s => s.Criterion))
            Db.AssessmentScores.Add(new AssessmentScore
            {
                CollaborationId = m.CollaborationId, Round = m.Round, ActorId = m.ActorId, Criterion = (int)score.Criterion, Score = score.Score,
                SubmittedAt = m.SubmittedAt,
            });
    }
}

internal static class AgreementVersions
{
    public static async Task AddAsync(ReportingDbContext db, Guid agreementId, int version, Guid collaborationId, Guid actorId,
        DateOnly validFrom, DateOnly validTo, IEnumerable<AgreedContribution> contributions, DateTimeOffset signedAt, CancellationToken ct)
    {
        if (await db.AgreementVersions.AnyAsync(v => v.AgreementId == agreementId && v.Version == version, ct))
            return;
        // A termination that overtook this version already applies to it.
        var terminated = await db.AgreementVersions.Where(v => v.AgreementId == agreementId).Select(v => v.TerminatedOn).FirstOrDefaultAsync(ct);
        db.AgreementVersions.Add(new AgreementVersion
        {
            AgreementId = agreementId, Version = version, CollaborationId = collaborationId, ActorId = actorId, ValidFrom = validFrom, ValidTo = validTo,
            Contributions = contributions.Select(c => new PromisedContribution((int)c.Kind, c.Quantity, c.Unit)).ToList(), SignedAt = signedAt,
            TerminatedOn = terminated,
        });
    }
}

/// <summary>The shared catalogue's interventions: history only, for a later report on what the catalogue offers and what is used.</summary>
public sealed class InterventionPublishedConsumer(ReportingDbContext db) : HistoryOnlyConsumer<InterventionPublished>(db);
