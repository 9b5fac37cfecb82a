using Samverkan.Contracts.Participants;

namespace Samverkan.Actors.Model;

/// <summary>A collaboration's recorded hours of one month and benefit (null: unknown, from older events), summed over participants.</summary>
public sealed record RecordedMonth(DateOnly Month, BenefitType? Benefit, decimal Hours);

public sealed record MonthHours(DateOnly Month, decimal Hours);

/// <summary>One plan line with the recorded hours attributed to it.</summary>
public sealed record CoFinancingLineOutcome(BenefitType BenefitType, decimal PlannedHours, decimal? Amount, decimal? HourlyValue, decimal RecordedHours);

/// <summary>
/// One contributing actor's year: planned against recorded hours month by month, the pace, the forecast to the end of the
/// year's window and how far short of plan it falls. <see cref="ForecastHours"/>, <see cref="MonthlyPace"/> and
/// <see cref="ShortfallShare"/> are null while no month of the window is over (no pace to go by yet).
/// </summary>
public sealed record CoFinancingActorYear(
    Guid ActorId, decimal PlannedHours, decimal RecordedHours, IReadOnlyList<MonthHours> Months, IReadOnlyList<CoFinancingLineOutcome> Lines,
    int MonthsOver, int MonthsInWindow, decimal? MonthlyPace, decimal? ForecastHours, decimal? ShortfallShare, bool BehindPlan);

/// <summary>The part of a year within the collaboration's period, and its actors.</summary>
public sealed record CoFinancingYear(int Year, DateOnly From, DateOnly To, IReadOnlyList<CoFinancingActorYear> Actors);

public sealed record CoFinancingForecastResult(
    DateOnly AsOf, decimal ShortfallWarningShare, IReadOnlyList<CoFinancingYear> Years, IReadOnlyList<RecordedMonth> Unattributed);

/// <summary>
/// Co-financing planned against recorded, as pure rules. Hours are attributed by the participant's benefit at start:
/// a month's hours on a benefit go to the plan lines of that year and benefit, split in proportion to their planned hours
/// when several actors plan the same benefit (evenly when those plan none); hours on a benefit no line of the year plans,
/// of unknown benefit, or outside the collaboration's period are unattributed.
/// </summary>
public static class CoFinancingForecast
{
    /// <summary>The forecast rule, stated once: in the code below and, word for word, in the report.</summary>
    public const string Rule =
        "Per year and contributing actor, over the months of the year within the collaboration's period (a month partly within counts whole). " +
        "Pace = hours recorded in the months already over (before the as-of date's month) / their number. " +
        "Forecast = hours of the months already over + for each month not yet over, the greater of its recorded hours and the pace. " +
        "While no month is over there is no pace, no forecast and no warning. " +
        "Shortfall share = (planned - forecast) / planned when the forecast is below plan, else 0; " +
        "behind plan when it exceeds the configured share.";

    public const string Attribution =
        "A month's hours count by the participant's benefit at start, for the plan lines of that year and benefit; " +
        "several actors planning the same benefit in a year share its hours in proportion to their planned hours. " +
        "Hours of unknown benefit (recorded before the benefit was carried), of a benefit no line plans, or outside the period are unattributed.";

    public static CoFinancingForecastResult Evaluate(
        DateOnly start, DateOnly end, IReadOnlyList<CoFinancingLine> lines, IEnumerable<RecordedMonth> recorded, DateOnly asOf, decimal shortfallWarningShare)
    {
        var currentMonth = FirstOfMonth(asOf);
        var byMonthAndBenefit = recorded
            .GroupBy(r => (Month: FirstOfMonth(r.Month), r.Benefit))
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Hours));

        // Hours of each line per month: the attribution, decided here once.
        var attributed = new Dictionary<CoFinancingLine, Dictionary<DateOnly, decimal>>();
        var unattributed = new List<RecordedMonth>();
        foreach (var ((month, benefit), hours) in byMonthAndBenefit.OrderBy(kv => kv.Key.Month).ThenBy(kv => kv.Key.Benefit))
        {
            var inPeriod = month <= end && month.AddMonths(1) > start;
            var sharing = inPeriod && benefit is { } b ? lines.Where(l => l.Year == month.Year && l.BenefitType == b).ToList() : [];
            if (sharing.Count == 0)
            {
                unattributed.Add(new RecordedMonth(month, benefit, hours));
                continue;
            }
            var planned = sharing.Sum(l => l.PlannedHours);
            foreach (var line in sharing)
            {
                var share = planned > 0 ? line.PlannedHours / planned : 1m / sharing.Count;
                var months = attributed.TryGetValue(line, out var m) ? m : attributed[line] = [];
                months[month] = months.GetValueOrDefault(month) + hours * share;
            }
        }

        var years = new List<CoFinancingYear>();
        foreach (var yearLines in lines.Where(l => l.Year >= start.Year && l.Year <= end.Year).GroupBy(l => l.Year).OrderBy(g => g.Key))
        {
            var from = Max(new DateOnly(yearLines.Key, 1, 1), start);
            var to = Min(new DateOnly(yearLines.Key, 12, 31), end);
            var window = MonthsBetween(from, to);
            var actors = yearLines.GroupBy(l => l.ActorId).Select(actorLines =>
            {
                var monthly = window.Select(month => new MonthHours(month,
                    actorLines.Sum(l => attributed.TryGetValue(l, out var m) ? m.GetValueOrDefault(month) : 0m))).ToList();
                var outcomes = actorLines.Select(l => new CoFinancingLineOutcome(l.BenefitType, l.PlannedHours, l.Amount, l.HourlyValue,
                    attributed.TryGetValue(l, out var m) ? m.Values.Sum() : 0m)).ToList();
                return ActorYear(actorLines.Key, actorLines.Sum(l => l.PlannedHours), monthly, outcomes, currentMonth, shortfallWarningShare);
            }).OrderBy(a => a.ActorId).ToList();
            years.Add(new CoFinancingYear(yearLines.Key, from, to, actors));
        }
        return new CoFinancingForecastResult(asOf, shortfallWarningShare, years, unattributed);
    }

    /// <summary><see cref="Rule"/> over one actor's months of one year's window.</summary>
    public static CoFinancingActorYear ActorYear(
        Guid actorId, decimal planned, IReadOnlyList<MonthHours> months, IReadOnlyList<CoFinancingLineOutcome> lines, DateOnly currentMonth, decimal shortfallWarningShare)
    {
        var over = months.Where(m => m.Month < currentMonth).ToList();
        var notOver = months.Where(m => m.Month >= currentMonth).ToList();
        decimal? pace = null, forecast = null, shortfall = null;
        if (over.Count > 0)
        {
            pace = over.Sum(m => m.Hours) / over.Count;
            forecast = over.Sum(m => m.Hours) + notOver.Sum(m => Math.Max(m.Hours, pace.Value));
            shortfall = planned > 0 && forecast < planned ? (planned - forecast) / planned : 0m;
        }
        // Decided on the exact figures; shown rounded (hours to 0.01, shares to 0.0001), since shared hours divide unevenly.
        return new(actorId, Round(planned), Round(months.Sum(m => m.Hours)), months.Select(m => m with { Hours = Round(m.Hours) }).ToList(),
            lines.Select(l => l with { PlannedHours = Round(l.PlannedHours), RecordedHours = Round(l.RecordedHours) }).ToList(),
            over.Count, months.Count, Round(pace), Round(forecast), shortfall is { } s ? Math.Round(s, 4) : null, shortfall > shortfallWarningShare);
    }

    private static decimal Round(decimal hours) => Math.Round(hours, 2);
    private static decimal? Round(decimal? hours) => hours is { } h ? Round(h) : null;

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<DateOnly> MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var m = FirstOfMonth(from); m <= to; m = m.AddMonths(1))
            months.Add(m);
        return months;
    }
}
