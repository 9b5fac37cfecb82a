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

    /// <summary>
    /// The request as a viewer of suppressed figures (<paramref name="threshold"/> not null) may make it: periods and
    /// as-of dates are whole calendar months, so that two requests a day apart cannot be subtracted to single out who
    /// started or left that day. A period starts on the first of a month and ends on the last day of one; an as-of date
    /// is the last day of a month; other dates are refused (400, the field named), not moved, so a figure never claims
    /// a date it was not counted at. With no end date, the end of the current month (all that is recorded so far).
    /// Exact figures take any dates.
    /// </summary>
    public ReportRequest? InWholeMonths(ReportRequest request, int? threshold, IDictionary<string, string[]> errors)
    {
        if (threshold is null)
            return request;
        var period = request.Period;
        RequireMonthBoundaries(period, errors,
            "Suppressed figures are for whole calendar months: start on the first day of a month.",
            "Suppressed figures are for whole calendar months: end on the last day of a month.");
        if (errors.Count > 0)
            return null;
        var end = EndField is null ? new DateOnly(period.To.Year, period.To.Month, DateTime.DaysInMonth(period.To.Year, period.To.Month)) : period.To;
        return request with { Period = period with { To = end } };
    }

    /// <summary>
    /// Names the dates the caller gave that are not month boundaries: a period's start that is not the first of a month,
    /// an end (<c>to</c> or <c>asOf</c>) that is not the last day of one. The one check for every report that counts
    /// whole months (suppressed figures, cross-tables), each with its own words for why.
    /// </summary>
    public void RequireMonthBoundaries(ReportPeriod period, IDictionary<string, string[]> errors, string startMessage, string endMessage)
    {
        if (period.From is { Day: not 1 })
            errors["from"] = [startMessage];
        if (EndField is { } field && period.To.Day != DateTime.DaysInMonth(period.To.Year, period.To.Month))
            errors[field] = [endMessage];
    }

    /// <summary>The end date's field as the caller gave it, or null when they gave none.</summary>
    public string? EndField => To is not null ? "to" : AsOf is not null ? "asOf" : null;

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
