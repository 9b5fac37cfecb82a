using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samverkan.Reporting.Model;

namespace Samverkan.Reporting.Apis;

/// <summary>The query parameters every report takes (bound with <c>[AsParameters]</c>), documented once.</summary>
public sealed class ReportQuery
{
    [FromQuery(Name = "asOf"), Description("Count up to this date (YYYY-MM-DD); today when absent. Same as 'to'.")]
    public string? AsOf { get; init; }

    [FromQuery(Name = "from"), Description("Start of a period (YYYY-MM-DD): count only what happened from this date to 'to'/'asOf'.")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("End of the period (YYYY-MM-DD), included.")]
    public string? To { get; init; }

    [FromQuery(Name = "lang"), Description("Language of the labels: sv (the default) or en.")]
    public string? Lang { get; init; }

    // Nullable so that it is optional: a non-nullable property of a parameter object is a required parameter.
    [FromQuery(Name = "publication"), Description("true for figures meant for publication: always suppressed.")]
    public bool? Publication { get; init; }

    [FromQuery(Name = "format"), Description(ReportOutput.FormatDescription)]
    public string? Format { get; init; }

    /// <summary>The parsed request, or null with every bad field named in <paramref name="errors"/>.</summary>
    public ReportRequest? Parse(IDictionary<string, string[]> errors)
    {
        var period = ReportPeriod.Parse(From, To, AsOf, ReportsApi.Today, errors);
        var language = ReportsApi.ParseLanguage(Lang);
        if (language is null)
            errors["lang"] = ["Use 'sv' or 'en'."];
        var format = ReportOutput.ParseFormat(Format, errors);
        return errors.Count > 0 ? null : new ReportRequest(period!, language!.Value, format!.Value, Publication ?? false);
    }

    /// <summary>An optional <c>?collaboration=</c> filter: null when absent; a GUID or an error naming the field.</summary>
    public static Guid? ParseCollaboration(string? collaboration, IDictionary<string, string[]> errors)
    {
        if (collaboration is null)
            return null;
        if (Guid.TryParse(collaboration, out var id))
            return id;
        errors["collaboration"] = ["Use a collaboration id (a GUID)."];
        return null;
    }
}

/// <summary>What a report was asked for: its period, language, format and whether it is for publication.</summary>
public sealed record ReportRequest(ReportPeriod Period, ReportLanguage Language, ReportFormat Format, bool Publication)
{
    /// <summary>A title or label in the request's language.</summary>
    public string Text(string swedish, string english) => Language == ReportLanguage.Swedish ? swedish : english;

    /// <summary>
    /// The suppression threshold for this view of the report (<see cref="ReportAccess"/>), or null for exact figures;
    /// always the threshold when the request is for publication.
    /// </summary>
    public int? Threshold(ReportView view, IOptions<ReportingOptions> options) =>
        view == ReportView.Exact && !Publication ? null : options.Value.SuppressionThreshold;
}
