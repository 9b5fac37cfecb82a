using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>
/// Per municipality, the counts the regional view is built from, in one array each: those started by gender, then
/// the exits of each outcome by gender (<see cref="Width"/> numbers). Read from a scope's
/// <see cref="RegionalTotal"/> rows (one per municipality) instead of one row per municipality, outcome and gender
/// (~7,000 across all collaborations): the regional view is built afresh after every event anywhere. Dated rows (a
/// period, or what lies after an as-of date) are added with <see cref="Add"/> as before.
/// </summary>
public sealed class RegionalCounts
{
    /// <summary>The reports' gender columns, in their order.</summary>
    private static readonly Gender[] Genders = CollaborationSummaryBuilder.Genders;
    private static readonly ExitOutcome[] Outcomes = Enum.GetValues<ExitOutcome>();

    public static readonly int Width = Genders.Length * (1 + Outcomes.Length);

    private readonly Dictionary<string, int[]> _rows = [];

    public static int StartedIndex(Gender gender) => Array.IndexOf(Genders, gender);

    public static int ExitIndex(ExitOutcome outcome, Gender gender) =>
        Genders.Length * (1 + Array.IndexOf(Outcomes, outcome)) + Array.IndexOf(Genders, gender);

    public static RegionalCounts Of(IEnumerable<DimensionCount> counts)
    {
        var result = new RegionalCounts();
        foreach (var count in counts)
            result.Add(count);
        return result;
    }

    /// <summary>A <see cref="Dimensions.Municipality"/> or <see cref="Dimensions.ExitMunicipality"/> count; others are not the view's.</summary>
    public void Add(DimensionCount count)
    {
        if (Slot(count.Dimension, count.Key, count.Gender) is { } slot)
            RowOf(slot.Code)[slot.Index] += count.Count;
    }

    /// <summary>Adds a <see cref="RegionalTotal"/>'s counts (by name; see <see cref="NameOf"/>).</summary>
    public void AddRow(string municipalityCode, IReadOnlyDictionary<string, int> counts)
    {
        var row = RowOf(municipalityCode);
        foreach (var (name, count) in counts)
            row[IndexOf(name)] += count;
    }

    /// <summary>Adds counts laid out as above (another <see cref="RegionalCounts"/>'s row, in this process).</summary>
    public void AddRow(string municipalityCode, int[] counts)
    {
        var row = RowOf(municipalityCode);
        for (var i = 0; i < Width; i++)
            row[i] += counts[i];
    }

    /// <summary>The municipalities with any count that is not zero, each with its counts (laid out as above).</summary>
    public IEnumerable<(string Code, int[] Counts)> Municipalities() =>
        _rows.Where(r => Array.Exists(r.Value, c => c != 0)).Select(r => (r.Key, r.Value));

    /// <summary>Where a counter key's count goes: its municipality and index; null for other dimensions.</summary>
    public static (string Code, int Index)? Slot(string dimension, string key, Gender gender) =>
        NameOf(dimension, key, gender) is { } slot ? (slot.Code, IndexOf(slot.Name)) : null;

    /// <summary>
    /// Where a counter key's count is stored in <see cref="RegionalTotal.Counts"/>: its municipality and the count's name
    /// ("started:Woman", "exit:Employment:Woman"); null for other dimensions. Names, not positions: rows stored before a
    /// new outcome or gender keep their meaning.
    /// </summary>
    public static (string Code, string Name)? NameOf(string dimension, string key, Gender gender)
    {
        if (dimension == Dimensions.Municipality)
            return (key, $"started:{gender}");
        if (dimension != Dimensions.ExitMunicipality)
            return null;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return (key[..colon], $"exit:{key[(colon + 1)..]}:{gender}");
    }

    /// <summary>The index of a stored count's name in the layout above; an unknown outcome or gender is an error, not a shift.</summary>
    public static int IndexOf(string name)
    {
        var parts = name.Split(':');
        return parts switch
        {
            ["started", var g] => StartedIndex(Enum.Parse<Gender>(g)),
            ["exit", var o, var g] => ExitIndex(Enum.Parse<ExitOutcome>(o), Enum.Parse<Gender>(g)),
            _ => throw new FormatException($"Not a regional count's name: '{name}'."),
        };
    }

    private int[] RowOf(string code)
    {
        if (!_rows.TryGetValue(code, out var row))
            _rows[code] = row = new int[Width];
        return row;
    }
}
