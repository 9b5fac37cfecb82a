using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Messaging.IntegrationTests;

/// <summary>An integration event that exists only for these tests.</summary>
public sealed record SomethingHappened
{
    public required Guid EventId { get; init; }
    public required int Value { get; init; }
}

/// <summary>An event whose consumer always fails.</summary>
public sealed record PoisonArrived
{
    public required Guid EventId { get; init; }
}

/// <summary>One row per applied message: a second effect of the same message would show as a second row.</summary>
public sealed class Effect
{
    public long Id { get; init; }
    public Guid EventId { get; init; }
    public Guid MessageId { get; init; }
    public string? TraceId { get; init; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<Effect> Effects => Set<Effect>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Effect>(e =>
        {
            e.ToTable("effects");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
        });
        modelBuilder.AddMessagingTables();
    }
}
