using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Infrastructure.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(x => x.EndpointId).HasColumnName("endpoint_id");
        e.Property(x => x.AgencyId).HasColumnName("agency_id");
        e.Property(x => x.EventId).HasColumnName("event_id");
        e.Property(x => x.EventType).HasColumnName("event_type").HasMaxLength(100);
        e.Property(x => x.Payload).HasColumnName("payload").HasColumnType("text");
        // DeliveryWorker's claim query names these values.
        e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Attempts).HasColumnName("attempts");
        e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        e.Property(x => x.WindowStartedAt).HasColumnName("window_started_at");
        e.Property(x => x.LastAttemptAt).HasColumnName("last_attempt_at");
        e.Property(x => x.LastStatusCode).HasColumnName("last_status_code");
        e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(500);
        e.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Ignore(x => x.MessageId);
        // One delivery per endpoint and event, whatever reaches the consumer twice.
        e.HasIndex(x => new { x.EndpointId, x.EventId }).IsUnique().HasDatabaseName("ux_webhook_deliveries_endpoint_id_event_id");
        // The worker's claim: pending rows that are due.
        e.HasIndex(x => x.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
        e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
