using System.ComponentModel.DataAnnotations;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Participants;

namespace Samverkan.Actors.Apis;

/// <summary>The co-financing plan, replaced whole under its ETag ("0" before the first).</summary>
public sealed record CoFinancingPlanRequest
{
    [Required, MaxLength(500)]
    public List<CoFinancingLineRequest>? Lines { get; init; }
}

/// <summary>One promise: <c>hours</c>, or an <c>amount</c> in SEK with the <c>hourlyValue</c> that turns it into hours.</summary>
public sealed record CoFinancingLineRequest
{
    [Required]
    public int? Year { get; init; }

    /// <summary>The contributing actor: a member of the collaboration in that year.</summary>
    [Required]
    public Guid? ActorId { get; init; }

    [Required]
    public BenefitType? BenefitType { get; init; }

    public decimal? Hours { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>SEK per hour; required with an amount, optional with hours.</summary>
    public decimal? HourlyValue { get; init; }
}

public sealed record CoFinancingLineResponse(int Year, Guid ActorId, BenefitType BenefitType, decimal? Hours, decimal? Amount, decimal? HourlyValue, decimal PlannedHours)
{
    public static CoFinancingLineResponse From(CoFinancingLine l) => new(l.Year, l.ActorId, l.BenefitType, l.Hours, l.Amount, l.HourlyValue, l.PlannedHours);
}

public sealed record CoFinancingPlanResponse(Guid CollaborationId, IReadOnlyList<CoFinancingLineResponse> Lines, DateTimeOffset? UpdatedAt)
{
    public static CoFinancingPlanResponse From(Guid collaborationId, CoFinancingPlan? plan) =>
        new(collaborationId, (plan?.Lines ?? []).Select(CoFinancingLineResponse.From).ToList(), plan?.UpdatedAt);
}

/// <summary>
/// Planned against recorded co-financing hours and the forecast, per year and contributing actor. The rules it follows
/// are stated in <see cref="ForecastRule"/> and <see cref="AttributionRule"/>.
/// </summary>
public sealed record CoFinancingReportResponse(
    Guid CollaborationId, DateOnly AsOf, decimal ShortfallWarningShare, string ForecastRule, string AttributionRule,
    IReadOnlyList<CoFinancingYear> Years, IReadOnlyList<RecordedMonth> Unattributed)
{
    public static CoFinancingReportResponse From(Guid collaborationId, CoFinancingForecastResult r) =>
        new(collaborationId, r.AsOf, r.ShortfallWarningShare, CoFinancingForecast.Rule, CoFinancingForecast.Attribution, r.Years, r.Unattributed);
}
