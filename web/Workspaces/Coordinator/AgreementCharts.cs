namespace Samverkan.Web.Workspaces.Coordinator;

/// <summary>The agreements report's referrals as a chart: per member, promised beside delivered.</summary>
public static class AgreementCharts
{
    private const string ReferralKind = "participant-referrals";

    public static readonly IReadOnlyList<string> ReferralSeries = ["Utlovat", "Levererat"];

    public static IReadOnlyList<ChartGroup> Referrals(AgreementsReport report) =>
        [.. report.Actors.SelectMany(a => a.Contributions.Where(c => c.Kind == ReferralKind && c.Delivered is not null)
            .Select(c => new ChartGroup(a.Name, [Figure.Of(c.Quantity), c.Delivered!.AsFigure()])))];

    public static bool AnySuppressed(AgreementsReport report) =>
        report.Actors.Any(a => a.Contributions.Any(c => c.Delivered?.Suppressed == true));
}
