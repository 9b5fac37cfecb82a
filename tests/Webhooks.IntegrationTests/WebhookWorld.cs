using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.Testing;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>One Webhooks service and one real receiver for every test in the collection: both start once.</summary>
public sealed class WebhookWorld : IAsyncLifetime
{
    public WebhooksApiFactory Service { get; } = new();
    public WebhookReceiver Receiver { get; private set; } = null!;
    public static readonly JsonSerializerOptions Json = JsonConventions.Create();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Service).InitializeAsync();
        _ = Service.Server; // start the host (and its consumers) now
        Receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await ((IAsyncLifetime)Service).DisposeAsync();
    }

    public HttpClient Agency(Guid agency) => Service.ClientFor(Roles.Coordinator, agency);

    /// <summary>Registers an endpoint for <paramref name="agency"/>; its id and secret.</summary>
    public async Task<(Guid Id, string Secret)> RegisterAsync(Guid agency, string url, params string[] eventTypes)
    {
        var response = await Agency(agency).PostAsJsonAsync("/api/webhooks/endpoints", new { url, eventTypes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("endpoint").GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    public async Task<JsonElement[]> DeliveriesAsync(Guid agency, Guid endpoint)
    {
        var page = await Agency(agency).GetFromJsonAsync<JsonElement>($"/api/webhooks/endpoints/{endpoint}/deliveries");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>
    /// How long a test waits for deliveries to arrive. Generous: a wait returns as soon as its condition holds, and in CI
    /// these tests share two cores with a whole platform of another project (20 s ran out there once, under a load of 77).
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Waits until the endpoint has a delivery matching <paramref name="done"/>; that delivery.</summary>
    public async Task<JsonElement> DeliveryAsync(Guid agency, Guid endpoint, Func<JsonElement, bool> done, string what) =>
        (await Eventually.Until(() => DeliveriesAsync(agency, endpoint), ds => ds.Any(done), Patience, what)).First(done);

    public async Task<IReadOnlyList<ReceivedRequest>> ReceivedAsync(string url, int count) =>
        await Eventually.Until(() => Task.FromResult(Receiver.Received(url)), r => r.Count >= count, Patience, $"{count} request(s) at {url}");

    /// <summary>Enrols a participant for <paramref name="agency"/> as Participants would announce it.</summary>
    public async Task<ParticipantEnrolled> EnrolAsync(Guid agency, Guid? collaboration = null)
    {
        var enrolled = new ParticipantEnrolled
        {
            ParticipantId = Guid.NewGuid(), CollaborationId = collaboration ?? Guid.NewGuid(), Gender = Gender.Woman, AgeBand = AgeBand.From25To29,
            MunicipalityCode = "0880", ReferringActorId = agency, ReferralDate = new DateOnly(2026, 3, 1),
            TargetGroups = [Samverkan.Contracts.Actors.TargetGroup.LongTermUnemployed], StartDate = new DateOnly(2026, 3, 2), EnrolledAt = DateTimeOffset.UtcNow,
        };
        await Service.PublishAsync(enrolled);
        return enrolled;
    }

    public Task ExitAsync(ParticipantEnrolled enrolled) => Service.PublishAsync(new ParticipantExited
    {
        ParticipantId = enrolled.ParticipantId, CollaborationId = enrolled.CollaborationId, ExitDate = new DateOnly(2026, 9, 30),
        Outcome = ExitOutcome.Employment, GainedQualification = false, ExitedAt = DateTimeOffset.UtcNow,
    });
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookWorld>
{
    public const string Name = "webhooks";
}
