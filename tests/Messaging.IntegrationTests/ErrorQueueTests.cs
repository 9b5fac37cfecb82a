using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

public sealed class ErrorQueueTests : MessagingTestBase
{
    [Fact]
    public async Task A_message_whose_consumer_always_fails_lands_in_the_error_queue_after_bounded_retries()
    {
        var host = await StartHostAsync(); // RetryLimit 2: three attempts in all
        var poison = new PoisonArrived { EventId = Guid.NewGuid() };

        await host.Services.GetRequiredService<IBus>().Publish(poison);

        var errorQueue = host.QueueOf<FailingConsumer>() + "_error";
        await Eventually.Until(() => host.MessagesInQueueAsync(errorQueue), n => n == 1, Deadline, "the message in " + errorQueue);
        Assert.Equal(3, host.Services.GetRequiredService<AttemptCounter>().For(poison.EventId));
        Assert.Equal(0u, await host.MessagesInQueueAsync(host.QueueOf<FailingConsumer>()));
        Assert.Equal(0, await EffectCountAsync(host)); // every failed attempt rolled back its writes
    }
}
