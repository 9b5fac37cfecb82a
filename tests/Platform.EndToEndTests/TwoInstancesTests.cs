using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Issue #16: the platform with two instances of every service (AppHost:Instances=2: <c>actors</c> and <c>actors-2</c> …,
/// two gateway replicas). Each request and each event is told apart by its own trace: the caller starts it (traceparent),
/// the gateway and the services carry it, and the outbox puts it on the event, so the spans each process exports show
/// which requests and which events reached it.
/// </summary>
[Collection(TwoInstancesCollection.Name)]
public sealed partial class TwoInstancesTests(TwoInstancesFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private const int Actors = 16;
    private const int Reads = 8;

    /// <summary>The services that run twice, and ActorRegistered's consumers among them.</summary>
    private static readonly string[] Services = [ResourceNames.Actors, ResourceNames.Participants, ResourceNames.Employers, ResourceNames.Reporting, ResourceNames.Webhooks];
    private static readonly string[] Consumers = [ResourceNames.Participants, ResourceNames.Employers, ResourceNames.Reporting];

    [Fact]
    public async Task Requests_and_events_reach_both_instances_of_every_service_and_each_takes_effect_once()
    {
        // One client, one kept-alive connection: the case in which per-connection spreading sent everything to one instance.
        using var client = fixture.Platform.ClientFor(Roles.Caseworker);
        var before = await CivilSocietyCountAsync(client, null);

        // Writes: each registration is one trace, consumed by Participants, Employers and Reporting.
        var registrations = new List<ActivityTraceId>();
        var ids = new List<Guid>();
        for (var n = 0; n < Actors; n++)
        {
            var (trace, response) = await SendAsync(client, HttpMethod.Post, "/api/actors", new
            {
                name = $"Tvåinstansföreningen {n}", organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "civil-society",
                kind = "civil-society-organisation",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            registrations.Add(trace);
        }

        // No double effects: Reporting's counter rises by exactly the number registered (a message applied twice would
        // count twice), and Participants and Employers each know every one of them.
        await Eventually.Until(() => CivilSocietyCountAsync(client, null), n => n >= before + Actors, Deadline, "every registration in Reporting's count");
        await Eventually.Until(() => KnownCountAsync(client, "/api/participants/actors", ids), n => n == Actors, Deadline, "every actor in Participants");
        await Eventually.Until(() => KnownCountAsync(client, "/api/employers/actors", ids), n => n == Actors, Deadline, "every actor in Employers");

        // Reads through the gateway, each service's in turn: both instances answer, and each Reporting instance's cache
        // (filled while the count was still rising) gives the figure after the last event, never an older or a doubled one.
        var reads = Services.ToDictionary(s => s, _ => new List<ActivityTraceId>());
        for (var n = 0; n < Reads; n++)
        {
            reads[ResourceNames.Reporting].Add(await ReadCountAsync(client, before + Actors));
            foreach (var (service, path) in new[]
                     {
                         (ResourceNames.Actors, $"/api/actors/{ids[n]}"), (ResourceNames.Participants, "/api/participants/actors?pageSize=5"),
                         (ResourceNames.Employers, "/api/employers/actors?pageSize=5"), (ResourceNames.Webhooks, "/api/webhooks/endpoints"),
                     })
            {
                var (trace, response) = await SendAsync(client, HttpMethod.Get, path);
                // Answered by the service (a refusal too is its answer, with its span), not failed on the way.
                Assert.True((int)response.StatusCode < 500, $"GET {path}: {(int)response.StatusCode}");
                reads[service].Add(trace);
            }
        }
        reads[ResourceNames.Actors].AddRange(registrations);

        // Per instance: how many of the requests' traces, and of the registrations' traces as events, its spans show.
        var expected = Services.Select(s => (Instance: s, Traces: reads[s], What: "requests"))
            .Concat(Consumers.Select(s => (Instance: s, Traces: registrations, What: "events")))
            .SelectMany(x => new[] { x, x with { Instance = ResourceNames.InstanceOf(x.Instance, 1) } })
            .ToList();
        var counts = await Eventually.Until(() => Task.FromResult(expected.Select(x => (x.Instance, x.What, Seen: Seen(x.Instance, x.Traces), x.Traces.Count)).ToList()),
            all => all.GroupBy(x => (Service: x.Instance.Split('-')[0], x.What)).All(pair => pair.All(x => x.Seen > 0) && pair.Sum(x => x.Seen) >= pair.First().Count),
            Deadline, "the spans of every request and event, in both instances of each service");
        // Shown in the test's output: the spread itself.
        foreach (var (instance, what, seen, total) in counts)
            Console.WriteLine($"{instance,-16} {what,-8} {seen,3} of {total}");

        // Still exactly the number registered, once everything has been consumed everywhere.
        Assert.Equal(before + Actors, await CivilSocietyCountAsync(client, null));
    }

    /// <summary>Reads the sector count; it must be exactly <paramref name="expected"/>.</summary>
    private static async Task<ActivityTraceId> ReadCountAsync(HttpClient client, int expected)
    {
        var trace = ActivityTraceId.CreateRandom();
        Assert.Equal(expected, await CivilSocietyCountAsync(client, trace));
        return trace;
    }

    private static async Task<int> CivilSocietyCountAsync(HttpClient client, ActivityTraceId? trace)
    {
        var (_, response) = await SendAsync(client, HttpMethod.Get, "/api/reports/actors-by-sector", trace: trace);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        return report.GetProperty("sectors").EnumerateArray()
            .Where(s => s.GetProperty("sector").GetString() == "civil-society").Sum(s => s.GetProperty("count").GetInt32());
    }

    private static async Task<int> KnownCountAsync(HttpClient client, string path, List<Guid> ids)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"{path}?pageSize=200");
        return page.GetProperty("items").EnumerateArray().Count(a => ids.Contains(a.GetProperty("id").GetGuid()));
    }

    /// <summary>Sends a request in a trace of its own, the caller starting it as an agency's traced system would.</summary>
    private static async Task<(ActivityTraceId Trace, HttpResponseMessage Response)> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body = null, ActivityTraceId? trace = null)
    {
        var id = trace ?? ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{id}-{ActivitySpanId.CreateRandom()}-01");
        return (id, await client.SendAsync(request));
    }

    /// <summary>How many of <paramref name="traces"/> the spans exported by exactly this instance (service.name) hold.</summary>
    private int Seen(string instance, List<ActivityTraceId> traces)
    {
        // The name is followed by the next field's tag, never by "-2" or "-setup" when it is the whole name.
        var exportedBy = new Regex($@"service\.name[\s\S]{{2,6}}{Regex.Escape(instance)}(?![-\w])");
        var bodies = fixture.Platform.Telemetry.Bodies("/v1/traces", instance).Where(b => exportedBy.IsMatch(b)).ToList();
        return traces.Count(t =>
        {
            var bytes = new byte[16];
            t.CopyTo(bytes);
            var marker = Encoding.Latin1.GetString(bytes);
            return bodies.Any(b => b.Contains(marker, StringComparison.Ordinal));
        });
    }
}

/// <summary>The platform with two instances of every service that can run twice, for <see cref="TwoInstancesTests"/> alone.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public TestPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Platform = await TestPlatform.StartAsync("two", settings: new Dictionary<string, string> { ["AppHost:Instances"] = "2" },
            startTimeout: TimeSpan.FromMinutes(8)); // five more processes than a usual run, on a shared machine

    public async Task DisposeAsync()
    {
        if (Platform is not null)
            await Platform.DisposeAsync();
    }
}

/// <summary>
/// Runs alone, after the collections that run side by side: its platform is some twenty processes, and started beside
/// another platform on two cores it kept that one from turning healthy within its start timeout (a CI run, 61 failures).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstancesFixture>
{
    public const string Name = "two-instances";
}
