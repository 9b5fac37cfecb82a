using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Testing;
using static Samverkan.Employers.IntegrationTests.MatchingTestData;

namespace Samverkan.Employers.IntegrationTests;

/// <summary>
/// Two Employers instances on one database and one virtual host, as the AppHost runs them with AppHost:Instances=2:
/// they share the consent and enrolment queues as competing consumers, so each consumes only some of the changes, yet
/// each one's in-memory matching index must hold every matchable profile (MatchingIndexNotices). A class of its own, so
/// a database and queues of its own.
/// </summary>
public sealed class MatchingIndexInstancesTests(EmployersApiFactory factory) : IClassFixture<EmployersApiFactory>
{
    private const int Participants = 24;

    [Fact]
    public async Task Both_instances_indexes_hold_every_change_whichever_instance_consumed_it()
    {
        await using var second = factory.WithWebHostBuilder(_ => { });
        var instances = new WebApplicationFactory<Program>[] { factory, second };
        var consumedBy = new ConcurrentDictionary<Guid, int>();
        for (var i = 0; i < instances.Length; i++)
        {
            var bus = instances[i].Services.GetRequiredService<IBusControl>();
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            bus.ConnectConsumeObserver(new ConsentObserver(consumedBy, i));
            // Loaded now, so that what follows can reach it only as a change, not through a first load from the database.
            Assert.Empty(await Index(instances[i]).SnapshotAsync(CancellationToken.None));
        }

        var agency = Guid.NewGuid();
        var staff = factory.ClientFor(Roles.Caseworker, agency);
        var participants = new List<Guid>();
        var consents = new List<Guid>();
        for (var n = 0; n < Participants; n++)
        {
            var participant = await factory.EnrolledParticipantAsync(agency);
            await staff.PutProfileAsync(participant, ProfileBody("2512"));
            consents.Add(await factory.GiveConsentAsync(participant));
            participants.Add(participant);
        }
        await ExpectInEveryIndexAsync(instances, participants, "every consented profile in both instances' indexes");
        // The consents were shared out: each instance consumed some, so each index learnt some changes only by notice.
        Assert.Equal(Participants, consumedBy.Count);
        Assert.All(new[] { 0, 1 }, i => Assert.Contains(i, consumedBy.Values));

        // Withdrawn, now half of them: out of both indexes, whichever instance consumed each withdrawal.
        var withdrawn = participants.Take(Participants / 2).ToList();
        foreach (var (consent, participant) in consents.Zip(participants).Take(Participants / 2))
            await factory.WithdrawConsentAsync(consent, participant);
        await ExpectInEveryIndexAsync(instances, participants.Skip(Participants / 2).ToList(), "the withdrawn profiles out of both indexes");
    }

    private static MatchingIndex Index(WebApplicationFactory<Program> instance) => instance.Services.GetRequiredService<MatchingIndex>();

    private static Task ExpectInEveryIndexAsync(WebApplicationFactory<Program>[] instances, List<Guid> expected, string what) =>
        Eventually.Until(async () =>
            {
                var differences = new List<string>();
                for (var i = 0; i < instances.Length; i++)
                {
                    var held = (await Index(instances[i]).SnapshotAsync(CancellationToken.None)).Select(p => p.Candidate.ParticipantId).ToHashSet();
                    if (!held.SetEquals(expected))
                        differences.Add($"instance {i}: {expected.Count(held.Contains)} of {expected.Count} expected, {held.Count(h => !expected.Contains(h))} not expected");
                }
                return string.Join("; ", differences);
            },
            differences => differences.Length == 0, Deadline, what + " (the last value says how each instance differs)");

    /// <summary>Which instance consumed each consent given.</summary>
    private sealed class ConsentObserver(ConcurrentDictionary<Guid, int> consumedBy, int instance) : IConsumeObserver
    {
        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is ConsentGiven given)
                consumedBy[given.ConsentId] = instance;
            return Task.CompletedTask;
        }

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;
        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
