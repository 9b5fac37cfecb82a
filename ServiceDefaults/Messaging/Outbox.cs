using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.Messaging;

/// <summary>The one way request code raises an integration event: add it to the DbContext and save.</summary>
public static class Outbox
{
    internal static readonly JsonSerializerOptions Json = JsonConventions.Create();

    /// <summary>
    /// Stages <paramref name="integrationEvent"/> in the outbox. It is published only if the surrounding
    /// <c>SaveChanges</c> (or transaction) commits, and then at least once.
    /// </summary>
    public static OutboxMessage AddIntegrationEvent<T>(this IMessagingDbContext db, T integrationEvent) where T : class
    {
        var activity = Activity.Current;
        var message = new OutboxMessage
        {
            Id = NewId.NextSequentialGuid(),
            MessageType = TypeName(typeof(T)),
            Body = JsonSerializer.Serialize(integrationEvent, Json),
            TraceParent = activity?.IdFormat == ActivityIdFormat.W3C ? activity.Id : null,
            TraceState = activity?.TraceStateString,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
