namespace Samverkan.Actors.Model;

/// <summary>Thresholds of the assessment's flags, in configuration section <c>Assessment</c>.</summary>
public sealed class AssessmentOptions
{
    public const string Section = "Assessment";

    /// <summary>A criterion is divergent when max − min of the actors' scores reaches this many points …</summary>
    public int DivergentSpread { get; set; } = 2;

    /// <summary>… among at least this many answers (one actor alone cannot disagree with anybody).</summary>
    public int DivergentMinAnswers { get; set; } = 2;

    /// <summary>A criterion is falling when its mean drops by at least this much from the previous round.</summary>
    public double FallingDrop { get; set; } = 0.5;
}
