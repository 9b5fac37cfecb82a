using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using RabbitMQ.Client;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Sweden;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Issue #4's leak test, widened by issue #19: the whole platform with its telemetry exported to a receiver of our own,
/// participants enrolled with known test numbers through the gateway (single, bulk JSON, bulk CSV, rejected ones too),
/// read with identifying data, exported, their facts corrected, a consent given and withdrawn, one exited and one
/// erased; then what every service printed, every exported trace and log, every response body (but the two that show
/// identity on purpose: the identifying read and the export), every message left in every queue of the platform's
/// virtual host (<c>_error</c> queues and fault headers too), and every row of every table in every service's database,
/// with binary and base64 content decoded, are searched for each number in every written form. None may be found; a
/// probe number sent on purpose must be, in each kind of place, or the search proves nothing.
/// </summary>
[Collection(LeakPlatformCollection.Name)]
public sealed partial class PersonalDataLeakTests(LeakPlatformFixture platform)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // Valid numbers (real dates, Luhn check digit), one a samordningsnummer, and two invalid ones that are refused:
    // a refusal must not leak the number either.
    private static readonly TestNumber A = TestNumber.Valid(new DateOnly(1937, 3, 14), 271);
    private static readonly TestNumber B = TestNumber.Valid(new DateOnly(1958, 11, 29), 384);
    private static readonly TestNumber C = TestNumber.Valid(new DateOnly(1966, 7, 3), 592);
    private static readonly TestNumber D = TestNumber.Valid(new DateOnly(1994, 5, 21), 648, coordination: true);
    private static readonly TestNumber E = TestNumber.Valid(new DateOnly(1973, 2, 27), 815);
    private static readonly TestNumber F = TestNumber.Valid(new DateOnly(2001, 8, 17), 926);
    private static readonly TestNumber BadSingle = TestNumber.Valid(new DateOnly(1945, 6, 30), 173).WithWrongCheckDigit();
    private static readonly TestNumber BadBulk = TestNumber.Valid(new DateOnly(1982, 9, 12), 457).WithWrongCheckDigit();
    /// <summary>Sent on purpose in a URL path, which the request logs and the server spans carry.</summary>
    private static readonly TestNumber Probe = TestNumber.Valid(new DateOnly(1929, 12, 31), 739);

    [Fact]
    public async Task No_test_number_reaches_logs_traces_outboxes_or_any_database_table_in_clear()
    {
        var (agency, client) = await AgencyAsync();
        var collaboration = await CollaborationAsync(agency);

        var a = await EnrolAsync(client, collaboration, A.TenWithSeparator, HttpStatusCode.Created, name: "Astrid Läckström");
        var b = await EnrolAsync(client, collaboration, B.Twelve, HttpStatusCode.Created);
        Assert.Equal(a, await EnrolAsync(client, collaboration, A.TwelveWithSeparator, HttpStatusCode.OK));
        Assert.Null(await EnrolAsync(client, collaboration, BadSingle.TenWithSeparator, HttpStatusCode.BadRequest));
        var json = await Expect(await client.PostAsJsonAsync("/api/participants/bulk", new[]
        {
            Body(collaboration, C.Ten), Body(collaboration, D.TwelveWithSeparator), Body(collaboration, BadBulk.Twelve),
        }), HttpStatusCode.OK);
        var csv = await Expect(await client.PostAsync("/api/participants/bulk", new StringContent(
            "collaborationId,personalIdentityNumber,name,municipalityCode,referralDate,startDate,benefitAtStart,labourMarketStatus,educationLevel\n"
            + $"{collaboration},{E.TenWithSeparator},Eva Csv,0880,2026-01-05,2026-01-10,activity-support,unemployed,tertiary\n"
            + $"{collaboration},{F.Twelve},,0880,2026-01-05,2026-01-10,none,inactive,tertiary\n"
            + $"{collaboration},{A.Ten},,0880,2026-01-05,2026-01-10,none,inactive,tertiary\n", Encoding.UTF8, "text/csv")), HttpStatusCode.OK);

        Assert.Equal(["created", "created", "rejected"], Statuses(json));
        Assert.Equal(["created", "created", "already-enrolled"], Statuses(csv));
        var participants = new[] { a!.Value, b!.Value }.Concat(Ids(json)).Concat(Ids(csv).Take(2)).ToList();
        foreach (var id in participants)
        {
            var read = await Expect(await client.GetAsync($"/api/participants/{id}?reason=leak%20test"), HttpStatusCode.OK);
            Assert.Matches(@"^\d{8}-\d{4}$", read.GetProperty("personalIdentityNumber").GetString());
        }
        await ExerciseEveryIdentityEndpointAsync(client, platform.ClientFor(Roles.Admin, agency), agency, collaboration, participants);
        await Eventually.Until(() => platform.CountAsync("reportingdb", "participant_facts", collaboration), n => n == 6, Deadline,
            "Reporting to hold the six participants");

        // The probe goes last, to every process: once a process has exported it, it has exported what came before it
        // (each signal's exporter sends its batches in order). The stop is no such proof: it returns while the processes
        // are still stopping, and one killed on the way flushes nothing (seen: a "shutting down" log that never came).
        foreach (var path in platform.ProbePaths.Values)
            await client.GetAsync(path + Probe.TwelveWithSeparator);
        await Eventually.Until(() => Task.FromResult(string.Join(", ", platform.ProbePaths.Keys.SelectMany(service =>
                from signal in new[] { "/v1/logs", "/v1/traces" }
                where !platform.Otlp.Bodies(signal, service).Any(b => Found(Probe, b).Count > 0)
                select $"{service} {signal}"))),
            missing => missing.Length == 0, Deadline, "the probe in every process's exported logs and traces (the last value names what is missing)");
        Assert.True(Found(Probe, platform.Platform.Output).Count > 0, "the probe number in what the services printed");
        // A message in the platform's virtual host that the drain below must find, or the drain proves nothing.
        await platform.PublishProbeAsync(Probe.TwelveWithSeparator);
        // Stopped, so that no consumer holds a message the drain should see; the databases and the virtual host stay readable.
        await platform.Platform.StopAsync();

        var messages = await platform.DrainQueuesAsync();
        Assert.Contains(messages, m => Found(Probe, m.Text).Count > 0);
        var responses = platform.Responses.All;
        // The identifying reads did return numbers: the recording sees bodies, so the search of the others means something.
        Assert.Contains(responses, r => Found(A, r.Body).Count > 0);
        Assert.Contains(Probe.Twelve, Decoded($"\\\\x{Convert.ToHexString(Encoding.UTF8.GetBytes(Probe.Twelve)).ToLowerInvariant()}"));
        Assert.Contains(Probe.Twelve, Decoded(Convert.ToBase64String(Encoding.UTF8.GetBytes("x" + Probe.Twelve))));

        var rows = await platform.AllRowsAsync();
        Assert.Contains(rows, r => r.Database == "reportingdb" && r.Row.Contains(collaboration.ToString())); // the rows were read
        Assert.Contains(rows, r => r.Table.EndsWith("outbox_messages", StringComparison.Ordinal) && r.Row.Contains(a.Value.ToString()));
        var places = new List<(string Where, string Text)>
        {
            ("the services' output", platform.Platform.Output),
            ("OTLP traces", platform.Otlp.Text("/v1/traces")),
            ("OTLP logs", platform.Otlp.Text("/v1/logs")),
            ("OTLP metrics", platform.Otlp.Text("/v1/metrics")),
        };
        places.AddRange(rows.Select(r => ($"{r.Database}.{r.Table}", r.Row + "\n" + Decoded(r.Row))));
        places.AddRange(messages.Select(m => ($"queue {m.Queue}", m.Text + "\n" + Decoded(m.Text))));
        places.AddRange(responses.Where(r => !ShowsIdentityOnPurpose(r.Url))
            .Select(r => ($"the response to {r.Method} {r.Url}", r.Body + "\n" + Decoded(r.Body))));
        var leaks = (from number in new[] { A, B, C, D, E, F, BadSingle, BadBulk }
                     from place in places
                     from form in Found(number, place.Text)
                     select $"{form} in {place.Where}").Distinct().ToList();
        Assert.True(leaks.Count == 0, "Test numbers found in clear:\n" + string.Join('\n', leaks.Take(50)));
    }

    /// <summary>
    /// Every Participants endpoint that takes or returns identity, besides enrolment and the identifying read above: the
    /// export, a correction of the facts, a consent given and withdrawn, an exit, and an erasure (by the agency's admin).
    /// </summary>
    private static async Task ExerciseEveryIdentityEndpointAsync(HttpClient client, HttpClient admin, Guid agency, Guid collaboration, List<Guid> participants)
    {
        var (a, b, c) = ($"/api/participants/{participants[0]}", $"/api/participants/{participants[1]}", $"/api/participants/{participants[2]}");
        var export = await Expect(await client.GetAsync($"{a}/export?reason=leak%20test"), HttpStatusCode.OK);
        Assert.Equal(A.TwelveWithSeparator, export.GetProperty("participant").GetProperty("personalIdentityNumber").GetString());

        var facts = await client.GetAsync($"{b}/facts");
        Assert.Equal(HttpStatusCode.OK, facts.StatusCode);
        var correction = new HttpRequestMessage(HttpMethod.Put, $"{b}/facts")
        {
            Content = JsonContent.Create(new
            {
                gender = "non-binary", municipalityCode = "0881", targetGroups = new[] { "long-term-unemployed" },
                labourMarketStatus = "long-term-unemployed", educationLevel = "primary-or-lower-secondary",
            }),
        };
        correction.Headers.IfMatch.Add(facts.Headers.ETag!);
        await Expect(await client.SendAsync(correction), HttpStatusCode.OK);

        var consent = await Expect(await client.PostAsJsonAsync($"{a}/consents",
            new { purpose = "share-action-plan", recipientActorId = agency, givenOn = "2026-02-01", method = "written" }), HttpStatusCode.Created);
        await Expect(await client.PostAsJsonAsync($"{a}/consents/{consent.GetProperty("id").GetGuid()}/withdrawal", new { withdrawnOn = "2026-03-01" }),
            HttpStatusCode.OK);
        await Expect(await client.PostAsJsonAsync($"{a}/exit", new { exitDate = "2026-04-01", outcome = "employment", reason = "Fick jobb" }),
            HttpStatusCode.OK);
        await Expect(await admin.PostAsJsonAsync($"{c}/erasure", new { reason = "lawful-request" }), HttpStatusCode.OK);
        // The ESF+ participant file shows numbers by design (with a reason, audited), to the owning agency's admin.
        var file = await admin.GetAsync($"/api/participants/esf-file?collaborationId={collaboration}&month={DateTime.UtcNow:yyyy-MM}&reason=leak%20test");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    /// <summary>The identifying read and the export show the number by design (and are audited): every other response may not.</summary>
    private static bool ShowsIdentityOnPurpose(string url) => url.Contains("reason=", StringComparison.Ordinal);

    /// <summary>
    /// The text inside binary and base64 content, so a number stored as bytes (a bytea column, which JSON shows as
    /// <c>\\x…</c> hex) or base64 (a token, a message header) is found as well as one in clear.
    /// </summary>
    private static string Decoded(string text)
    {
        var parts = new List<string>();
        foreach (Match hex in HexBytes().Matches(text))
            if (hex.Groups["hex"].Value.Length % 2 == 0)
                parts.Add(Encoding.Latin1.GetString(Convert.FromHexString(hex.Groups["hex"].Value)));
        foreach (Match token in Base64().Matches(text))
        {
            var value = token.Value.Replace('-', '+').Replace('_', '/').TrimEnd('=');
            var bytes = new byte[value.Length];
            if (Convert.TryFromBase64String(value.PadRight(value.Length + (4 - value.Length % 4) % 4, '='), bytes, out var written))
                parts.Add(Encoding.Latin1.GetString(bytes, 0, written));
        }
        return string.Join('\n', parts);
    }

    [GeneratedRegex(@"\\x(?<hex>[0-9a-fA-F]+)")]
    private static partial Regex HexBytes();

    [GeneratedRegex(@"[A-Za-z0-9+/_-]{12,}={0,2}")]
    private static partial Regex Base64();

    private static List<string> Found(TestNumber number, string text) => number.Forms.Where(f => text.Contains(f, StringComparison.Ordinal)).ToList();

    private static IEnumerable<string?> Statuses(JsonElement bulk) => bulk.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("status").GetString());

    private static IEnumerable<Guid> Ids(JsonElement bulk) => bulk.GetProperty("rows").EnumerateArray()
        .Where(r => r.TryGetProperty("participantId", out _)).Select(r => r.GetProperty("participantId").GetGuid());

    private static object Body(Guid collaboration, string number, string? name = null) => new
    {
        collaborationId = collaboration, personalIdentityNumber = number, name, municipalityCode = "0880", referralDate = "2026-01-05",
        targetGroups = new[] { "long-term-unemployed" }, benefitAtStart = "activity-support", labourMarketStatus = "long-term-unemployed",
        educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-01-10",
    };

    /// <summary>
    /// The participant's id, or null for an expected refusal. A 400 naming the collaboration or the referring actor is
    /// Actors' CollaborationCreated or MemberJoined still on its way: retried.
    /// </summary>
    private async Task<Guid?> EnrolAsync(HttpClient client, Guid collaboration, string number, HttpStatusCode expected, string? name = null)
    {
        var (status, text) = await Eventually.Until(async () =>
            {
                var response = await client.PostAsJsonAsync("/api/participants", Body(collaboration, number, name));
                return (response.StatusCode, await response.Content.ReadAsStringAsync());
            },
            r => r.StatusCode != HttpStatusCode.BadRequest
                 || !(r.Item2.Contains("\"collaborationId\"", StringComparison.Ordinal) || r.Item2.Contains("\"referringActorId\"", StringComparison.Ordinal)),
            Deadline, "Participants to know the collaboration and its owner's membership");
        Assert.True(status == expected, $"Expected {(int)expected}, got {(int)status}");
        return expected == HttpStatusCode.BadRequest ? null : JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>An agency registered in Actors and known to Participants, and a caseworker's client.</summary>
    private async Task<(Guid Agency, HttpClient Client)> AgencyAsync()
    {
        var created = await Expect(await platform.ClientFor(Roles.Caseworker).PostAsJsonAsync("/api/actors", new
        {
            name = "Arbetsförmedlingen Läcktest", organisationNumber = TestNumbers.NewOrganisationNumber(), sector = "public", kind = "employment-service",
        }), HttpStatusCode.Created);
        var agency = created.GetProperty("id").GetGuid();
        var client = platform.ClientFor(Roles.Caseworker, agency);
        await Eventually.Until(async () => (await client.GetFromJsonAsync<JsonElement>("/api/participants/actors?pageSize=200"))
            .GetProperty("items").EnumerateArray().Any(x => x.GetProperty("id").GetGuid() == agency), Deadline, "the agency to be known in Participants");
        return (agency, client);
    }

    private async Task<Guid> CollaborationAsync(Guid owner)
    {
        var response = await platform.ClientFor(Roles.Coordinator, owner).PostAsJsonAsync("/api/collaborations", new
        {
            name = "Läcktest", purpose = "Inga personnummer i klartext", targetGroups = new[] { "long-term-unemployed" },
            geography = new[] { "0880" }, startDate = "2026-01-01", endDate = "2027-12-31",
            financing = new { source = "esf-plus", budget = 100_000 },
            targets = new { participants = new { total = 10, women = 5, men = 5 }, exitToWorkOrStudiesShare = 60 },
            members = Array.Empty<object>(),
        });
        return (await Expect(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}

/// <summary>A test personnummer and every way it may be written: 10 or 12 digits, with or without separator.</summary>
public sealed record TestNumber(string Twelve)
{
    public string Ten => Twelve[2..];
    public string TenWithSeparator => $"{Ten[..6]}-{Ten[6..]}";
    public string TwelveWithSeparator => $"{Twelve[..8]}-{Twelve[8..]}";
    public string[] Forms =>
    [
        Twelve, Ten, TenWithSeparator, TwelveWithSeparator, $"{Ten[..6]}+{Ten[6..]}", $"{Ten[..6]} {Ten[6..]}",
        $"{Twelve[..8]} {Twelve[8..]}", $"{Twelve[..8]}+{Twelve[8..]}",
    ];

    public static TestNumber Valid(DateOnly born, int serial, bool coordination = false)
    {
        var body = $"{born:yyMM}{born.Day + (coordination ? 60 : 0):D2}{serial:D3}";
        return new TestNumber($"{born:yyyy}"[..2] + body + Luhn.CheckDigit(body));
    }

    public TestNumber WithWrongCheckDigit() => new(Twelve[..11] + (char)('0' + (Twelve[11] - '0' + 1) % 10));
}

/// <summary>
/// A platform of its own for the leak test, like <see cref="PlatformFixture"/>'s but with logs at Information so that
/// more is written to search, and stopped by the test itself.
/// </summary>
public sealed class LeakPlatformFixture : IAsyncLifetime
{
    public TestPlatform Platform { get; private set; } = null!;
    public OtlpReceiver Otlp => Platform.Telemetry;

    public async Task InitializeAsync() =>
        Platform = await TestPlatform.StartAsync("leak", settings: new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        });

    /// <summary>Every response the test's clients received, for the search.</summary>
    public ResponseLog Responses { get; } = new();

    /// <summary>
    /// A path through the gateway to each process, by the service name it exports its telemetry as: each logs the request
    /// and traces it, so a probe number in the path shows when that process's telemetry has been exported up to it.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProbePaths { get; } = new Dictionary<string, string>
    {
        [ResourceNames.Actors] = "/api/actors/probe-",
        [ResourceNames.Participants] = "/api/participants/probe-",
        [ResourceNames.Employers] = "/api/employers/probe-",
        [ResourceNames.Reporting] = "/api/reports/probe-",
        [ResourceNames.Identity] = "/api/identity/probe-",
        [ResourceNames.Webhooks] = "/api/webhooks/probe-",
        [ResourceNames.Web] = "/probe-",
        [ResourceNames.Gateway] = "/api/actors/probe-", // every request passes the gateway
    };

    /// <summary>A client through the gateway, as <see cref="TestPlatform.ClientFor"/>, whose responses are kept.</summary>
    public HttpClient ClientFor(string role, Guid? agency = null)
    {
        var bearer = Platform.Tokens.Handler(role, agency ?? Guid.NewGuid());
        bearer.InnerHandler = new RecordingHandler(Responses) { InnerHandler = new HttpClientHandler() };
        return new HttpClient(bearer) { BaseAddress = Platform.Gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    private const string ProbeQueue = "leak-probe_error";

    /// <summary>Leaves a message holding <paramref name="text"/>, in its body and in a header, in a queue of the platform's virtual host.</summary>
    public async Task PublishProbeAsync(string text)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(Platform.Run.Broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(ProbeQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", ProbeQueue, mandatory: false,
            new BasicProperties { Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = Encoding.UTF8.GetBytes(text) } },
            Encoding.UTF8.GetBytes($"{{\"probe\":\"{text}\"}}"));
    }

    /// <summary>
    /// Takes every message left in every queue of the platform's virtual host (after the stop, so none is held by a
    /// consumer): its body and every header, fault headers included, as text.
    /// </summary>
    public async Task<List<(string Queue, string Text)>> DrainQueuesAsync()
    {
        var messages = new List<(string, string)>();
        await using var connection = await new ConnectionFactory { Uri = new Uri(Platform.Run.Broker) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in await Platform.Run.Infra.Broker.QueuesAsync(Platform.Run.Name))
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                var text = new StringBuilder(Encoding.UTF8.GetString(message.Body.Span));
                foreach (var (name, value) in message.BasicProperties.Headers ?? new Dictionary<string, object?>())
                    text.Append('\n').Append(name).Append(": ").Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString());
                messages.Add((queue, text.ToString()));
            }
        }
        return messages;
    }

    public async Task<int> CountAsync(string database, string table, Guid collaboration)
    {
        await using var connection = new NpgsqlConnection(Platform.Run.Databases[database]);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE collaboration_id = @c", connection);
        command.Parameters.AddWithValue("c", collaboration);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    /// <summary>Every row of every table in every service database, as JSON text.</summary>
    public async Task<List<(string Database, string Table, string Row)>> AllRowsAsync()
    {
        var rows = new List<(string, string, string)>();
        foreach (var (database, connectionString) in Platform.Run.Databases)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync())
                    tables.Add(reader.GetString(0));
            foreach (var table in tables)
            {
                await using var select = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM {table} t", connection);
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    rows.Add((database, table, reader.GetString(0)));
            }
        }
        return rows;
    }

    public async Task DisposeAsync()
    {
        if (Platform is not null)
            await Platform.DisposeAsync();
    }
}

/// <summary>What a client received: the request's method and path with query, and the body as text.</summary>
public sealed class ResponseLog
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Method, string Url, string Body)> _responses = new();
    public void Add(string method, string url, string body) => _responses.Enqueue((method, url, body));
    public IReadOnlyList<(string Method, string Url, string Body)> All => [.. _responses];
}

internal sealed class RecordingHandler(ResponseLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        log.Add(request.Method.Method, request.RequestUri!.PathAndQuery, await response.Content.ReadAsStringAsync(cancellationToken));
        return response;
    }
}

/// <summary>Alone, after the other end-to-end tests: a second whole platform beside theirs would only slow both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LeakPlatformCollection : ICollectionFixture<LeakPlatformFixture>
{
    public const string Name = "personal-data-leak";
}
