namespace Samverkan.Reporting.Model;

/// <summary>
/// A collaboration's exit shares next to a reference value (for example the ESF programme average the FSLA
/// report quotes), with the difference in percentage points where both are known.
/// </summary>
public sealed record ReferenceComparisonReport(
    Guid CollaborationId, string? Name, DateOnly AsOf, DateOnly? From, bool Exact, int? SuppressionThreshold, string Reference,
    IReadOnlyList<ColumnHeader> Columns, IReadOnlyList<ReferenceRow> Rows);

/// <summary>One outcome group: the collaboration's shares by gender, the reference share, and total − reference.</summary>
public sealed record ReferenceRow(string Key, string Label, Shares Collaboration, decimal ReferencePercent, decimal? DifferencePoints);

public static class ReferenceComparisonBuilder
{
    public const string EsfProgrammeAverage = "esf-programme-average";

    /// <summary>Reference values as shares 0–1 per outcome group key ("work", "studies", "work-or-studies").</summary>
    public static ReferenceComparisonReport Build(CollaborationSummaryReport summary, string reference, IReadOnlyDictionary<string, decimal> values)
    {
        var rows = summary.Exits.Rows.Where(r => values.ContainsKey(r.Key)).Select(r =>
        {
            var percent = Math.Round(values[r.Key] * 100m, 1, MidpointRounding.AwayFromZero);
            return new ReferenceRow(r.Key, r.Label, r.Shares, percent, r.Shares.Total.Percent is { } p ? p - percent : null);
        }).ToList();
        return new ReferenceComparisonReport(summary.CollaborationId, summary.Name, summary.AsOf, summary.From, summary.Exact,
            summary.SuppressionThreshold, reference, summary.Columns, rows);
    }
}
