using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Testing;
using Samverkan.Webhooks.Delivery;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>Several instances sending from one delivery table: each row goes out once.</summary>
[Collection(WebhookCollection.Name)]
public sealed class ClaimTests(WebhookWorld world)
{
    [Fact]
    public async Task Workers_of_several_instances_never_send_the_same_delivery_twice()
    {
        var agency = Guid.NewGuid();
        var url = world.Receiver.Endpoint();
        var (endpointId, _) = await world.RegisterAsync(agency, url, "offer.closed");
        const int count = 60;
        await using (var scope = world.Service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebhooksDbContext>();
            var endpoint = await db.Endpoints.SingleAsync(e => e.Id == endpointId);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
                db.Deliveries.Add(WebhookDelivery.For(endpoint, Guid.NewGuid(), "offer.closed", $$"""{"n":{{i}}}""", now));
            await db.SaveChangesAsync();
        }

        // Three more workers, as three more instances would run, racing the service's own for the same rows.
        var workers = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<DeliveryWorker>(world.Service.Services)).ToList();
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            while (await w.RunOnceAsync(CancellationToken.None) > 0) { }
        })));

        var received = await world.ReceivedAsync(url, count);
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(r => r.Id).Distinct().Count());
        await Eventually.Until(async () => (await world.DeliveriesAsync(agency, endpointId)).Count(d => d.GetProperty("status").GetString() == "delivered") == 50,
            TimeSpan.FromSeconds(10), "every delivery marked delivered (the first page of 50)");
        Assert.Equal(count, world.Receiver.Received(url).Count); // nothing arrived late either
    }
}
