using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Testing;

namespace Samverkan.Reporting.IntegrationTests;

public sealed class ReadModelRebuildTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>
{
    [Fact]
    public async Task Counts_rebuilt_from_participant_facts_equal_the_counts_the_consumer_kept()
    {
        var collaboration = Guid.NewGuid();
        var ids = new List<Guid>();
        foreach (var (gender, age, groups) in new (Gender, AgeBand?, TargetGroup[])[]
        {
            (Gender.Woman, AgeBand.From18To24, [TargetGroup.Young, TargetGroup.NewlyArrived]),
            (Gender.Man, null, [TargetGroup.LongTermUnemployed]),
            (Gender.NonBinary, AgeBand.From55, [TargetGroup.Other]),
        })
            ids.Add(await factory.PublishAsync(new ParticipantEnrolled
            {
                ParticipantId = Guid.NewGuid(), CollaborationId = collaboration, Gender = gender, AgeBand = age, MunicipalityCode = "0881",
                ReferringActorId = Guid.NewGuid(), ReferralDate = new(2026, 1, 1), TargetGroups = groups, StartDate = new(2026, 1, 5),
                EnrolledAt = DateTimeOffset.UtcNow,
            }));
        await Eventually.Until(() => Task.FromResult(ids.All(id => factory.Consumed.Count(id) >= 1)), TimeSpan.FromSeconds(30), "the enrolments to be consumed");

        var before = await CountsAsync(collaboration);
        await using (var scope = factory.Services.CreateAsyncScope())
            await Infrastructure.ReadModelRebuild.RebuildParticipantCountsAsync(scope.ServiceProvider.GetRequiredService<Infrastructure.ReportingDbContext>());
        var after = await CountsAsync(collaboration);

        // Per gender: started, referring actor, municipality and age band one row each; target groups 2 + 1 + 1.
        Assert.Equal(16, before.Count);
        Assert.Equal(before, after);
    }

    private async Task<List<string>> CountsAsync(Guid collaboration)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.ReportingDbContext>();
        return await db.ParticipantCounts.AsNoTracking().Where(c => c.CollaborationId == collaboration)
            .OrderBy(c => c.Dimension).ThenBy(c => c.Key).ThenBy(c => c.Gender)
            .Select(c => c.Dimension + "|" + c.Key + "|" + c.Gender + "|" + c.StartDate + "|" + c.Count)
            .ToListAsync();
    }
}
