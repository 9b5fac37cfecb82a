using MassTransit;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Infrastructure;
using Samverkan.Reporting.Model;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Reporting.Consumers;

/// <summary>
/// Records the participant's facts and increments the pre-aggregated counts, in the inbox's transaction.
/// The fact row's key (participant, collaboration) is the second guard: the same participant sent again
/// under a new message id inserts nothing and so counts nothing.
/// </summary>
public sealed class ParticipantEnrolledConsumer(ReportingDbContext db)
    : IdempotentConsumer<ParticipantEnrolled, ReportingDbContext>(db)
{
    protected override async Task HandleAsync(ParticipantEnrolled m, ConsumeContext<ParticipantEnrolled> context)
    {
        var ct = context.CancellationToken;
        int gender = (int)m.Gender;
        int? ageBand = m.AgeBand is { } band ? (int)band : null;
        var targetGroups = m.TargetGroups.Distinct().Select(g => (int)g).ToArray();
        var inserted = await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO participant_facts (participant_id, collaboration_id, gender, age_band, municipality_code, referring_actor_id, target_groups, start_date)
            VALUES ({m.ParticipantId}, {m.CollaborationId}, {gender}, {ageBand}, {m.MunicipalityCode}, {m.ReferringActorId}, {targetGroups}, {m.StartDate})
            ON CONFLICT (participant_id, collaboration_id) DO NOTHING
            """, ct);
        if (inserted == 0)
            return;

        var keys = Dimensions.Of(m);
        var dimensions = keys.Select(k => k.Dimension).ToArray();
        var values = keys.Select(k => k.Key).ToArray();
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO participant_counts (collaboration_id, dimension, key, gender, start_date, count)
            SELECT {m.CollaborationId}, d, k, {gender}, {m.StartDate}, 1 FROM unnest({dimensions}::text[], {values}::text[]) AS u(d, k)
            ON CONFLICT (collaboration_id, dimension, key, gender, start_date) DO UPDATE SET count = participant_counts.count + 1
            """, ct);
    }
}
