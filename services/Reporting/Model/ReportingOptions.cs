namespace Samverkan.Reporting.Model;

public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Counts below this are hidden ("&lt;5") wherever a viewer may not see exact figures.</summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>How much built reports (their JSON) Reporting keeps in memory until the read models change.</summary>
    public int ReportCacheMegabytes { get; set; } = 256;

    /// <summary>
    /// Named reference values for comparisons, as shares 0–1 per outcome group ("work", "studies",
    /// "work-or-studies"). The default is the ESF programme average the FSLA final report quotes.
    /// </summary>
    public Dictionary<string, Dictionary<string, decimal>> References { get; set; } = new()
    {
        [ReferenceComparisonBuilder.EsfProgrammeAverage] = new() { ["work"] = 0.22m, ["studies"] = 0.12m, ["work-or-studies"] = 0.34m },
    };
}
