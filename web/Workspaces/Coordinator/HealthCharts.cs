using System.Globalization;

namespace Samverkan.Web.Workspaces.Coordinator;

/// <summary>An assessment round as a chart: each criterion's mean score, a divergent one said so in its label (not by colour).</summary>
public static class HealthCharts
{
    public static readonly IReadOnlyList<string> Series = ["Medelvärde (1–5)", "Spridning (poäng)"];

    public static string Label(CriterionSummary criterion) =>
        Labels.Capitalised(criterion.Label.Sv) + (criterion.Divergent ? " (spretig)" : "");

    public static IReadOnlyList<ChartGroup> Means(RoundSummary round) =>
        [.. round.Criteria.Select(c => new ChartGroup(Label(c), [Figure.Of((decimal)Math.Round(c.Mean, 1)), Figure.Of(c.Spread)]))];

    public static string Change(double? change) => change switch
    {
        null => "–",
        > 0 => "+" + SwedishFormat.Number(change.Value, "0.0"),
        _ => SwedishFormat.Number(change.Value, "0.0"),
    };
}
