using Microsoft.EntityFrameworkCore;

namespace Samverkan.ServiceDefaults.Messaging;

public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>Maps the outbox and inbox tables; call from each service's <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
            e.Property(x => x.MessageType).HasColumnName("message_type").HasMaxLength(500);
            e.Property(x => x.Body).HasColumnName("body").HasColumnType("jsonb");
            e.Property(x => x.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            e.Property(x => x.TraceState).HasColumnName("trace_state").HasMaxLength(500);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.DispatchedAt).HasColumnName("dispatched_at");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.HasIndex(x => x.Sequence).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_pending");
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(x => new { x.MessageId, x.Consumer });
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(x => x.ReceivedAt).HasColumnName("received_at");
        });
        return modelBuilder;
    }
}
