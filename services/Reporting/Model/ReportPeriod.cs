using System.Globalization;

namespace Samverkan.Reporting.Model;

/// <summary>
/// What a report counts: everything up to <see cref="To"/> (an as-of date), or, with <see cref="From"/>,
/// what happened between the two dates, both included.
/// </summary>
public sealed record ReportPeriod(DateOnly? From, DateOnly To)
{
    /// <summary>Reads ?from=&amp;to= or ?asOf= (to and asOf are the same end date; today when absent).</summary>
    public static ReportPeriod? Parse(string? from, string? to, string? asOf, DateOnly today, IDictionary<string, string[]> errors)
    {
        DateOnly? Date(string? value, string field)
        {
            if (value is null)
                return null;
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return d;
            errors[field] = ["Use a date as YYYY-MM-DD."];
            return null;
        }
        var start = Date(from, "from");
        var end = Date(to, "to");
        var asOfDate = Date(asOf, "asOf");
        if (end is not null && asOfDate is not null && end != asOfDate)
            errors["asOf"] = ["Give either asOf or to, not two different end dates."];
        var period = new ReportPeriod(start, end ?? asOfDate ?? today);
        if (start > period.To)
            errors["from"] = ["from must be on or before the end date (to/asOf)."];
        return errors.Count > 0 ? null : period;
    }
}
