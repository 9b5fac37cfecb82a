using Samverkan.Actors.Model;

namespace Samverkan.Actors.Apis;

/// <summary>
/// The rules across fields of a collaboration's plan, as pure functions returning errors keyed by the JSON
/// path of the field at fault (empty when the input is valid).
/// </summary>
public static class CollaborationRules
{
    public static Dictionary<string, string[]> Validate(CollaborationPlanRequest plan)
    {
        var errors = new Dictionary<string, string[]>();
        Period(plan.StartDate, plan.EndDate, errors);
        Financing(plan.Financing, errors);
        Targets(plan.Targets, errors);
        return errors;
    }

    public static void Period(DateOnly? start, DateOnly? end, Dictionary<string, string[]> errors)
    {
        if (start is null) errors["startDate"] = ["A collaboration needs a start date."];
        if (end is null) errors["endDate"] = ["A collaboration needs an end date."];
        if (start > end) errors["endDate"] = [$"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}."];
    }

    public static void Financing(FinancingRequest? financing, Dictionary<string, string[]> errors)
    {
        if (financing?.Budget < 0) errors["financing.budget"] = ["The budget cannot be negative."];
    }

    /// <summary>
    /// A target that cannot be followed up is refused with the reason: a volume needs numbers, a share
    /// must be a percentage, and an indicator needs what it measures, a target value and a unit.
    /// </summary>
    public static void Targets(TargetsRequest? targets, Dictionary<string, string[]> errors)
    {
        if (targets is null)
        {
            errors["targets"] = ["A collaboration needs measurable targets."];
            return;
        }
        var p = targets.Participants;
        if (p is null)
            errors["targets.participants"] = ["Participant volume cannot be measured without a target: give total, women and men."];
        else
        {
            NonNegativeCount(p.Total, "targets.participants.total", "total", errors);
            NonNegativeCount(p.Women, "targets.participants.women", "women", errors);
            NonNegativeCount(p.Men, "targets.participants.men", "men", errors);
            if (p.NonBinary < 0) errors["targets.participants.nonBinary"] = ["A participant count cannot be negative."];
            if (p.Total is > 0 && p.Women >= 0 && p.Men >= 0 && p.Women + p.Men + (p.NonBinary ?? 0) > p.Total)
                errors["targets.participants.total"] = [$"Women, men and non-binary ({p.Women + p.Men + (p.NonBinary ?? 0)}) add up to more than the total ({p.Total})."];
        }

        if (targets.ExitToWorkOrStudiesShare is not { } share)
            errors["targets.exitToWorkOrStudiesShare"] = ["The share of exits to work or studies cannot be measured without a target percentage."];
        else if (share is < 0 or > 100)
            errors["targets.exitToWorkOrStudiesShare"] = ["The share of exits to work or studies is a percentage from 0 to 100."];

        for (var i = 0; i < (targets.Indicators?.Count ?? 0); i++)
        {
            var indicator = targets.Indicators![i];
            var path = $"targets.indicators[{i}]";
            if (indicator is null)
            {
                errors[path] = ["An empty indicator cannot be measured."];
                continue;
            }
            if (string.IsNullOrWhiteSpace(indicator.Name))
                errors[$"{path}.name"] = ["An indicator must say what it measures."];
            if (indicator.TargetValue is null)
                errors[$"{path}.targetValue"] = ["An indicator without a target value cannot be measured."];
            else if (indicator.TargetValue < 0)
                errors[$"{path}.targetValue"] = ["An indicator's target value cannot be negative."];
            if (string.IsNullOrWhiteSpace(indicator.Unit))
                errors[$"{path}.unit"] = ["An indicator without a unit cannot be measured: say what the target value counts."];
        }
    }

    private static void NonNegativeCount(int? value, string path, string what, Dictionary<string, string[]> errors)
    {
        if (value is null) errors[path] = [$"Participant volume cannot be measured without a target for {what}."];
        else if (value < 0) errors[path] = ["A participant count cannot be negative."];
    }

    /// <summary>The validated request as the stored plan. Call only after <see cref="Validate"/> found nothing.</summary>
    public static (Financing, MeasurableTargets) ToModel(CollaborationPlanRequest plan) =>
    (
        new Financing
        {
            Source = plan.Financing!.Source!.Value,
            ProgrammeArea = string.IsNullOrWhiteSpace(plan.Financing.ProgrammeArea) ? null : plan.Financing.ProgrammeArea.Trim(),
            Budget = plan.Financing.Budget!.Value,
        },
        new MeasurableTargets
        {
            Participants = new ParticipantTargets
            {
                Total = plan.Targets!.Participants!.Total!.Value,
                Women = plan.Targets.Participants.Women!.Value,
                Men = plan.Targets.Participants.Men!.Value,
                NonBinary = plan.Targets.Participants.NonBinary,
            },
            ExitToWorkOrStudiesShare = plan.Targets.ExitToWorkOrStudiesShare!.Value,
            Indicators = plan.Targets.Indicators?.Select(i => new IndicatorTarget
            {
                Name = i.Name!.Trim(), TargetValue = i.TargetValue!.Value, Unit = i.Unit!.Trim(),
            }).ToList() ?? [],
        }
    );
}
