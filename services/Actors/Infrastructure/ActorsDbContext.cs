using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Infrastructure;

public sealed class ActorsDbContext(DbContextOptions<ActorsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<Collaboration> Collaborations => Set<Collaboration>();
    public DbSet<CollaborationMember> CollaborationMembers => Set<CollaborationMember>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ActorsDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
