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
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
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
    }
}
