using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.Model;

public sealed record ContributionDelivery(
    ContributionKind Kind, decimal Promised, string Unit, string? Description, bool DeliveryKnown, int? Delivered, Label? Note);

/// <summary>
/// Promised versus delivered for the terms in force. The platform knows only referrals (from Participants'
/// enrolments, counted for the referring actor within the agreement's validity period); for every other kind
/// it says so instead of guessing.
/// </summary>
public static class AgreementDelivery
{
    public static readonly Label Unknown = new("Leveransen är inte känd för plattformen.", "Delivery not known to the platform.");

    public static IReadOnlyList<ContributionDelivery> Compare(AgreementTerms terms, IEnumerable<DateOnly> referralDates)
    {
        var delivered = referralDates.Count(d => d >= terms.ValidFrom && d <= terms.ValidTo);
        return terms.Contributions.Select(c => c.Kind == ContributionKind.ParticipantReferrals
            ? new ContributionDelivery(c.Kind, c.Quantity, c.Unit, c.Description, true, delivered, null)
            : new ContributionDelivery(c.Kind, c.Quantity, c.Unit, c.Description, false, null, Unknown)).ToList();
    }
}
