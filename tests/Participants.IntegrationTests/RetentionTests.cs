using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Participants.Infrastructure;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Participants.IntegrationTests;

/// <summary>The retention job's sweep, run for a day years ahead (the job itself runs it for today).</summary>
public sealed class RetentionTests(ParticipantsApiFactory factory) : IClassFixture<ParticipantsApiFactory>
{
    [Fact]
    public async Task Exited_participants_past_retention_are_erased_with_reason_retention_expired_others_are_kept()
    {
        var (agency, client, exited) = await Journey.EnrolledAsync(factory, new EnrolBody { PersonalIdentityNumber = "811218-9876" });
        var (_, _, stillIn) = await Journey.EnrolledAsync(factory, new EnrolBody { PersonalIdentityNumber = "121212-1212" });
        (await client.PostAsJsonAsync($"/api/participants/{exited}/exit", new { exitDate = "2026-03-31", outcome = "studies" })).EnsureSuccessStatusCode();

        var kept = await SweepAsync(new DateOnly(2031, 3, 31));    // five whole years after the exit: kept that day
        var swept = await SweepAsync(new DateOnly(2031, 4, 1));
        var sweptAgain = await SweepAsync(new DateOnly(2031, 4, 1));

        Assert.Equal(0, kept);
        Assert.Equal(1, swept);
        Assert.Equal(0, sweptAgain);
        var published = JsonDocument.Parse(Assert.Single(await factory.EventsAsync("ParticipantErased", exited))).RootElement;
        Assert.Equal("retention-expired", published.GetProperty("reason").GetString());
        Assert.Empty(await factory.EventsAsync("ParticipantErased", stillIn));
        var row = JsonDocument.Parse(Assert.Single(await factory.RowsAsync("participants"), r => r.Contains(exited.ToString()))).RootElement;
        Assert.Equal(JsonValueKind.Null, row.GetProperty("protected_number").ValueKind);
        var other = JsonDocument.Parse(Assert.Single(await factory.RowsAsync("participants"), r => r.Contains(stillIn.ToString()))).RootElement;
        Assert.Equal(JsonValueKind.String, other.GetProperty("protected_number").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Admin, agency).GetAsync($"/api/participants/{exited}/export")).StatusCode);
    }

    private async Task<int> SweepAsync(DateOnly today)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await RetentionService.SweepAsync(scope.ServiceProvider, 5, today, CancellationToken.None);
    }
}
