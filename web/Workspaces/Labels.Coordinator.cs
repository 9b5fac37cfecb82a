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

    /// <summary>The explanation of a suppressed figure, wherever one is shown; the threshold as the report gives it.</summary>
    public static string SuppressedExplanation(int? threshold) =>
        $"Dolt för att skydda enskilda: färre än {threshold ?? 5} personer, eller dolt så att det inte kan räknas fram.";

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
