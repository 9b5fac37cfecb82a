using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>
/// Enrolment looks a person up by the keyed hash of the number: a match is an identifying read (audited), and to a
/// caller who may not see the record it must not say whose it is.
/// </summary>
public sealed class EnrolmentLookupTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Enrolling_a_person_another_agency_enrolled_is_a_409_naming_no_one_and_the_match_is_audited()
    {
        var collaboration = Guid.NewGuid();
        var first = await factory.KnownActorAsync("Arbetsförmedlingen");
        var second = await factory.KnownActorAsync("Kommunen");
        var third = await factory.KnownActorAsync("Försäkringskassan");
        var number = TestPeople.NewNumber();
        var id = await AuthorizationTests.EnrolAsync(factory.ClientFor(Roles.Caseworker, first),
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = number });

        var asSecond = await factory.ClientFor(Roles.Caseworker, second).EnrolAsync(new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = number });
        var asThird = await factory.ClientFor(Roles.Coordinator, third).EnrolAsync(new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = number });

        foreach (var response in new[] { asSecond, asThird })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("another", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("actor", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(first.ToString(), text);
            Assert.DoesNotContain(id.ToString(), text);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal("personalIdentityNumber", problem.GetProperty("field").GetString());
        }
        // The same answer, whoever asks: nothing in it tells one caller's situation from another's.
        Assert.Equal(Without(await asSecond.Content.ReadFromJsonAsync<JsonElement>()), Without(await asThird.Content.ReadFromJsonAsync<JsonElement>()));

        var audit = await factory.WithDbAsync(db => db.IdentityAccessLog.AsNoTracking().Where(a => a.ParticipantId == id).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.AgencyId == second && a.Role == Roles.Caseworker);
        Assert.Contains(audit, a => a.AgencyId == third && a.Role == Roles.Coordinator);
        Assert.All(audit, a => Assert.Contains("enrolment", a.Reason, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Re_enrolling_ones_own_agencys_participant_points_to_the_record_and_is_audited()
    {
        var agency = await factory.KnownActorAsync();
        var client = factory.ClientFor(Roles.Caseworker, agency);
        var body = new EnrolBody { PersonalIdentityNumber = TestPeople.NewNumber() };
        var id = await AuthorizationTests.EnrolAsync(client, body);

        var again = await client.EnrolAsync(body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        var audit = await factory.WithDbAsync(db => db.IdentityAccessLog.AsNoTracking().SingleAsync(a => a.ParticipantId == id));
        Assert.Equal(agency, audit.AgencyId);
    }

    [Fact]
    public async Task A_bulk_row_matching_another_agencys_participant_names_no_one_and_is_audited()
    {
        var collaboration = Guid.NewGuid();
        var number = TestPeople.NewNumber();
        var id = await AuthorizationTests.EnrolAsync(factory.ClientFor(Roles.Caseworker, await factory.KnownActorAsync()),
            new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = number });
        var other = await factory.KnownActorAsync("Kommunen");
        await factory.MemberAsync(collaboration, other);

        var response = await factory.ClientFor(Roles.Caseworker, other).PostAsJsonAsync("/api/participants/bulk",
            new[] { new EnrolBody { CollaborationId = collaboration, PersonalIdentityNumber = number } });

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("another", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id.ToString(), text);
        Assert.Equal(1, await factory.WithDbAsync(db => db.IdentityAccessLog.CountAsync(a => a.ParticipantId == id && a.AgencyId == other)));
    }

    /// <summary>The problem without what differs per request (its trace id).</summary>
    private static string Without(JsonElement problem) =>
        string.Join(";", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
}
