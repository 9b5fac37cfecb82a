namespace Samverkan.Reporting.Model;

/// <summary>
/// The marks a hidden figure is shown with, as SCB marks them, and the legend every suppressed report carries so a
/// reader knows which is which: "&lt;5" says the count is 1–4; ".." only that the figure is hidden (a complement that
/// protects a small count elsewhere, or a share of a hidden count), never what it holds.
/// </summary>
public static class SuppressionMarks
{
    public const string Small = "small";
    public const string Complement = "complement";
    public const string ComplementMark = "..";

    /// <summary>The reason a figure shown as <paramref name="display"/> is hidden; null when it is shown.</summary>
    public static string? ReasonOf(string display, bool suppressed) =>
        !suppressed ? null : display == ComplementMark ? Complement : Small;

    /// <summary>The legend for a report suppressed at <paramref name="threshold"/>; empty for exact figures.</summary>
    public static IReadOnlyList<SuppressionMark> Legend(int? threshold, ReportLanguage language) => threshold is not { } t ? [] :
    [
        new($"<{t}", Small, language == ReportLanguage.Swedish
            ? $"färre än {t} personer (dolt)" : $"fewer than {t} persons (hidden)"),
        new(ComplementMark, Complement, language == ReportLanguage.Swedish
            ? "dolt för att en liten uppgift inte ska kunna räknas fram – kan vara vilket antal som helst"
            : "hidden so that a small figure cannot be worked out – may hold any number"),
    ];
}

/// <summary>One entry of a report's legend: the mark, the <c>reason</c> its cells carry, and what it means.</summary>
public sealed record SuppressionMark(string Mark, string Reason, string Meaning);
