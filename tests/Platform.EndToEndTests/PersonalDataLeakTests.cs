using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Sweden;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// Issue #4's leak test: the whole platform with its telemetry exported to a receiver of our own, participants
/// enrolled with known test numbers through the gateway (single, bulk JSON, bulk CSV, rejected ones too) and read
/// with identifying data; then what every service printed, every exported trace and log, and every row of every table in
/// every service's database (outboxes and Reporting included) are searched for each number in every written form.
/// None may be found; a probe number sent on purpose must be, or the search proves nothing.
/// </summary>
[Collection(LeakPlatformCollection.Name)]
public sealed class PersonalDataLeakTests(LeakPlatformFixture platform)
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
        await Eventually.Until(() => platform.CountAsync("reportingdb", "participant_facts", collaboration), n => n == 6, Deadline,
            "Reporting to hold the six participants");

        // The probe goes last: once it has been exported, what came before it has been too.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/participants/probe-{Probe.TwelveWithSeparator}")).StatusCode);
        // Found in what the Participants service itself exported (not only the gateway), traces and logs alike.
        await Eventually.Until(() => Task.FromResult(new ProbeSeen(
                platform.Otlp.Bodies("/v1/traces", "participants").Any(b => Found(Probe, b).Count > 0),
                platform.Otlp.Bodies("/v1/logs", "participants").Any(b => Found(Probe, b).Count > 0),
                Found(Probe, platform.Platform.Output).Count > 0)),
            seen => seen is { InTraces: true, InLogs: true, InOutput: true },
            Deadline, "the probe number to show up in Participants' exported traces and logs and in what the services printed");
        // An orderly stop makes every service flush what its exporters still hold, so nothing batched
        // escapes the search below; the databases stay readable.
        await platform.Platform.StopAsync();

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
        places.AddRange(rows.Select(r => ($"{r.Database}.{r.Table}", r.Row)));
        var leaks = (from number in new[] { A, B, C, D, E, F, BadSingle, BadBulk }
                     from place in places
                     from form in Found(number, place.Text)
                     select $"{form} in {place.Where}").Distinct().ToList();
        Assert.True(leaks.Count == 0, "Test numbers found in clear:\n" + string.Join('\n', leaks.Take(50)));
    }

    private sealed record ProbeSeen(bool InTraces, bool InLogs, bool InOutput);

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
    public string[] Forms => [Twelve, Ten, TenWithSeparator, TwelveWithSeparator, $"{Ten[..6]}+{Ten[6..]}", $"{Ten[..6]} {Ten[6..]}"];

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

    public HttpClient ClientFor(string role, Guid? agency = null) => Platform.ClientFor(role, agency);

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

/// <summary>Alone, after the other end-to-end tests: a second whole platform beside theirs would only slow both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LeakPlatformCollection : ICollectionFixture<LeakPlatformFixture>
{
    public const string Name = "personal-data-leak";
}
