using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Actors.Infrastructure;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>Once Participants erases a participant, Actors holds its id nowhere; the referral still counts.</summary>
public sealed class ParticipantErasedTests(IsolatedBrokerActorsApiFactory factory) : IClassFixture<IsolatedBrokerActorsApiFactory>
{
    [Fact]
    public async Task An_erased_participants_id_is_gone_from_the_referrals_and_the_delivery_count_stays()
    {
        var partner = await factory.RegisterActorAsync();
        var (collaboration, owner) = await factory.CreateCollaborationAsync(partner);
        var erased = Guid.NewGuid();
        var kept = Guid.NewGuid();
        var enrolments = new[] { Enrolled(collaboration, partner, erased), Enrolled(collaboration, partner, kept) };
        var messages = new List<Guid>();
        foreach (var enrolled in enrolments)
        {
            messages.Add(Guid.NewGuid());
            await factory.PublishAsync(enrolled, messages[^1]);
        }
        await Eventually.Until(() => factory.InboxHoldsAsync(messages), TimeSpan.FromSeconds(20), "the enrolments consumed");
        Assert.Equal(2, await ReferralsOfAsync(collaboration));

        var erasure = Guid.NewGuid();
        await factory.PublishAsync(new ParticipantErased
        {
            ParticipantId = erased, CollaborationId = collaboration, Reason = ErasureReason.LawfulRequest, ErasedAt = DateTimeOffset.UtcNow,
        }, erasure);
        await Eventually.Until(() => factory.InboxHoldsAsync([erasure]), TimeSpan.FromSeconds(20), "the erasure consumed");

        Assert.False(await factory.HoldsAnywhereAsync(erased));
        Assert.True(await factory.HoldsAnywhereAsync(kept));
        Assert.Equal(2, await ReferralsOfAsync(collaboration)); // counted still, linked to no one
    }

    private static ParticipantEnrolled Enrolled(Guid collaboration, Guid referrer, Guid participant) => new()
    {
        ParticipantId = participant, CollaborationId = collaboration, Gender = Gender.Woman, MunicipalityCode = "0880",
        ReferringActorId = referrer, ReferralDate = new(2026, 2, 1), TargetGroups = [TargetGroup.LongTermUnemployed],
        StartDate = new(2026, 2, 10), EnrolledAt = DateTimeOffset.UtcNow,
    };

    private async Task<int> ReferralsOfAsync(Guid collaboration)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ActorsDbContext>().Referrals.CountAsync(r => r.CollaborationId == collaboration);
    }
}
