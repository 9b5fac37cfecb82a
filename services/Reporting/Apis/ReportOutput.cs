using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Reporting.Model.Export;

namespace Samverkan.Reporting.Apis;

public enum ReportFormat { Json, Csv, Xlsx, Svg }

/// <summary>The query parameters every report shares, and the files its exports are served as.</summary>
internal static class ReportOutput
{
    public const string FormatDescription = "json (the default), csv, xlsx, or svg (a bar chart per table).";

    public static ReportFormat? ParseFormat(string? format, IDictionary<string, string[]> errors)
    {
        ReportFormat? parsed = format?.ToLowerInvariant() switch
        {
            null or "json" => ReportFormat.Json,
            "csv" => ReportFormat.Csv,
            "xlsx" => ReportFormat.Xlsx,
            "svg" => ReportFormat.Svg,
            _ => null,
        };
        if (parsed is null)
            errors["format"] = ["Use 'json', 'csv', 'xlsx' or 'svg'."];
        return parsed;
    }

    /// <summary>The export of <paramref name="tables"/>, with the legend of its hidden figures when it has any (<see cref="ExportLegend"/>).</summary>
    public static FileContentHttpResult File(ReportFormat format, IReadOnlyList<ExportTable> tables, string title, string fileName,
        Model.ReportLanguage language = Model.ReportLanguage.Swedish)
    {
        tables = ExportLegend.Append(tables, language);
        return Write(format, tables, title, fileName);
    }

    private static FileContentHttpResult Write(ReportFormat format, IReadOnlyList<ExportTable> tables, string title, string fileName) => format switch
    {
        ReportFormat.Csv => TypedResults.File(CsvExport.Write(tables), "text/csv; charset=utf-8", fileName + ".csv"),
        ReportFormat.Xlsx => TypedResults.File(XlsxExport.Write(tables, title),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx"),
        ReportFormat.Svg => TypedResults.File(SvgChart.Write(tables, title), "image/svg+xml", fileName + ".svg"),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is not a file."),
    };
}
