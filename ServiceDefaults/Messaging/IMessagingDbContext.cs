using Microsoft.EntityFrameworkCore;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>A service's DbContext that carries the outbox and inbox tables next to its own.</summary>
public interface IMessagingDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<InboxMessage> InboxMessages { get; }
}
