using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

[Collection(PlatformCollection.Name)]
public sealed class TracingTests(PlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_request_is_one_trace_from_the_gateway_through_the_bus_to_each_consumer()
    {
        // The caller starts the trace, as an agency's system that traces its own calls would.
        var traceId = ActivityTraceId.CreateRandom();
        using var client = platform.ClientFor(Roles.Caseworker);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actors")
        {
            Content = JsonContent.Create(new { name = "Spårbar förening", organisationNumber = "802479-1017", sector = "civil-society", kind = "civil-society-organisation" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);

        // In OTLP's protobuf a span's trace id is its 16 bytes as they are; ActorRegistered's consumers are Participants,
        // Employers and Reporting.
        var id = new byte[16];
        traceId.CopyTo(id);
        var marker = Encoding.Latin1.GetString(id);
        string[] services = [ResourceNames.Gateway, ResourceNames.Actors, ResourceNames.Participants, ResourceNames.Employers, ResourceNames.Reporting];
        await Eventually.Until(
            () => Task.FromResult(string.Join(", ", services.Where(s =>
                !platform.Platform.Telemetry.Bodies("/v1/traces", s).Any(b => b.Contains(marker, StringComparison.Ordinal))))),
            missing => missing.Length == 0, Deadline, "spans of the request's trace from the gateway, Actors and each consumer (the value: those still missing)");
    }
}
