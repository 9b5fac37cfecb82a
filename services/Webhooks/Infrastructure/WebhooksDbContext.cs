using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Infrastructure;

public sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<WebhookEndpoint> Endpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();
    public DbSet<ParticipantOwner> ParticipantOwners => Set<ParticipantOwner>();
    public DbSet<CollaborationMember> CollaborationMembers => Set<CollaborationMember>();
    public DbSet<EmployerLink> EmployerLinks => Set<EmployerLink>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WebhooksDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
