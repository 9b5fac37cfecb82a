using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Employers.IntegrationTests;

public static class MatchingTestData
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static object ProfileBody(
        string occupation, string[]? skills = null, string swedish = "intermediate", string municipality = "0880", int commute = 30,
        string availableFrom = "2026-11-01", bool licence = true, string readiness = "ready", string[]? needs = null) => new
    {
        occupationCodes = new[] { occupation },
        skills = skills ?? ["truckkort"],
        swedishLevel = swedish,
        languages = new[] { "ar" },
        municipalityCode = municipality,
        maxCommuteKm = commute,
        availableFrom,
        hoursPerWeek = 40,
        adaptationsNeeded = needs ?? [],
        readiness,
        drivingLicence = licence,
    };

    public static object OfferBody(Guid? employerId, string occupation, string[]? skills = null, string municipality = "0880") => new
    {
        employerId,
        kind = "internship",
        occupationCode = occupation,
        title = "Praktik",
        municipalityCode = municipality,
        places = 1,
        startDate = "2026-12-01",
        hoursPerWeek = 40,
        requirements = new { skills = skills ?? ["truckkort"], swedishLevel = "basic", drivingLicence = true },
        adaptations = new[] { "anpassade arbetstider" },
    };

    public static async Task PutProfileAsync(this HttpClient staff, Guid participantId, object body)
    {
        var response = await staff.PutAsJsonAsync($"/api/employers/matching-profiles/{participantId}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<Guid> PublishOfferAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/offers", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Publishes ConsentGiven on the broker as Participants would; returns the consent id.</summary>
    public static async Task<Guid> GiveConsentAsync(this EmployersApiFactory factory, Guid participantId,
        ConsentPurpose purpose = ConsentPurpose.AnonymousProfileToEmployers, Guid? recipient = null)
    {
        var consentId = Guid.NewGuid();
        await factory.PublishAsync(new ConsentGiven
        {
            ConsentId = consentId, ParticipantId = participantId, CollaborationId = Guid.NewGuid(), Purpose = purpose,
            RecipientActorId = recipient ?? Guid.NewGuid(), GivenOn = new DateOnly(2026, 11, 1),
        });
        await Eventually.Until(() => factory.ConsentInForceAsync(consentId), Deadline, $"consent {consentId} to arrive");
        return consentId;
    }

    public static Task WithdrawConsentAsync(this EmployersApiFactory factory, Guid consentId, Guid participantId,
        ConsentPurpose purpose = ConsentPurpose.AnonymousProfileToEmployers) =>
        factory.PublishAsync(new ConsentWithdrawn
        {
            ConsentId = consentId, ParticipantId = participantId, CollaborationId = Guid.NewGuid(), Purpose = purpose,
            RecipientActorId = Guid.NewGuid(), WithdrawnOn = new DateOnly(2026, 11, 20), WithdrawnAt = DateTimeOffset.UtcNow,
        });

    public static async Task<bool> ConsentInForceAsync(this EmployersApiFactory factory, Guid consentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
        return await db.ParticipantConsents.AnyAsync(c => c.ConsentId == consentId && c.GivenOn != null && c.WithdrawnAt == null);
    }

    /// <summary>
    /// A matchable participant: enrolled by <paramref name="agency"/>, a profile written by it, and an anonymous-profile
    /// consent towards <paramref name="recipient"/> (the employer's actor id).
    /// </summary>
    public static async Task<Guid> MatchableParticipantAsync(this EmployersApiFactory factory, Guid agency, object profile, Guid recipient)
    {
        var participant = await factory.EnrolledParticipantAsync(agency);
        await factory.ClientFor(Roles.Caseworker, agency).PutProfileAsync(participant, profile);
        await factory.GiveConsentAsync(participant, recipient: recipient);
        await Eventually.Until(() => factory.InIndexAsync(participant), Deadline, $"participant {participant} in the matching index");
        return participant;
    }

    /// <summary>Publishes ParticipantEnrolled as Participants would, <paramref name="agency"/> the referring actor, and waits for it.</summary>
    public static async Task<Guid> EnrolledParticipantAsync(this EmployersApiFactory factory, Guid agency, Guid? participantId = null)
    {
        var participant = participantId ?? Guid.NewGuid();
        await factory.PublishAsync(Enrolment(participant, agency));
        await Eventually.Until(() => factory.EnrolledAsync(participant), Deadline, $"participant {participant}'s enrolment to arrive");
        return participant;
    }

    public static ParticipantEnrolled Enrolment(Guid participant, Guid agency) => new()
    {
        ParticipantId = participant, CollaborationId = Guid.NewGuid(), Gender = Gender.Woman, MunicipalityCode = "0880",
        ReferringActorId = agency, ReferralDate = new DateOnly(2026, 10, 1), TargetGroups = [], StartDate = new DateOnly(2026, 10, 5),
        EnrolledAt = DateTimeOffset.UtcNow,
    };

    public static async Task<bool> EnrolledAsync(this EmployersApiFactory factory, Guid participant)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmployersDbContext>();
        return await db.Enrolments.AnyAsync(e => e.ParticipantId == participant);
    }

    /// <summary>Whether the running service's matching index holds the participant now.</summary>
    public static async Task<bool> InIndexAsync(this EmployersApiFactory factory, Guid participant) =>
        (await factory.Services.GetRequiredService<MatchingIndex>().SnapshotAsync(CancellationToken.None))
            .Any(p => p.Candidate.ParticipantId == participant);

    public static async Task<(Guid EmployerId, Guid EmployerActor, Guid Agency)> EmployerWithUserAsync(this EmployersApiFactory factory)
    {
        var agency = await factory.KnownActorAsync();
        var employerActor = await factory.KnownActorAsync("Bygg AB", ActorKind.Employer);
        var employerId = await factory.RegisterEmployerAsync(agency, employerActor);
        return (employerId, employerActor, agency);
    }

    public static async Task<List<JsonElement>> CandidatesAsync(this HttpClient client, Guid offerId, int top = 20)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/offers/{offerId}/candidates?top={top}");
        return body.GetProperty("candidates").EnumerateArray().ToList();
    }
}
