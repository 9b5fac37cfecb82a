using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>
/// ESF+ common indicators (Regulation 2021/1057, Annex I) by women, men and non-binary persons: output
/// indicators at entry for the participants started, result indicators on leaving for the exits.
/// </summary>
public sealed record EsfIndicatorsReport(
    Guid CollaborationId, string? Name, DateOnly AsOf, DateOnly? From, bool Exact, int? SuppressionThreshold,
    IReadOnlyList<ColumnHeader> Columns, SummaryRow Started, IReadOnlyList<SummaryTable> AtEntry, SummaryRow Exited, SummaryTable OnLeaving);

/// <summary>Builds the ESF+ indicators from pre-aggregated counts. Pure.</summary>
public static class EsfIndicatorsBuilder
{
    /// <summary>ESF+ age bands: below 18, 18–29, and 55 and over are the indicators; 30–54 and unknown complete the partition.</summary>
    private static readonly (string Key, string Sv, string En, AgeBand[] Bands)[] AgeGroups =
    [
        ("under-18", "under 18 år", "below 18", [AgeBand.Under18]),
        ("18-29", "18–29 år", "18–29", [AgeBand.From18To24, AgeBand.From25To29]),
        ("30-54", "30–54 år", "30–54", [AgeBand.From30To54]),
        ("55-and-over", "55 år och äldre", "55 and over", [AgeBand.From55]),
    ];

    public static EsfIndicatorsReport Build(Guid collaborationId, CollaborationFact? collaboration, DateOnly asOf, DateOnly? from,
        IReadOnlyCollection<DimensionCount> counts, ReportLanguage language, int? threshold)
    {
        var sv = language == ReportLanguage.Swedish;
        var lattice = new CountLattice();
        int[] Row(IEnumerable<DimensionCount> cs)
        {
            var cells = lattice.AddRow(CollaborationSummaryBuilder.Vector(cs));
            lattice.Line(cells);
            return cells;
        }
        var started = Row(counts.Where(c => c.Dimension == Dimensions.Started));

        var entryTables = new List<(string Dimension, string Label, List<(string Key, string Label, int[] Cells)> Rows)>();
        void Partition(string dimension, string label, IEnumerable<(string Key, string Label, Func<string, bool> Matches)> rows)
        {
            var list = rows.Select(r => (r.Key, r.Label, Cells: Row(counts.Where(c => c.Dimension == dimension && r.Matches(c.Key))))).ToList();
            for (var c = 0; c < 4; c++)
                lattice.Line([.. list.Select(r => r.Cells[c]), started[c]]);
            entryTables.Add((dimension, label, list));
        }
        var unknown = (Dimensions.UnknownKey, ReportLabels.Unknown(language), (Func<string, bool>)(k => k == Dimensions.UnknownKey));
        Partition(Dimensions.LabourMarketStatus, sv ? "arbetsmarknadsstatus vid inträde" : "labour-market status at entry",
            Enum.GetValues<LabourMarketStatus>().Select(s => (ServiceDefaults.Http.KebabCaseEnum.Name(s), Label(s, language), (Func<string, bool>)(k => k == s.ToString())))
                .Append(unknown));
        Partition(Dimensions.AgeBand, sv ? "ålder vid inträde" : "age at entry",
            AgeGroups.Select(g => (g.Key, sv ? g.Sv : g.En, (Func<string, bool>)(k => g.Bands.Any(b => b.ToString() == k)))).Append(unknown));
        Partition(Dimensions.EducationLevel, sv ? "utbildningsnivå vid inträde (ISCED)" : "education at entry (ISCED)",
            Enum.GetValues<EducationLevel>().Select(e => (ServiceDefaults.Http.KebabCaseEnum.Name(e), Label(e, language), (Func<string, bool>)(k => k == e.ToString())))
                .Append(unknown));

        var exited = Row(counts.Where(c => c.Dimension == Dimensions.ExitOutcome));
        bool Outcome(DimensionCount c, Func<ExitOutcome, bool> test) =>
            c.Dimension == Dimensions.ExitOutcome && Enum.TryParse<ExitOutcome>(c.Key, out var o) && test(o);
        // Result indicators overlap (a qualification goes with any outcome): each is its own row, not parts of the exits.
        var results = new List<(string Key, string Label, int[] Cells)>
        {
            ("job-searching", sv ? "söker arbete" : "job searching", Row(counts.Where(c => Outcome(c, o => o == ExitOutcome.JobSeeking)))),
            ("in-education-or-training", sv ? "i utbildning" : "in education or training", Row(counts.Where(c => Outcome(c, o => o == ExitOutcome.Studies)))),
            ("gained-qualification", sv ? "har fått en kvalifikation" : "gained a qualification", Row(counts.Where(c => c.Dimension == Dimensions.GainedQualification))),
            ("employed", sv ? "i arbete, inklusive egen företagare" : "employed, including self-employed", Row(counts.Where(c => Outcome(c, o => o.IsWork())))),
        };

        var hidden = threshold is { } t ? lattice.Suppress(t) : [];
        Cell CellAt(int cell) => threshold is { } th && hidden[cell] ? Cell.Hidden(th) : Cell.Shown(lattice.Value(cell));
        SummaryRow RowOf(string key, string label, int[] cells) => new(key, label, CellAt(cells[0]), CellAt(cells[1]), CellAt(cells[2]), CellAt(cells[3]));
        var startedRow = RowOf("", ReportLabels.Dimension(Dimensions.Started, language), started);
        var exitedRow = RowOf("", OutcomeLabels.Exited(language), exited);
        var columns = CollaborationSummaryBuilder.Genders.Select(g => new ColumnHeader(CollaborationSummaryBuilder.GenderKey(g), ReportLabels.Gender(g, language)))
            .Append(new ColumnHeader("total", ReportLabels.Total(language))).ToList();
        return new EsfIndicatorsReport(collaborationId, collaboration?.Name, asOf, from, threshold is null, threshold, columns, startedRow,
            entryTables.Select(t => new SummaryTable(t.Dimension, t.Label, t.Rows.Select(r => RowOf(r.Key, r.Label, r.Cells)).ToList(), startedRow with { Label = ReportLabels.Total(language) })).ToList(),
            exitedRow, new SummaryTable("result", sv ? "resultat vid avslut" : "results on leaving", results.Select(r => RowOf(r.Key, r.Label, r.Cells)).ToList(), null));
    }

    private static string Label(LabourMarketStatus status, ReportLanguage language) => (status, language == ReportLanguage.Swedish) switch
    {
        (LabourMarketStatus.Unemployed, true) => "arbetslös",
        (LabourMarketStatus.LongTermUnemployed, true) => "långtidsarbetslös",
        (LabourMarketStatus.Inactive, true) => "utanför arbetskraften",
        (LabourMarketStatus.Employed, true) => "sysselsatt, inklusive egen företagare",
        (LabourMarketStatus.Unemployed, false) => "unemployed",
        (LabourMarketStatus.LongTermUnemployed, false) => "long-term unemployed",
        (LabourMarketStatus.Inactive, false) => "inactive",
        _ => "employed, including self-employed",
    };

    private static string Label(EducationLevel level, ReportLanguage language) => (level, language == ReportLanguage.Swedish) switch
    {
        (EducationLevel.PrimaryOrLowerSecondary, true) => "förgymnasial (ISCED 0–2)",
        (EducationLevel.UpperSecondaryOrPostSecondary, true) => "gymnasial (ISCED 3–4)",
        (EducationLevel.Tertiary, true) => "eftergymnasial (ISCED 5–8)",
        (EducationLevel.PrimaryOrLowerSecondary, false) => "ISCED 0–2",
        (EducationLevel.UpperSecondaryOrPostSecondary, false) => "ISCED 3–4",
        _ => "ISCED 5–8",
    };
}
