using Microsoft.EntityFrameworkCore;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<ActorFact> ActorFacts => Set<ActorFact>();
    public DbSet<CollaborationFact> CollaborationFacts => Set<CollaborationFact>();
    public DbSet<CollaborationMember> CollaborationMembers => Set<CollaborationMember>();
    public DbSet<ParticipantFact> ParticipantFacts => Set<ParticipantFact>();
    public DbSet<ParticipantCount> ParticipantCounts => Set<ParticipantCount>();
    public DbSet<ParticipantPeriodCount> ParticipantPeriodCounts => Set<ParticipantPeriodCount>();
    public DbSet<ParticipantTotal> ParticipantTotals => Set<ParticipantTotal>();
    public DbSet<RegionalTotal> RegionalTotals => Set<RegionalTotal>();
    public DbSet<CrossCount> CrossCounts => Set<CrossCount>();
    public DbSet<ParticipantExit> ParticipantExits => Set<ParticipantExit>();
    public DbSet<ParticipantHours> ParticipantHours => Set<ParticipantHours>();
    public DbSet<HoursByMonth> HoursByMonth => Set<HoursByMonth>();
    public DbSet<FirstEmployerContact> FirstEmployerContacts => Set<FirstEmployerContact>();
    public DbSet<EmployerFact> EmployerFacts => Set<EmployerFact>();
    public DbSet<EmployerContactFact> EmployerContacts => Set<EmployerContactFact>();
    public DbSet<OfferFact> OfferFacts => Set<OfferFact>();
    public DbSet<PlacementFact> PlacementFacts => Set<PlacementFact>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<AssessmentScore> AssessmentScores => Set<AssessmentScore>();
    public DbSet<ReadModelVersion> ReadModelVersions => Set<ReadModelVersion>();
    public DbSet<EventRecord> EventHistory => Set<EventRecord>();
    public DbSet<ErasedParticipant> ErasedParticipants => Set<ErasedParticipant>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>
    /// Reports read a few hundred rows through prepared statements (auto-prepare), written for generic plans: one
    /// branch per index range, every bound a parameter. Left to choose, PostgreSQL planned the counts query afresh on
    /// every execution (its generic estimates for a whole scope looked dearer than each custom plan), ~1.4 ms of a
    /// period's 3.3 at 1,000,000 participants; and a generic plan's estimates can cross the parallel threshold, where
    /// starting workers took ~8 ms for a query that then read nothing (the regional view's rows dated after an as-of
    /// date). So: generic plans, no parallel workers. The rebuild turns workers on again for its aggregations.
    /// </summary>
    public static void ConnectionSettings(Npgsql.NpgsqlConnectionStringBuilder settings) =>
        settings.Options = $"{settings.Options} -c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0".Trim();

    /// <summary>
    /// The report scopes (collaborations, <see cref="Dimensions.AllCollaborations"/>) whose counters, hours or
    /// collaboration facts the current message has changed; not stored. The consumer raises their versions
    /// (<see cref="ReadModelVersions"/>) when it is done.
    /// </summary>
    public HashSet<Guid> ChangedScopes { get; } = [];

    /// <summary>The counter changes and version raises of the consumer batch running on this context, if any; not stored.</summary>
    public BatchWrites Batch { get; } = new();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
        modelBuilder.AddMessagingTables();
        modelBuilder.MapCopies();
    }
}
