using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Actors.Infrastructure;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Promised versus delivered: referrals counted from Participants' enrolments, other contributions "not known".</summary>
public sealed class AgreementDeliveryTests(IsolatedBrokerActorsApiFactory factory) : IClassFixture<IsolatedBrokerActorsApiFactory>
{
    private static object Terms => new
    {
        form = "written", validFrom = "2026-01-01", validTo = "2026-12-31",
        contributions = new object[]
        {
            new { kind = "participant-referrals", quantity = 3, unit = "deltagare" },
            new { kind = "staff-hours", quantity = 400, unit = "timmar" },
        },
        signatories = new[] { new { name = "Anna Andersson", hasMandate = true } },
    };

    private static ParticipantEnrolled Enrolled(Guid collaboration, Guid referrer, Guid? participant = null, DateOnly? referred = null) => new()
    {
        ParticipantId = participant ?? Guid.NewGuid(), CollaborationId = collaboration, Gender = Gender.Woman, MunicipalityCode = "0880",
        ReferringActorId = referrer, ReferralDate = referred ?? new(2026, 2, 1), TargetGroups = [TargetGroup.LongTermUnemployed],
        StartDate = new(2026, 2, 10), EnrolledAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Signed_referral_promise_is_compared_with_enrolments_counted_once_per_participant()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, owner) = await factory.CreateCollaborationAsync(partner);
        var client = factory.ClientFor(Roles.Coordinator, partner);
        var draft = await client.PostAsJsonAsync($"/api/collaborations/{id}/agreements", Terms);
        var sign = new HttpRequestMessage(HttpMethod.Post, $"{draft.Headers.Location}/sign");
        sign.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(draft.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(sign)).StatusCode);

        var twice = Guid.NewGuid();
        var messages = new List<Guid>();
        foreach (var enrolled in new[]
        {
            Enrolled(id, partner, twice),
            Enrolled(id, partner, twice), // the same participant again under a new message id
            Enrolled(id, partner),
            Enrolled(id, partner, referred: new DateOnly(2027, 2, 1)), // after the agreement ends
            Enrolled(id, owner), // another actor's referral
        })
        {
            messages.Add(Guid.NewGuid());
            await factory.PublishAsync(enrolled, messages[^1]);
        }
        await Eventually.Until(() => factory.InboxHoldsAsync(messages), TimeSpan.FromSeconds(20), "every enrolment consumed");

        var delivery = await factory.ClientFor(Roles.Caseworker, owner).GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/agreements/delivery");

        Assert.Equal(1, delivery.GetArrayLength());
        Assert.Equal(2, Referrals(delivery).GetProperty("delivered").GetInt32());

        var referrals = Referrals(delivery);
        Assert.Equal(3, referrals.GetProperty("promised").GetDecimal());
        Assert.True(referrals.GetProperty("deliveryKnown").GetBoolean());
        var staff = delivery[0].GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "staff-hours");
        Assert.False(staff.GetProperty("deliveryKnown").GetBoolean());
        Assert.Equal("Delivery not known to the platform.", staff.GetProperty("note").GetProperty("en").GetString());
    }

    [Fact]
    public async Task Delivery_is_404_for_other_agencies_and_shows_no_drafts()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, _) = await factory.CreateCollaborationAsync(partner);
        await factory.ClientFor(Roles.Coordinator, partner).PostAsJsonAsync($"/api/collaborations/{id}/agreements", Terms);
        var outsider = await factory.RegisterActorAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(Roles.Caseworker, outsider).GetAsync($"/api/collaborations/{id}/agreements/delivery")).StatusCode);
        var delivery = await factory.ClientFor(Roles.Caseworker, partner).GetFromJsonAsync<JsonElement>($"/api/collaborations/{id}/agreements/delivery");
        Assert.Equal(0, delivery.GetArrayLength());
    }

    private static JsonElement Referrals(JsonElement delivery) =>
        delivery[0].GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "participant-referrals");
}

internal static class InboxData
{
    /// <summary>The inbox row commits with the consumer's effect, so once it is there the message has been applied.</summary>
    public static async Task<bool> InboxHoldsAsync(this ActorsApiFactory factory, IReadOnlyCollection<Guid> messageIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ActorsDbContext>();
        return await db.InboxMessages.CountAsync(m => messageIds.Contains(m.MessageId)) == messageIds.Count;
    }
}
