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
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
