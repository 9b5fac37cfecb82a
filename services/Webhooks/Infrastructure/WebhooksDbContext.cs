using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Samverkan.ServiceDefaults.Messaging;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Infrastructure;

public sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options, SecretProtector secrets) : DbContext(options), IMessagingDbContext
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
        // The model is built once and cached; the protector is a singleton, so capturing it here is safe.
        var encrypted = new ValueConverter<string, string>(plain => secrets.Protect(plain), stored => secrets.Unprotect(stored));
        modelBuilder.Entity<WebhookEndpoint>().Property(e => e.Secret).HasConversion(encrypted);
        // EF never hands a null to a converter; the nullable property only needs a converter typed for it.
        modelBuilder.Entity<WebhookEndpoint>().Property(e => e.PreviousSecret)
            .HasConversion(new ValueConverter<string?, string?>(plain => secrets.Protect(plain!), stored => secrets.Unprotect(stored!)));
        modelBuilder.AddMessagingTables();
        modelBuilder.MapCopies();
    }
}
