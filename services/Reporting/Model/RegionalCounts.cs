using System.Globalization;
using System.Text;
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

    /// <summary>Adds a <see cref="RegionalTotal"/>'s counts.</summary>
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
    public static (string Code, int Index)? Slot(string dimension, string key, Gender gender)
    {
        if (dimension == Dimensions.Municipality)
            return (key, StartedIndex(gender));
        if (dimension != Dimensions.ExitMunicipality)
            return null;
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return (key[..colon], ExitIndex(Enum.Parse<ExitOutcome>(key.AsSpan(colon + 1)), gender));
    }

    private int[] RowOf(string code)
    {
        if (!_rows.TryGetValue(code, out var row))
            _rows[code] = row = new int[Width];
        return row;
    }

    /// <summary>
    /// Fills regional_totals from participant_totals, set-based: the rebuild's step and the migration that added the
    /// table. One sum per index of the layout above.
    /// </summary>
    public static string FromParticipantTotalsSql()
    {
        var sums = new string[Width];
        foreach (var gender in Genders)
        {
            sums[StartedIndex(gender)] = $"coalesce(sum(count) FILTER (WHERE dimension = '{Dimensions.Municipality}' AND gender = {(int)gender}), 0)";
            foreach (var outcome in Outcomes)
                sums[ExitIndex(outcome, gender)] = $"coalesce(sum(count) FILTER (WHERE dimension = '{Dimensions.ExitMunicipality}' " +
                    $"AND split_part(key, ':', 2) = '{outcome}' AND gender = {(int)gender}), 0)";
        }
        var sql = new StringBuilder("INSERT INTO regional_totals (scope, municipality_code, counts)\n");
        sql.Append("SELECT collaboration_id, split_part(key, ':', 1), ARRAY[\n    ").AppendJoin(",\n    ", sums).Append("]\n");
        sql.Append(CultureInfo.InvariantCulture, $"FROM participant_totals WHERE dimension IN ('{Dimensions.Municipality}', '{Dimensions.ExitMunicipality}')\n");
        sql.Append("GROUP BY 1, 2 ORDER BY 1, 2"); // in key order, as participant_totals: a scope's rows share a few pages
        return sql.ToString();
    }
}
