using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Infrastructure.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> e)
    {
        e.ToTable("webhook_endpoints");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.AgencyId).HasColumnName("agency_id");
        e.Property(x => x.Url).HasColumnName("url").HasMaxLength(2000);
        e.Property(x => x.Description).HasColumnName("description").HasMaxLength(500);
        e.Property(x => x.EventTypes).HasColumnName("event_types");
        e.Property(x => x.Enabled).HasColumnName("enabled");
        e.Property(x => x.DisabledReason).HasColumnName("disabled_reason").HasMaxLength(1000);
        e.Property(x => x.DisabledAt).HasColumnName("disabled_at");
        // Encrypted (SecretProtector): the stored text is several times the secret's length.
        e.Property(x => x.Secret).HasColumnName("secret").HasMaxLength(1000);
        e.Property(x => x.PreviousSecret).HasColumnName("previous_secret").HasMaxLength(1000);
        e.Property(x => x.PreviousSecretExpiresAt).HasColumnName("previous_secret_expires_at");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        // Fan-out looks up an event's agencies' endpoints.
        e.HasIndex(x => x.AgencyId).HasDatabaseName("ix_webhook_endpoints_agency_id");
    }
}
