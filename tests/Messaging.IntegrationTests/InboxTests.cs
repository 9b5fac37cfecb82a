using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

public sealed class InboxTests : MessagingTestBase
{
    [Fact]
    public async Task The_same_message_delivered_twice_has_one_effect()
    {
        var host = await StartHostAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var message = new SomethingHappened { EventId = Guid.NewGuid(), Value = 1 };

        // As the broker would redeliver it: same message id, twice, and concurrently once more.
        await bus.Publish(message, ctx => ctx.MessageId = messageId);
        await bus.Publish(message, ctx => ctx.MessageId = messageId);
        await Task.WhenAll(
            bus.Publish(message, ctx => ctx.MessageId = messageId),
            bus.Publish(message, ctx => ctx.MessageId = messageId));

        await Eventually.Until(() => Task.FromResult(host.ConsumeLog.Count(messageId)), n => n == 4, Deadline, "four deliveries");
        Assert.Equal(1, await EffectCountAsync(host));
        Assert.Equal(1, await QueryAsync(host, db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
    }
}
