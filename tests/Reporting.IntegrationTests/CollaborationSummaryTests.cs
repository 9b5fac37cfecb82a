using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Reporting.IntegrationTests;

public sealed class CollaborationSummaryTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>A collaboration owned by a registered actor, with 12 women, 9 men and 2 non-binary participants.</summary>
    private async Task<(Guid Collaboration, Guid Owner)> CollaborationWithParticipantsAsync()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var ids = new List<Guid>
        {
            await factory.PublishAsync(new ActorRegistered
            {
                ActorId = owner, Name = "Arbetsförmedlingen Kalmar", OrganisationNumber = "2021005489", Sector = ActorSector.Public,
                Kind = ActorKind.EmploymentService, MunicipalityCode = "0880", RegisteredAt = DateTimeOffset.UtcNow,
            }),
            await factory.PublishAsync(new CollaborationCreated
            {
                CollaborationId = collaboration, Name = "FSLA", OwnerActorId = owner, TargetGroups = [TargetGroup.LongTermUnemployed],
                MunicipalityCodes = ["0880", "0881"], StartDate = new(2026, 1, 1), EndDate = new(2027, 12, 31),
                FinancingSource = Enum.GetValues<FinancingSource>()[0], Budget = 1_000_000m, ParticipantTarget = 46,
                ExitToWorkOrStudiesTargetShare = 40m, CreatedAt = DateTimeOffset.UtcNow,
            }),
            await factory.PublishAsync(new MemberJoined
            {
                CollaborationId = collaboration, ActorId = owner, Role = MemberRole.Owner, JoinedOn = new(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
            }),
        };
        foreach (var (gender, n) in new[] { (Gender.Woman, 12), (Gender.Man, 9), (Gender.NonBinary, 2) })
            for (var i = 0; i < n; i++)
                ids.Add(await factory.PublishAsync(Enrolled(collaboration, owner, gender)));
        await ConsumedAsync(ids);
        return (collaboration, owner);
    }

    private static ParticipantEnrolled Enrolled(Guid collaboration, Guid referrer, Gender gender, DateOnly? start = null, Guid? participant = null) => new()
    {
        ParticipantId = participant ?? Guid.NewGuid(), CollaborationId = collaboration, Gender = gender, AgeBand = AgeBand.From30To54,
        MunicipalityCode = "0880", ReferringActorId = referrer, ReferralDate = new(2026, 2, 1),
        TargetGroups = [TargetGroup.LongTermUnemployed], StartDate = start ?? new DateOnly(2026, 2, 10), EnrolledAt = DateTimeOffset.UtcNow,
    };

    private Task ConsumedAsync(IEnumerable<Guid> messageIds, int times = 1) =>
        Eventually.Until(() => Task.FromResult(messageIds.All(id => factory.Consumed.Count(id) >= times)), Deadline, "the events to be consumed");

    private static async Task<JsonElement> SummaryAsync(HttpClient client, Guid collaboration, string query = "asOf=2026-12-31")
    {
        var response = await client.GetAsync($"/api/reports/collaborations/{collaboration}/summary?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Cell(JsonElement report, string gender) => report.GetProperty("started").GetProperty(gender);

    [Fact]
    public async Task Coordinator_of_the_owner_sees_exact_counts_with_actor_and_municipality_names()
    {
        var (collaboration, owner) = await CollaborationWithParticipantsAsync();

        var report = await SummaryAsync(factory.ClientFor(Roles.Coordinator, owner), collaboration);

        Assert.True(report.GetProperty("exact").GetBoolean());
        Assert.Equal("FSLA", report.GetProperty("name").GetString());
        Assert.Equal(12, Cell(report, "women").GetProperty("count").GetInt32());
        Assert.Equal(9, Cell(report, "men").GetProperty("count").GetInt32());
        Assert.Equal(2, Cell(report, "nonBinary").GetProperty("count").GetInt32());
        Assert.Equal(23, Cell(report, "total").GetProperty("count").GetInt32());
        var tables = report.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("dimension").GetString()!);
        var actor = Assert.Single(tables["referring-actor"].GetProperty("rows").EnumerateArray());
        Assert.Equal("Arbetsförmedlingen Kalmar", actor.GetProperty("label").GetString());
        Assert.Equal("remitterande aktör", tables["referring-actor"].GetProperty("label").GetString());
        var municipality = Assert.Single(tables["municipality"].GetProperty("rows").EnumerateArray());
        Assert.Equal("Kalmar", municipality.GetProperty("label").GetString());
        var volume = report.GetProperty("volume");
        Assert.Equal(46, volume.GetProperty("target").GetInt32());
        Assert.Equal(50.0m, volume.GetProperty("sharePercent").GetDecimal());
    }

    [Fact]
    public async Task The_owners_caseworker_and_any_reader_of_the_published_summary_see_small_counts_suppressed()
    {
        var (collaboration, owner) = await CollaborationWithParticipantsAsync();

        foreach (var (client, route) in new[]
        {
            (factory.ClientFor(Roles.Caseworker, owner), "collaborations"),
            (factory.ClientFor(Roles.Coordinator), "published/collaborations"), (factory.ClientFor(Roles.Employer), "published/collaborations"),
        })
        {
            var response = await client.GetAsync($"/api/reports/{route}/{collaboration}/summary?asOf=2026-12-31");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(report.GetProperty("exact").GetBoolean());
            var nonBinary = Cell(report, "nonBinary");
            Assert.True(nonBinary.GetProperty("suppressed").GetBoolean());
            Assert.Equal("<5", nonBinary.GetProperty("display").GetString());
            Assert.False(nonBinary.TryGetProperty("count", out _));
            // Complementary: with the total shown, a second cell is hidden so the 2 cannot be subtracted out.
            Assert.True(Cell(report, "men").GetProperty("suppressed").GetBoolean());
            Assert.Equal(23, Cell(report, "total").GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task A_members_coordinator_sees_exact_counts_until_the_member_leaves_and_nothing_after()
    {
        var (collaboration, _) = await CollaborationWithParticipantsAsync();
        var partner = Guid.NewGuid();
        var coordinator = factory.ClientFor(Roles.Coordinator, partner);
        await factory.PublishAllAsync([
            new MemberJoined { CollaborationId = collaboration, ActorId = partner, Role = MemberRole.Partner, JoinedOn = new(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow },
        ]);

        var asMember = await SummaryAsync(coordinator, collaboration);

        Assert.True(asMember.GetProperty("exact").GetBoolean());
        Assert.Equal(2, Cell(asMember, "nonBinary").GetProperty("count").GetInt32());

        await factory.PublishAllAsync([
            new MemberLeft { CollaborationId = collaboration, ActorId = partner, LeftOn = new(2026, 6, 30), OccurredAt = DateTimeOffset.UtcNow },
        ]);

        // No longer a member: the collaboration's reports are no longer the agency's to read.
        var afterLeaving = await coordinator.GetAsync($"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31");

        Assert.Equal(HttpStatusCode.NotFound, afterLeaving.StatusCode);
    }

    [Fact]
    public async Task Publication_is_suppressed_even_for_the_owners_coordinator_and_the_operator()
    {
        var (collaboration, owner) = await CollaborationWithParticipantsAsync();

        foreach (var client in new[] { factory.ClientFor(Roles.Coordinator, owner), factory.ClientFor(Roles.Operator) })
        {
            var report = await SummaryAsync(client, collaboration, "asOf=2026-12-31&publication=true");
            Assert.False(report.GetProperty("exact").GetBoolean());
            Assert.True(Cell(report, "nonBinary").GetProperty("suppressed").GetBoolean());
        }
        var exact = await SummaryAsync(factory.ClientFor(Roles.Operator), collaboration);
        Assert.Equal(2, Cell(exact, "nonBinary").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_same_event_delivered_twice_and_the_same_participant_sent_again_count_once()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        var enrolled = Enrolled(collaboration, owner, Gender.Woman);
        var messageId = Guid.NewGuid();
        await factory.PublishAsync(enrolled, messageId);
        await factory.PublishAsync(enrolled, messageId);
        var again = await factory.PublishAsync(enrolled); // a new message id, the same participant
        await ConsumedAsync([messageId], times: 2);
        await ConsumedAsync([again]);

        var report = await SummaryAsync(factory.ClientFor(Roles.Operator), collaboration);
        Assert.Equal(1, Cell(report, "total").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task As_of_counts_only_participants_started_by_that_date()
    {
        var owner = Guid.NewGuid();
        var collaboration = Guid.NewGuid();
        await ConsumedAsync([
            await factory.PublishAsync(Enrolled(collaboration, owner, Gender.Man, new DateOnly(2026, 3, 1))),
            await factory.PublishAsync(Enrolled(collaboration, owner, Gender.Man, new DateOnly(2026, 6, 1))),
        ]);
        var client = factory.ClientFor(Roles.Operator);

        Assert.Equal(1, Cell(await SummaryAsync(client, collaboration, "asOf=2026-05-31"), "men").GetProperty("count").GetInt32());
        Assert.Equal(2, Cell(await SummaryAsync(client, collaboration, "asOf=2026-06-01"), "men").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task English_labels_on_request()
    {
        var (collaboration, owner) = await CollaborationWithParticipantsAsync();
        var report = await SummaryAsync(factory.ClientFor(Roles.Coordinator, owner), collaboration, "asOf=2026-12-31&lang=en");
        Assert.Equal(["women", "men", "non-binary", "total"], report.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Csv_export_holds_the_same_numbers_as_the_json()
    {
        var (collaboration, owner) = await CollaborationWithParticipantsAsync();
        var client = factory.ClientFor(Roles.Caseworker, owner);
        var json = await SummaryAsync(client, collaboration);

        var response = await client.GetAsync($"/api/reports/collaborations/{collaboration}/summary?asOf=2026-12-31&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var started = json.GetProperty("started");
        var expected = string.Join(';', new[] { "påbörjade deltagare", "påbörjade deltagare" }
            .Concat(new[] { "women", "men", "nonBinary", "total" }.Select(g => started.GetProperty(g).GetProperty("display").GetString()!)));
        // Non-binary 2 is a small count ("<5"); men 9 is hidden as its complement ("..", not "<5": it holds 9).
        Assert.Equal("påbörjade deltagare;påbörjade deltagare;12;..;<5;23", expected);
        Assert.Contains(expected, lines);
        Assert.Contains("kommun;Kalmar;12;..;<5;23", lines);
        Assert.Contains(lines, l => l.StartsWith("teckenförklaring;<5 – färre än 5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("teckenförklaring;.. – dolt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("format=xml", "format")]
    [InlineData("asOf=2026-13-01", "asOf")]
    [InlineData("asOf=31/12/2026", "asOf")]
    [InlineData("lang=de", "lang")]
    public async Task Bad_input_is_400_naming_the_field(string query, string field)
    {
        var response = await factory.ClientFor(Roles.Operator).GetAsync($"/api/reports/collaborations/{Guid.NewGuid()}/summary?{query}");
        await Problems.AssertBadRequestNaming(response, field);
    }

    [Fact]
    public async Task Unknown_collaboration_is_404()
    {
        var response = await factory.ClientFor(Roles.Operator).GetAsync($"/api/reports/collaborations/{Guid.NewGuid()}/summary");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_401()
    {
        var response = await factory.CreateClient().GetAsync($"/api/reports/collaborations/{Guid.NewGuid()}/summary");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
