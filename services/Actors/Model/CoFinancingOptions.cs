namespace Samverkan.Actors.Model;

/// <summary>Threshold of the co-financing warning, in configuration section <c>CoFinancing</c>.</summary>
public sealed class CoFinancingOptions
{
    public const string Section = "CoFinancing";

    /// <summary>
    /// A contributing actor's year is behind plan when its forecast falls short of the planned hours by more than this
    /// share (0.10: more than 10 % short). Early enough to act, late enough not to cry wolf over one slow month.
    /// </summary>
    public decimal ShortfallWarningShare { get; set; } = 0.10m;
}
