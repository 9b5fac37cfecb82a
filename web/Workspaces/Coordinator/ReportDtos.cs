using System.Globalization;

namespace Samverkan.Web.Workspaces.Coordinator;

// What the coordinator's pages read from Reporting (services/Reporting/Model). Only the fields the pages show.

/// <summary>
/// A count as the API lets this person see it. The regional view sends lean cells (<c>{"count": 12}</c>, or
/// <c>{"display": "&lt;5", "suppressed": true}</c>), the other reports both fields, so the text falls back to the count.
/// </summary>
public sealed record Cell(int? Count, string? Display, bool Suppressed)
{
    public string Text => Display ?? Count?.ToString(CultureInfo.InvariantCulture) ?? "–";
    public Figure AsFigure() => new(Count, Text, Suppressed);
}

/// <summary>A percentage as the API lets this person see it (lean or full, as <see cref="Cell"/>).</summary>
public sealed record Share(decimal? Percent, string? Display, bool Suppressed)
{
    public string Text => Display ?? (Percent is { } percent ? SwedishFormat.Number(percent, "0.0") : null) ?? "–";
    public Figure AsFigure() => new(Percent, Text, Suppressed);
}

public sealed record ColumnHeader(string Key, string Label);

public sealed record SummaryRow(string Key, string Label, Cell Women, Cell Men, Cell NonBinary, Cell Total)
{
    public IReadOnlyList<Cell> Cells => [Women, Men, NonBinary, Total];
}

public sealed record SummaryTable(string Dimension, string Label, IReadOnlyList<SummaryRow> Rows, SummaryRow? Totals);

public sealed record VolumeAgainstTarget(int Target, Cell Started, decimal? SharePercent);

public sealed record Shares(Share Women, Share Men, Share NonBinary, Share Total)
{
    public IReadOnlyList<Share> All => [Women, Men, NonBinary, Total];
}

public sealed record ExitRow(string Key, string Label, bool Group, Cell Women, Cell Men, Cell NonBinary, Cell Total, Shares Shares)
{
    public IReadOnlyList<Cell> Cells => [Women, Men, NonBinary, Total];
}

public sealed record ExitTable(string Label, IReadOnlyList<ExitRow> Rows, SummaryRow Totals);

public sealed record TargetComparison(decimal TargetPercent, Share Actual, bool? Met);

public sealed record MonthHours(string Month, decimal? Hours, string Display, bool Suppressed, int? Participants);

public sealed record CollaborationSummaryReport(
    Guid CollaborationId, string? Name, DateOnly AsOf, DateOnly? From, bool Exact, int? SuppressionThreshold,
    IReadOnlyList<ColumnHeader> Columns, SummaryRow Started, VolumeAgainstTarget? Volume, IReadOnlyList<SummaryTable> Tables,
    ExitTable Exits, TargetComparison? WorkOrStudiesAgainstTarget, SummaryRow Active, IReadOnlyList<MonthHours> HoursByMonth);

public sealed record OutcomeFigures(string Key, string Label, SummaryRow Counts, Shares Shares);

public sealed record MunicipalityFigures(
    string MunicipalityCode, string Name, SummaryRow Started, Shares StartedShares, SummaryRow Exited, IReadOnlyList<OutcomeFigures> Outcomes);

public sealed record RegionalViewReport(
    DateOnly AsOf, DateOnly? From, Guid? CollaborationId, string? MunicipalityCode, bool Exact, int? SuppressionThreshold,
    IReadOnlyList<ColumnHeader> Columns, IReadOnlyList<ColumnHeader> Outcomes, IReadOnlyList<MunicipalityFigures> Municipalities,
    MunicipalityFigures Total);

public sealed record ContributionFigures(string Kind, string Label, decimal Quantity, string Unit, Cell? Delivered, decimal? DeliveredPercent);

public sealed record ActorAgreement(
    Guid ActorId, string Name, Guid AgreementId, int Version, DateOnly ValidFrom, DateOnly ValidTo, DateOnly? TerminatedOn,
    IReadOnlyList<ContributionFigures> Contributions);

public sealed record AgreementsReport(
    Guid CollaborationId, string? Name, DateOnly AsOf, bool Exact, int? SuppressionThreshold, IReadOnlyList<ActorAgreement> Actors);

/// <summary>Reporting's rebuild of its read models: <c>StepsDone</c> of <c>StepsTotal</c>, <c>State</c> as the runner names it.</summary>
public sealed record RebuildStatus(
    Guid Id, string State, string? Step, int StepsDone, int StepsTotal, long EventsInHistory,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error);
