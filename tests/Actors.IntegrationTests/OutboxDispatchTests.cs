using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Actors.Infrastructure;
using Samverkan.Testing;

namespace Samverkan.Actors.IntegrationTests;

/// <summary>The new contracts leave the outbox: the dispatcher can load each type and the broker confirms it.</summary>
public sealed class OutboxDispatchTests(ActorsApiFactory factory) : IClassFixture<ActorsApiFactory>
{
    [Fact]
    public async Task Collaboration_and_member_events_are_published_to_the_broker()
    {
        var partner = await factory.RegisterActorAsync();
        var (id, _) = await factory.CreateCollaborationAsync(partner);

        await Eventually.Until(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ActorsDbContext>();
            var rows = (await db.OutboxMessages.AsNoTracking().ToListAsync()).Where(m => m.Body.Contains(id.ToString())).ToList();
            return rows.Count == 3 && rows.All(r => r.DispatchedAt != null); // CollaborationCreated + 2 × MemberJoined
        }, TimeSpan.FromSeconds(20), "the collaboration's events to be confirmed by the broker");
    }
}
