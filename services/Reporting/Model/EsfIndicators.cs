using Samverkan.Contracts.Participants;

namespace Samverkan.Reporting.Model;

/// <summary>
/// ESF+ common indicators (Regulation 2021/1057, Annex I) by women, men and non-binary persons: output
/// indicators at entry for the participants started, result indicators on leaving for the exits.
/// </summary>
public sealed record EsfIndicatorsReport(
    Guid CollaborationId, string? Name, DateOnly AsOf, DateOnly? From, bool Exact, int? SuppressionThreshold,
    IReadOnlyList<ColumnHeader> Columns, SummaryRow Started, IReadOnlyList<SummaryTable> AtEntry, SummaryRow Exited, SummaryTable OnLeaving)
{
    /// <summary>The marks hidden figures are shown with, and what each means (<see cref="SuppressionMarks"/>); empty when exact.</summary>
    public IReadOnlyList<SuppressionMark> Marks { get; init; } = [];
}

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
        IReadOnlyCollection<DimensionCount> counts, ReportLanguage language, int? threshold) =>
        Render(collaborationId, collaboration, asOf, from, counts, language, new SuppressionPattern(threshold));

    /// <summary>
    /// The indicators rendered from <paramref name="pattern"/>. Their rows are registered under the keys the summary
    /// uses for the same people (age bands, outcomes, the work group), so in a collaboration's pattern the two reports
    /// hide them alike; 18–29 is a group cell bound to its two bands.
    /// </summary>
    public static EsfIndicatorsReport Render(Guid collaborationId, CollaborationFact? collaboration, DateOnly asOf, DateOnly? from,
        IReadOnlyCollection<DimensionCount> counts, ReportLanguage language, CellPattern pattern)
    {
        var threshold = pattern.Threshold;
        var sv = language == ReportLanguage.Swedish;
        int[] Row(string key, IEnumerable<DimensionCount> cs) => pattern.Row(key, CollaborationSummaryBuilder.Vector(cs));
        var started = Row(Dimensions.Started, counts.Where(c => c.Dimension == Dimensions.Started));

        var entryTables = new List<(string Dimension, string Label, List<(string Key, string Label, int[] Cells)> Rows)>();
        void Partition(string dimension, string label, IEnumerable<(string Key, string Label, string[] Keys)> rows)
        {
            var list = rows.Select(r => (r.Key, r.Label, Cells: pattern.Group($"{dimension}-group:{string.Join('+', r.Keys)}",
                r.Keys.Select(k => Row($"{dimension}:{k}", counts.Where(c => c.Dimension == dimension && c.Key == k))).ToList()))).ToList();
            pattern.Partition(list.Select(r => r.Cells).ToList(), started);
            entryTables.Add((dimension, label, list));
        }
        var unknown = (Dimensions.UnknownKey, ReportLabels.Unknown(language), new[] { Dimensions.UnknownKey });
        Partition(Dimensions.LabourMarketStatus, sv ? "arbetsmarknadsstatus vid inträde" : "labour-market status at entry",
            Enum.GetValues<LabourMarketStatus>().Select(s => (ServiceDefaults.Http.KebabCaseEnum.Name(s), Label(s, language), new[] { s.ToString() }))
                .Append(unknown));
        Partition(Dimensions.AgeBand, sv ? "ålder vid inträde" : "age at entry",
            AgeGroups.Select(g => (g.Key, sv ? g.Sv : g.En, g.Bands.Select(b => b.ToString()).ToArray())).Append(unknown));
        Partition(Dimensions.EducationLevel, sv ? "utbildningsnivå vid inträde (ISCED)" : "education at entry (ISCED)",
            Enum.GetValues<EducationLevel>().Select(e => (ServiceDefaults.Http.KebabCaseEnum.Name(e), Label(e, language), new[] { e.ToString() }))
                .Append(unknown));

        var outcomeCells = Enum.GetValues<ExitOutcome>().ToDictionary(o => o,
            o => Row(CollaborationSummaryBuilder.OutcomeKey(o), counts.Where(c => c.Dimension == Dimensions.ExitOutcome && c.Key == o.ToString())));
        var exited = Row(CollaborationSummaryBuilder.ExitedKey, counts.Where(c => c.Dimension == Dimensions.ExitOutcome));
        pattern.Partition(outcomeCells.Values.ToList(), exited);
        // Result indicators overlap (a qualification goes with any outcome): each is its own row, not parts of the exits.
        var results = new List<(string Key, string Label, int[] Cells)>
        {
            ("job-searching", sv ? "söker arbete" : "job searching", outcomeCells[ExitOutcome.JobSeeking]),
            ("in-education-or-training", sv ? "i utbildning" : "in education or training", outcomeCells[ExitOutcome.Studies]),
            ("gained-qualification", sv ? "har fått en kvalifikation" : "gained a qualification",
                Row(Dimensions.GainedQualification, counts.Where(c => c.Dimension == Dimensions.GainedQualification))),
            ("employed", sv ? "i arbete, inklusive egen företagare" : "employed, including self-employed",
                pattern.Group(CollaborationSummaryBuilder.GroupKey(OutcomeLabels.WorkKey),
                    Enum.GetValues<ExitOutcome>().Where(o => o.IsWork()).Select(o => outcomeCells[o]).ToList())),
        };

        pattern.Seal();
        SummaryRow RowOf(string key, string label, int[] cells) =>
            new(key, label, pattern.CellAt(cells[0]), pattern.CellAt(cells[1]), pattern.CellAt(cells[2]), pattern.CellAt(cells[3]));
        var startedRow = RowOf("", ReportLabels.Dimension(Dimensions.Started, language), started);
        var exitedRow = RowOf("", OutcomeLabels.Exited(language), exited);
        var columns = CollaborationSummaryBuilder.Genders.Select(g => new ColumnHeader(CollaborationSummaryBuilder.GenderKey(g), ReportLabels.Gender(g, language)))
            .Append(new ColumnHeader("total", ReportLabels.Total(language))).ToList();
        return new EsfIndicatorsReport(collaborationId, collaboration?.Name, asOf, from, threshold is null, threshold, columns, startedRow,
            entryTables.Select(t => new SummaryTable(t.Dimension, t.Label, t.Rows.Select(r => RowOf(r.Key, r.Label, r.Cells)).ToList(), startedRow with { Label = ReportLabels.Total(language) })).ToList(),
            exitedRow, new SummaryTable("result", sv ? "resultat vid avslut" : "results on leaving", results.Select(r => RowOf(r.Key, r.Label, r.Cells)).ToList(), null))
        {
            Marks = SuppressionMarks.Legend(threshold, language),
        };
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
