using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Participants;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Infrastructure;

/// <summary>
/// Reads pre-aggregated counts of one scope for a period. Up to a date: the totals minus the (few) dated rows
/// after it, so "now" costs one read of the totals whatever the number of participants. Between two dates:
/// the dated rows of the period.
/// </summary>
public static class CounterQueries
{
    public static async Task<List<DimensionCount>> CountsAsync(
        ReportingDbContext db, Guid scope, ReportPeriod period, IReadOnlyCollection<string> dimensions, CancellationToken ct)
    {
        var dims = dimensions.ToArray();
        List<(string Dimension, string Key, int Gender, int Count)> rows;
        if (period.From is { } from)
        {
            rows = (await db.ParticipantCounts.AsNoTracking()
                    .Where(c => c.CollaborationId == scope && c.Day >= from && c.Day <= period.To && dims.Contains(c.Dimension))
                    .GroupBy(c => new { c.Dimension, c.Key, c.Gender })
                    .Select(g => new { g.Key.Dimension, g.Key.Key, g.Key.Gender, Count = g.Sum(c => c.Count) })
                    .ToListAsync(ct))
                .Select(r => (r.Dimension, r.Key, r.Gender, r.Count)).ToList();
        }
        else
        {
            var totals = await db.ParticipantTotals.AsNoTracking()
                .Where(c => c.CollaborationId == scope && dims.Contains(c.Dimension))
                .Select(c => new { c.Dimension, c.Key, c.Gender, c.Count })
                .ToListAsync(ct);
            var after = await db.ParticipantCounts.AsNoTracking()
                .Where(c => c.CollaborationId == scope && c.Day > period.To && dims.Contains(c.Dimension))
                .GroupBy(c => new { c.Dimension, c.Key, c.Gender })
                .Select(g => new { g.Key.Dimension, g.Key.Key, g.Key.Gender, Count = g.Sum(c => c.Count) })
                .ToListAsync(ct);
            rows = totals.Select(r => (r.Dimension, r.Key, r.Gender, r.Count))
                .Concat(after.Select(r => (r.Dimension, r.Key, r.Gender, -r.Count)))
                .GroupBy(r => (r.Dimension, r.Key, r.Gender))
                .Select(g => (g.Key.Dimension, g.Key.Key, g.Key.Gender, g.Sum(r => r.Item4))).ToList();
        }
        return rows.Where(r => r.Count != 0).Select(r => new DimensionCount(r.Dimension, r.Key, (Gender)r.Gender, r.Count)).ToList();
    }
}
