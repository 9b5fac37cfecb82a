using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Infrastructure;

public sealed class ActorsDbContext(DbContextOptions<ActorsDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ActorsDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
