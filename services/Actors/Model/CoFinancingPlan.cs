using Samverkan.Contracts.Participants;

namespace Samverkan.Actors.Model;

/// <summary>
/// Planned co-financing (medfinansiering) of a collaboration's financing: the participants' hours on benefit that its
/// contributing actors promise, per year and benefit type. One row per collaboration, its lines replaced whole under its
/// own ETag (a plan edited beside the collaboration's, so that neither edit makes the other stale); a collaboration
/// without a plan reads as empty with ETag "0".
/// </summary>
public sealed class CoFinancingPlan
{
    public Guid CollaborationId { get; init; }
    public List<CoFinancingLine> Lines { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: the ETag.</summary>
    public uint Version { get; set; }
}

/// <summary>
/// One promise: in <see cref="Year"/>, actor <see cref="ActorId"/> (a member) co-finances with the hours of participants
/// on <see cref="BenefitType"/>, stated as hours or as an amount in SEK valued at <see cref="HourlyValue"/> per hour.
/// </summary>
public sealed record CoFinancingLine
{
    public required int Year { get; init; }
    public required Guid ActorId { get; init; }
    public required BenefitType BenefitType { get; init; }
    /// <summary>The hours promised, when the promise is stated in hours.</summary>
    public decimal? Hours { get; init; }
    /// <summary>The amount promised in SEK, when the promise is stated as an amount (then <see cref="HourlyValue"/> is set).</summary>
    public decimal? Amount { get; init; }
    /// <summary>SEK per hour on this benefit: what turns an amount into hours (and hours into value).</summary>
    public decimal? HourlyValue { get; init; }

    /// <summary>The hours the line promises: stated, or derived from the amount. The one place this is decided.</summary>
    public decimal PlannedHours => Hours ?? (Amount is { } amount && HourlyValue is { } value and > 0 ? amount / value : 0m);
}
