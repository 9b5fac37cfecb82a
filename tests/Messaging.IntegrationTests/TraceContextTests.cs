using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Samverkan.Testing;

namespace Samverkan.Messaging.IntegrationTests;

public sealed class TraceContextTests : MessagingTestBase
{
    private static readonly ActivitySource Requests = new("Samverkan.Tests.Requests");

    [Fact]
    public async Task The_writers_trace_continues_in_the_consumer()
    {
        // Stands in for OpenTelemetry: without a listener no activities are created at all.
        var stopped = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var host = await StartHostAsync();

        string traceId;
        Guid eventId;
        using (var request = Requests.StartActivity("POST /api/something"))
        {
            traceId = request!.TraceId.ToString();
            eventId = (await WriteEventsAsync(host, 1)).Single();
        }

        var effect = await Eventually.Until(
            () => QueryAsync(host, db => db.Effects.SingleOrDefaultAsync(e => e.EventId == eventId)),
            e => e is not null, Deadline, "the event's effect");
        Assert.Equal(traceId, effect!.TraceId);
        // The dispatcher's own span, in the writer's trace, names what it published and the row it came from.
        var row = await QueryAsync(host, db => db.OutboxMessages.Select(m => m.Id).SingleAsync());
        var publish = Assert.Single(stopped, a => a.Source.Name == Samverkan.ServiceDefaults.Messaging.MessagingExtensions.ActivitySourceName && a.Kind == ActivityKind.Producer);
        Assert.Equal("outbox publish SomethingHappened", publish.OperationName);
        Assert.Equal(traceId, publish.TraceId.ToString());
        Assert.Equal(row, publish.GetTagItem("messaging.message.id"));
    }
}
