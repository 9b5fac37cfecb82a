using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
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

        // Four workers, as four instances would run, racing for the same rows. Their sends may take 30 s, so that a slow
        // machine cannot turn an answered request into a timed-out attempt and a legitimate second send: any second
        // request here is a row claimed twice. The service's own worker (1 s timeout in these tests) stands aside meanwhile.
        var hosted = world.Service.Services.GetServices<IHostedService>().OfType<DeliveryWorker>().Single();
        await hosted.StopAsync(CancellationToken.None);
        try
        {
            using var patient = new WebhookSender(world.Service.Services.GetRequiredService<EndpointAddress>(), TimeSpan.FromSeconds(30));
            var workers = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<DeliveryWorker>(world.Service.Services, patient)).ToList();
            await Task.WhenAll(workers.Select(w => Task.Run(async () =>
            {
                while (await w.RunOnceAsync(CancellationToken.None) > 0) { }
            })));
        }
        finally
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var received = await world.ReceivedAsync(url, count);
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(r => r.Id).Distinct().Count());
        var delivered = await world.Agency(agency).GetFromJsonAsync<JsonElement>($"/api/webhooks/endpoints/{endpointId}/deliveries?status=delivered");
        Assert.Equal(count, delivered.GetProperty("total").GetInt32());
        Assert.Equal(count, world.Receiver.Received(url).Count); // nothing arrived late either
    }
}
