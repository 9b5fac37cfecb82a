using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Actors;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Rebuilds the pre-aggregated participant counts from the participant facts, in one transaction and one
/// set-based statement. The keys are the ones <see cref="Dimensions.Of"/> gives the consumer.
/// </summary>
public static class ReadModelRebuild
{
    public static async Task RebuildParticipantCountsAsync(ReportingDbContext db, CancellationToken ct = default)
    {
        var ageBands = Enum.GetValues<AgeBand>().Select(b => ((int)b, b.ToString())).ToArray();
        var targetGroups = Enum.GetValues<TargetGroup>().Select(g => ((int)g, g.ToString())).ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM participant_counts", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO participant_counts (collaboration_id, dimension, key, gender, start_date, count)
            SELECT collaboration_id, d, k, gender, start_date, count(*) FROM (
                SELECT collaboration_id, gender, start_date, {Dimensions.Started} AS d, '' AS k FROM participant_facts
                UNION ALL SELECT collaboration_id, gender, start_date, {Dimensions.ReferringActor}, referring_actor_id::text FROM participant_facts
                UNION ALL SELECT collaboration_id, gender, start_date, {Dimensions.Municipality}, municipality_code FROM participant_facts
                UNION ALL SELECT f.collaboration_id, f.gender, f.start_date, {Dimensions.AgeBand}, coalesce(b.name, {Dimensions.UnknownKey})
                    FROM participant_facts f
                    LEFT JOIN unnest({ageBands.Select(b => b.Item1).ToArray()}::int[], {ageBands.Select(b => b.Item2).ToArray()}::text[]) AS b(value, name) ON b.value = f.age_band
                UNION ALL SELECT f.collaboration_id, f.gender, f.start_date, {Dimensions.TargetGroup}, g.name
                    FROM participant_facts f CROSS JOIN LATERAL unnest(f.target_groups) AS t(value)
                    JOIN unnest({targetGroups.Select(g => g.Item1).ToArray()}::int[], {targetGroups.Select(g => g.Item2).ToArray()}::text[]) AS g(value, name) ON g.value = t.value
            ) AS keys
            GROUP BY collaboration_id, d, k, gender, start_date
            """, ct);
        await transaction.CommitAsync(ct);
    }
}
