using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Actors.Infrastructure;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Requests with an If-Match, and waiting for events to leave through the outbox.</summary>
public static class RequestData
{
    public static HttpRequestMessage WithIfMatch(HttpMethod method, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return request;
    }

    public static async Task<string> ETagAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.Tag;
    }

    /// <summary>Waits until <paramref name="count"/> events of the type mentioning <paramref name="id"/> are confirmed by the broker.</summary>
    public static Task EventsDispatchedAsync(this ServiceApiFactory<Program> factory, string eventName, Guid id, int count) =>
        Eventually.Until(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ActorsDbContext>();
            var rows = (await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.MessageType.StartsWith($"Samverkan.Contracts.Actors.{eventName},")).ToListAsync())
                .Where(m => m.Body.Contains(id.ToString())).ToList(); // the body is jsonb: searched here, not in SQL
            return rows.Count == count && rows.All(r => r.DispatchedAt != null);
        }, TimeSpan.FromSeconds(20), $"{count} × {eventName} for {id} to be confirmed by the broker");
}
