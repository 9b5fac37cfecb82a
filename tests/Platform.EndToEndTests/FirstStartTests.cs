using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Platform.EndToEndTests;

/// <summary>
/// The AppHost runs every service's set-up (its queues and their bindings declared) before any service starts, so an
/// event published while a consumer has never yet run waits in that consumer's queue instead of being dropped by the
/// broker for want of a queue bound to receive it.
/// </summary>
[Collection(LeakPlatformCollection.Name)] // a platform of its own: alone, like the leak test's
public sealed class FirstStartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_event_published_before_its_consumer_ever_started_is_consumed_once_it_starts()
    {
        // Only Actors (and Identity, for the token) runs; Reporting starts when the test says so. The rest stays down: on
        // two cores every process started and not needed only slows the test.
        string[] heldBack = [ResourceNames.Reporting, ResourceNames.Participants, ResourceNames.Employers, ResourceNames.Webhooks,
            ResourceNames.Gateway, ResourceNames.Web];
        await using var platform = await TestPlatform.StartAsync("first", builder =>
        {
            foreach (var resource in builder.Resources.Where(r => heldBack.Contains(r.Name)).ToList())
                builder.CreateResourceBuilder(resource).WithExplicitStart();
        }, waitForGateway: false);
        using var timeout = new CancellationTokenSource(Deadline);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Actors, timeout.Token);
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(ResourceNames.Reporting, out var reporting)
                    && reporting.Snapshot.State?.Text == KnownResourceStates.NotStarted, "Reporting must not have run yet");

        // The gateway is held back too, so the token comes from the identity service directly.
        var tokens = new PlatformTokens(platform.App.CreateHttpClient(ResourceNames.Identity), PlatformRun.OperatorClientId, platform.Run.OperatorSecret);
        using var actors = await AuthorizedAsync(platform.App.CreateHttpClient(ResourceNames.Actors), tokens);
        var posted = await actors.PostAsJsonAsync("/api/actors", new
        {
            name = "Arbetsförmedlingen", organisationNumber = "202100-2114", sector = "public", kind = "employment-service",
        });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        await platform.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.Reporting, KnownResourceCommands.StartCommand, timeout.Token);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Reporting, timeout.Token);
        using var reports = await AuthorizedAsync(platform.App.CreateHttpClient(ResourceNames.Reporting), tokens);
        await Eventually.Until(async () =>
            (await reports.GetFromJsonAsync<JsonElement>("/api/reports/actors-by-sector", timeout.Token)).GetProperty("total").GetInt32(),
            total => total == 1, Deadline, "Reporting to count the actor registered before it first started");
    }

    private static async Task<HttpClient> AuthorizedAsync(HttpClient client, PlatformTokens tokens)
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", await tokens.TokenForAsync(Roles.Coordinator, Guid.NewGuid()));
        return client;
    }
}
