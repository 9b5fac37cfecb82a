namespace Samverkan.Reporting.Model;

public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Counts below this are hidden ("&lt;5") wherever a viewer may not see exact figures.</summary>
    public int SuppressionThreshold { get; set; } = 5;
}
