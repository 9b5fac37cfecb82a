using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Testing;
using Samverkan.Webhooks.Infrastructure;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.IntegrationTests;

/// <summary>Registering, listing and changing endpoints: per agency, and only to addresses the platform may call.</summary>
[Collection(WebhookCollection.Name)]
public sealed class RegistrationTests(WebhookWorld world)
{
    [Theory]
    [InlineData("http://example.com/hooks")] // http outside loopback
    [InlineData("https://10.1.2.3/hooks")] // private network
    [InlineData("https://169.254.169.254/latest/meta-data")] // cloud metadata
    [InlineData("https://[fd00::1]/hooks")] // unique local
    [InlineData("https://user:pw@example.com/hooks")]
    [InlineData("ftp://example.com/hooks")]
    [InlineData("not a url")]
    public async Task An_endpoint_the_platform_may_not_call_is_400_naming_the_url(string url)
    {
        var response = await world.Agency(Guid.NewGuid()).PostAsJsonAsync("/api/webhooks/endpoints", new { url, eventTypes = new[] { "participant.exited" } });
        await Problems.AssertBadRequestNaming(response, "url");
    }

    [Fact]
    public async Task An_unknown_event_type_is_400_naming_it()
    {
        var response = await world.Agency(Guid.NewGuid()).PostAsJsonAsync("/api/webhooks/endpoints",
            new { url = "https://hooks.example.com/samverkan", eventTypes = new[] { "participant.exited", "participant.born" } });
        await Problems.AssertBadRequestNaming(response, "eventTypes[1]");
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_another_agency_cannot_see_or_change_the_endpoint()
    {
        var (mine, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (endpoint, secret) = await world.RegisterAsync(mine, "https://hooks.example.com/samverkan", "offer.published");
        Assert.Matches("^whsec_[A-Za-z0-9+/=]{40,}$", secret);

        var listed = await world.Agency(mine).GetFromJsonAsync<JsonElement>("/api/webhooks/endpoints");
        var only = Assert.Single(listed.EnumerateArray());
        Assert.Equal(endpoint, only.GetProperty("id").GetGuid());
        Assert.DoesNotContain(secret, only.ToString());

        // Stored encrypted: the database alone does not give the secret away.
        await using (var scope = world.Service.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<WebhooksDbContext>().Database
                .SqlQuery<string>($"SELECT secret AS \"Value\" FROM webhook_endpoints WHERE id = {endpoint}").SingleAsync();
            Assert.DoesNotContain(secret[WebhookSecret.Prefix.Length..], stored);
            Assert.DoesNotContain("whsec_", stored);
        }

        var stranger = world.Agency(other);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/webhooks/endpoints")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/webhooks/endpoints/{endpoint}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/webhooks/endpoints/{endpoint}/secret", new { overlapHours = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/webhooks/endpoints/{endpoint}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/webhooks/endpoints/{endpoint}",
            new { url = "https://evil.example.com/", eventTypes = new[] { "offer.published" }, enabled = true })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_delivery_status_filter_is_400_naming_it()
    {
        var agency = Guid.NewGuid();
        var (endpoint, _) = await world.RegisterAsync(agency, "https://hooks.example.com/samverkan", "offer.closed");
        await Problems.AssertBadRequestNaming(await world.Agency(agency).GetAsync($"/api/webhooks/endpoints/{endpoint}/deliveries?status=Failed"), "status");
    }

    [Fact]
    public async Task A_caseworker_cannot_manage_endpoints()
    {
        var response = await world.Service.ClientFor(Roles.Caseworker, Guid.NewGuid()).GetAsync("/api/webhooks/endpoints");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
