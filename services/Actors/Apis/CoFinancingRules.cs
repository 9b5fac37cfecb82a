using Samverkan.Actors.Model;

namespace Samverkan.Actors.Apis;

/// <summary>
/// Rules across a co-financing plan's fields, as pure functions returning errors keyed by the field at fault: a year within
/// the collaboration's period, an actor that is a member in that year, hours or an amount with a positive hourly value,
/// nothing negative, each (year, actor, benefit type) once.
/// </summary>
public static class CoFinancingRules
{
    /// <summary>Far above any project's hours or budget; what keeps sums and divisions from overflowing.</summary>
    private const decimal Ceiling = 1_000_000_000m;

    public static Dictionary<string, string[]> Validate(CoFinancingPlanRequest request, Collaboration collaboration)
    {
        var errors = new Dictionary<string, string[]>();
        var lines = request.Lines ?? [];
        var seen = new HashSet<(int, Guid, Contracts.Participants.BenefitType)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var path = $"lines[{i}]";
            if (lines[i] is not { } line)
            {
                errors[path] = ["An empty entry."];
                continue;
            }
            if (line.Year is { } year && (year < collaboration.StartDate.Year || year > collaboration.EndDate.Year))
                errors[$"{path}.year"] = [$"Outside the collaboration's period ({collaboration.StartDate:yyyy-MM-dd} – {collaboration.EndDate:yyyy-MM-dd})."];
            else if (line is { Year: { } y, ActorId: { } actorId } && !collaboration.Members.Any(m => m.ActorId == actorId && IsMemberIn(m, y)))
                errors[$"{path}.actorId"] = ["Not a member of the collaboration in that year."];

            switch (line)
            {
                case { Hours: null, Amount: null }:
                    errors[$"{path}.hours"] = ["State the hours, or an amount and an hourly value."];
                    break;
                case { Hours: not null, Amount: not null }:
                    errors[$"{path}.amount"] = ["Either hours or an amount, not both."];
                    break;
                case { Hours: < 0 or > Ceiling }:
                    errors[$"{path}.hours"] = ["The hours are from 0 to 1,000,000,000."];
                    break;
                case { Amount: < 0 or > Ceiling }:
                    errors[$"{path}.amount"] = ["The amount is from 0 to 1,000,000,000 SEK."];
                    break;
                case { Amount: not null, HourlyValue: null }:
                    errors[$"{path}.hourlyValue"] = ["An amount needs the hourly value (SEK per hour) that turns it into hours."];
                    break;
            }
            if (line.HourlyValue is <= 0 or > Ceiling)
                errors[$"{path}.hourlyValue"] = ["The hourly value is more than 0 SEK."];
            if (line is { Year: { } yr, ActorId: { } actor, BenefitType: { } benefit } && !seen.Add((yr, actor, benefit)))
                errors[path] = ["The same year, actor and benefit type are listed twice."];
        }
        return errors;
    }

    /// <summary>
    /// A collaboration's new period must still hold every year its co-financing plan has lines for: otherwise the report
    /// would drop those promises without a word. Keyed by the date that cuts them off.
    /// </summary>
    public static Dictionary<string, string[]> PeriodErrors(IEnumerable<CoFinancingLine> lines, DateOnly start, DateOnly end)
    {
        var errors = new Dictionary<string, string[]>();
        var years = lines.Select(l => l.Year).Distinct().Order().ToList();
        if (years.Where(y => y < start.Year).ToList() is { Count: > 0 } before)
            errors["startDate"] = [$"The co-financing plan has lines for {string.Join(", ", before)}; change the plan first."];
        if (years.Where(y => y > end.Year).ToList() is { Count: > 0 } after)
            errors["endDate"] = [$"The co-financing plan has lines for {string.Join(", ", after)}; change the plan first."];
        return errors;
    }

    /// <summary>Whether the membership overlaps the year, so a plan of past years stays valid after a member leaves.</summary>
    private static bool IsMemberIn(CollaborationMember m, int year) =>
        m.JoinedOn <= new DateOnly(year, 12, 31) && (m.LeftOn is null || m.LeftOn >= new DateOnly(year, 1, 1));

    public static List<CoFinancingLine> ToModel(CoFinancingPlanRequest request) => (request.Lines ?? []).Select(l => new CoFinancingLine
    {
        Year = l.Year!.Value, ActorId = l.ActorId!.Value, BenefitType = l.BenefitType!.Value,
        Hours = l.Hours, Amount = l.Amount, HourlyValue = l.HourlyValue,
    }).ToList();
}
