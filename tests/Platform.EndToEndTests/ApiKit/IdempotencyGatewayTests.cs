using System.Net;
using System.Net.Http.Json;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests.ApiKit;

/// <summary>Safe retries through the gateway: a POST retried with its Idempotency-Key happens once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IdempotencyGatewayTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_POST_retried_after_a_client_side_timeout_enrols_once_and_gets_the_first_answer()
    {
        var (agency, collaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Tranås kommun");
        var caseworker = platform.ClientFor(Roles.Caseworker, agency);
        await GatewayAgencies.EnrolAsync(caseworker, collaboration); // Participants knows the collaboration from here on
        var key = Guid.NewGuid().ToString();

        // The request reaches the platform and is done there, but the client gives up before the answer arrives.
        using var losing = LosingAnswers(agency);
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => losing.SendAsync(Enrolment(collaboration, key)));
        var retried = await caseworker.SendAsync(Enrolment(collaboration, key));
        var again = await caseworker.SendAsync(Enrolment(collaboration, key));
        var otherBody = await caseworker.SendAsync(Enrolment(collaboration, key, birthDate: "1991-01-01"));

        var first = await retried.Json(HttpStatusCode.Created);
        var second = await again.Json(HttpStatusCode.Created);
        Assert.Equal("true", retried.Headers.GetValues(Idempotency.ReplayedHeader).Single());
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal(retried.Headers.Location, again.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal("application/problem+json", otherBody.Content.Headers.ContentType?.MediaType);
        var list = await (await caseworker.GetAsync($"/api/participants?collaborationId={collaboration}&pageSize=100")).Json(HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("items").GetArrayLength()); // the warm-up enrolment and this one, once
    }

    [Fact]
    public async Task Two_agencies_keys_never_meet_and_concurrent_duplicates_create_once()
    {
        var (agency, collaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Eksjö kommun");
        var (otherAgency, otherCollaboration) = await GatewayAgencies.AgencyWithCollaborationAsync(platform, "Aneby kommun");
        var key = Guid.NewGuid().ToString();
        var coordinator = platform.ClientFor(Roles.Coordinator, agency);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => coordinator.SendAsync(Member(collaboration, otherAgency, key))));
        var otherAgencysSameKey = await platform.ClientFor(Roles.Coordinator, otherAgency).SendAsync(Member(otherCollaboration, agency, key));

        Assert.All(concurrent, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = concurrent.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created, r => !r.Headers.Contains(Idempotency.ReplayedHeader)); // one ran; the rest replayed it or were told it runs
        Assert.Equal(HttpStatusCode.Created, otherAgencysSameKey.StatusCode);
        Assert.False(otherAgencysSameKey.Headers.Contains(Idempotency.ReplayedHeader));
    }

    private static HttpRequestMessage Enrolment(Guid collaboration, string key, string birthDate = "1990-05-05") => new(HttpMethod.Post, "/api/participants")
    {
        Headers = { { Idempotency.HeaderName, key } },
        Content = JsonContent.Create(new
        {
            collaborationId = collaboration, withoutNumber = "anonymous", gender = "woman", birthDate, municipalityCode = "0880",
            referralDate = "2026-01-05", benefitAtStart = "activity-support", labourMarketStatus = "long-term-unemployed",
            educationLevel = "upper-secondary-or-post-secondary", startDate = "2026-01-10",
        }),
    };

    private static HttpRequestMessage Member(Guid collaboration, Guid actor, string key) => new(HttpMethod.Post, $"/api/collaborations/{collaboration}/members")
    {
        Headers = { { Idempotency.HeaderName, key } },
        Content = JsonContent.Create(new { actorId = actor, role = "partner", goals = new[] { "Fler i arbete" } }),
    };

    /// <summary>A caseworker's client whose network loses every answer: the request is sent and served, the client times out.</summary>
    private HttpClient LosingAnswers(Guid agency)
    {
        var bearer = platform.Platform.Tokens.Handler(Roles.Caseworker, agency);
        bearer.InnerHandler = new LoseTheAnswer { InnerHandler = new HttpClientHandler() };
        return new HttpClient(bearer) { BaseAddress = platform.Platform.Gateway };
    }

    private sealed class LoseTheAnswer : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var served = await base.SendAsync(request, cancellationToken);
            throw new TaskCanceledException("The answer was lost on the way (a client-side timeout).");
        }
    }
}
