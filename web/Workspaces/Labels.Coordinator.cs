namespace Samverkan.Web.Workspaces;

public static partial class Labels
{
    public static readonly IReadOnlyDictionary<string, string> GovernanceWarningKind = new Dictionary<string, string>
    {
        ["member-without-mandate"] = "Medlem utan mandat i styrgruppen",
        ["no-recent-steering-group-meeting"] = "Styrgruppen har inte mötts",
        ["decision-overdue"] = "Beslut som inte följts upp",
        ["co-financing-behind-plan"] = "Medfinansieringen ligger efter plan",
    };

    public static readonly IReadOnlyDictionary<string, string> RebuildState = new Dictionary<string, string>
    {
        ["running"] = "Pågår", ["succeeded"] = "Klar", ["failed"] = "Misslyckades",
    };

    /// <summary>
    /// The legend of suppressed figures, wherever one is shown; the threshold as the report gives it. The API marks a
    /// small count "&lt;5" and a figure hidden to protect one ".." (SCB's mark): the two say different things.
    /// </summary>
    public static string SuppressedExplanation(int? threshold) =>
        $"Dolt för att skydda enskilda: ”<{threshold ?? 5}” är färre än {threshold ?? 5} personer; ”..” är dolt så att en liten uppgift " +
        "inte kan räknas fram och kan vara vilket antal som helst.";

    /// <summary>The explanation of one suppressed figure, by its mark (the API's text).</summary>
    public static string SuppressedExplanation(int? threshold, string mark) => mark == ".."
        ? "Dolt så att en liten uppgift i tabellen inte kan räknas fram. Kan vara vilket antal som helst."
        : $"Färre än {threshold ?? 5} personer, dolt för att skydda enskilda.";

    /// <summary>Headings of the summary's breakdowns (the API's labels are lower-case fragments: "remitterande aktör").</summary>
    public static readonly IReadOnlyDictionary<string, string> SummaryDimension = new Dictionary<string, string>
    {
        ["referring-actor"] = "Påbörjade per remitterande aktör och kön",
        ["municipality"] = "Påbörjade per kommun och kön",
        ["target-group"] = "Påbörjade per målgrupp och kön",
        ["age-band"] = "Påbörjade per åldersgrupp och kön",
    };

    /// <summary>A label of the API's with its first letter capitalised, for a heading or a caption.</summary>
    public static string Capitalised(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
