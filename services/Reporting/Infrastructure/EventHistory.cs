using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// The append-only history of consumed events. Payloads are stored with enums as numbers and camelCase
/// names, which is what the rebuild's SQL reads (payload->>'gender')::int.
/// </summary>
public static class EventHistory
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task AppendAsync<T>(ReportingDbContext db, Guid messageId, T message, CancellationToken ct) where T : class
    {
        var payload = JsonSerializer.Serialize(message, Options);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO event_history (message_id, type, payload, recorded_at) VALUES ({messageId}, {typeof(T).Name}, {payload}::jsonb, {DateTimeOffset.UtcNow})
            """, ct);
    }
}
