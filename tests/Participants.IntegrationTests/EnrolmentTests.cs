using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Participants.IntegrationTests;

public sealed class EnrolmentTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    private const string EnrolledType = "Samverkan.Contracts.Participants.ParticipantEnrolled,";

    [Fact]
    public async Task Enrolment_is_201_and_its_event_carries_no_number_name_or_birth_date()
    {
        var agency = await factory.KnownActorAsync();
        var response = await factory.ClientFor(Roles.Caseworker, agency).EnrolAsync(new EnrolBody
        {
            PersonalIdentityNumber = "811218-9876", Name = "Anna Testsson", TargetGroups = ["long-term-unemployed", "newly-arrived"],
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("9876", Ids.Without(text));
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/participants/{id}", response.Headers.Location?.OriginalString);

        var events = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.StartsWith(EnrolledType)).ToListAsync());
        var body = Assert.Single(events, e => e.Body.Contains(id.ToString())).Body;
        foreach (var secret in new[] { "8112189876", "198112189876", "811218", "9876", "Anna", "Testsson", "1981-12-18", "1981" })
            Assert.DoesNotContain(secret, Ids.Without(body));
        var enrolled = JsonDocument.Parse(body).RootElement;
        Assert.Equal("man", enrolled.GetProperty("gender").GetString());
        Assert.Equal("30-54", enrolled.GetProperty("ageBand").GetString());
        Assert.Equal(agency, enrolled.GetProperty("referringActorId").GetGuid());
        Assert.Equal("0880", enrolled.GetProperty("municipalityCode").GetString());
        Assert.Equal(["newly-arrived", "long-term-unemployed"], enrolled.GetProperty("targetGroups").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-01-10", enrolled.GetProperty("startDate").GetString());

        // The dispatcher can load and publish the contract: the broker confirmed it.
        var eventId = events.Single(e => e.Body.Contains(id.ToString())).Id;
        await Eventually.Until(
            () => factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == eventId && m.DispatchedAt != null)),
            TimeSpan.FromSeconds(30), "the ParticipantEnrolled outbox row to be dispatched");
    }

    [Fact]
    public async Task A_new_participant_reads_back_from_the_database_exactly_as_enrolment_answered()
    {
        // Enrolment writes the row with COPY and answers from memory; the read goes through EF Core's mapping.
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var created = await (await client.EnrolAsync(new EnrolBody
        {
            PersonalIdentityNumber = "19811218-9876", Name = "Anna Läsesson", TargetGroups = ["young", "long-term-unemployed", "newly-arrived"],
        })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var read = await (await client.GetAsync($"/api/participants/{id}?reason=round-trip")).JsonAsync(HttpStatusCode.OK);

        foreach (var field in created.EnumerateObject().Where(f => f.Name is not ("enrolledAt" or "personalIdentityNumber" or "name" or "birthDate")))
            Assert.Equal(field.Value.GetRawText(), read.GetProperty(field.Name).GetRawText());
        // The database keeps microseconds; the answer had the clock's ticks.
        Assert.Equal(created.GetProperty("enrolledAt").GetDateTimeOffset(), read.GetProperty("enrolledAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.Equal("19811218-9876", read.GetProperty("personalIdentityNumber").GetString());
        Assert.Equal("Anna Läsesson", read.GetProperty("name").GetString());
        Assert.Equal("1981-12-18", read.GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task Re_enrolment_of_the_same_person_returns_the_same_participant_and_keeps_the_first_start_date()
    {
        var agency = await factory.KnownActorAsync();
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var first = new EnrolBody { PersonalIdentityNumber = "121212-1212", StartDate = "2026-01-10" };
        var created = await client.EnrolAsync(first);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The same person written in the twelve-digit form, starting again later.
        var again = await client.EnrolAsync(first with { PersonalIdentityNumber = "201212121212", StartDate = "2026-06-01", ReferralDate = "2026-05-20" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var participant = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, participant.GetProperty("id").GetGuid());
        Assert.Equal("2026-01-10", participant.GetProperty("startDate").GetString());
        var count = await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CollaborationId == first.CollaborationId));
        Assert.Equal(1, count);
        var events = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.StartsWith(EnrolledType)).ToListAsync());
        Assert.Single(events, e => e.Body.Contains(id.ToString()));
    }

    [Fact]
    public async Task Concurrent_enrolments_of_the_same_person_make_one_participant()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var body = new EnrolBody { PersonalIdentityNumber = "850709-9862" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.EnrolAsync(body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.CollaborationId == body.CollaborationId)));
    }

    [Fact]
    public async Task The_same_person_in_another_collaboration_is_another_participant()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var one = await client.EnrolAsync(new EnrolBody { PersonalIdentityNumber = "000229-2381" });
        var other = await client.EnrolAsync(new EnrolBody { PersonalIdentityNumber = "000229-2381" });

        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(
            (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Gender_and_age_at_start_are_derived_from_the_number_unless_given()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());

        var derived = await (await client.EnrolAsync(new EnrolBody { PersonalIdentityNumber = "000229-2381", StartDate = "2018-03-01", ReferralDate = "2018-02-01" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var given = await (await client.EnrolAsync(new EnrolBody { PersonalIdentityNumber = "811218-9876", Gender = "non-binary" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("woman", derived.GetProperty("gender").GetString());
        Assert.Equal(18, derived.GetProperty("ageAtStart").GetInt32());
        Assert.Equal("18-24", derived.GetProperty("ageBand").GetString());
        Assert.Equal("personal-identity-number", derived.GetProperty("identityKind").GetString());
        Assert.Equal("non-binary", given.GetProperty("gender").GetString());
    }

    [Fact]
    public async Task Samordningsnummer_is_enrolled_as_a_coordination_number()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var response = await client.EnrolAsync(new EnrolBody { PersonalIdentityNumber = "701063-2391" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var participant = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("coordination-number", participant.GetProperty("identityKind").GetString());
        Assert.Equal(55, participant.GetProperty("ageAtStart").GetInt32());
    }

    [Fact]
    public async Task Anonymous_participants_are_enrolled_without_a_number_each_as_their_own()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var body = new EnrolBody { PersonalIdentityNumber = null, WithoutNumber = "anonymous", Gender = "woman" };

        var one = await client.EnrolAsync(body);
        var two = await client.EnrolAsync(body);
        var protectedIdentity = await client.EnrolAsync(body with { WithoutNumber = "protected-identity", BirthDate = "1990-05-05" });

        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        Assert.Equal(HttpStatusCode.Created, two.StatusCode);
        Assert.Equal(HttpStatusCode.Created, protectedIdentity.StatusCode);
        var p = await protectedIdentity.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("protected-identity", p.GetProperty("identityKind").GetString());
        Assert.Equal(35, p.GetProperty("ageAtStart").GetInt32());
    }

    [Fact]
    public async Task The_stored_rows_hold_no_clear_text_number_or_name()
    {
        var client = factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync());
        var response = await client.EnrolAsync(new EnrolBody { PersonalIdentityNumber = "850709-9862", Name = "Bertil Klartext" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var rows = await factory.RowsAsync("participants");
        var row = Assert.Single(rows, r => r.Contains(id.ToString()));
        // Every form of the number (10 or 12 digits, with or without a separator, or the birth date alone) holds
        // "850709"; a shorter fragment ("9862") would be found by chance in random ids and microsecond timestamps.
        string[] secrets = ["850709", "Bertil", "Klartext"];
        foreach (var secret in secrets)
            Assert.DoesNotContain(secret, Ids.Without(row));
        var stored = JsonDocument.Parse(row).RootElement;
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("protected_number").GetString()));
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("number_lookup_hash").GetString()));
        foreach (var table in new[] { "outbox_messages", "identity_access_log", "known_actors" })
            foreach (var other in await factory.RowsAsync(table))
                foreach (var secret in secrets)
                    Assert.DoesNotContain(secret, Ids.Without(other));
    }
}
