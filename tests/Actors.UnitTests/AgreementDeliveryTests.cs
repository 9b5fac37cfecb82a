using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.UnitTests;

public sealed class AgreementDeliveryTests
{
    private static readonly AgreementTerms Terms = new()
    {
        Form = AgreementForm.Written, ValidFrom = new DateOnly(2026, 1, 1), ValidTo = new DateOnly(2026, 12, 31),
        Contributions =
        [
            new Contribution { Kind = ContributionKind.ParticipantReferrals, Quantity = 40, Unit = "deltagare" },
            new Contribution { Kind = ContributionKind.StaffHours, Quantity = 800, Unit = "timmar" },
        ],
    };

    [Fact]
    public void Referrals_are_counted_within_the_validity_period_against_the_promise()
    {
        var delivery = AgreementDelivery.Compare(Terms, [new(2025, 12, 31), new(2026, 1, 1), new(2026, 6, 1), new(2026, 12, 31), new(2027, 1, 1)]);

        var referrals = delivery.Single(d => d.Kind == ContributionKind.ParticipantReferrals);
        Assert.Equal((40m, true, (int?)3), (referrals.Promised, referrals.DeliveryKnown, referrals.Delivered));
    }

    [Fact]
    public void Other_contributions_say_the_delivery_is_not_known_instead_of_zero()
    {
        var staff = AgreementDelivery.Compare(Terms, []).Single(d => d.Kind == ContributionKind.StaffHours);
        Assert.False(staff.DeliveryKnown);
        Assert.Null(staff.Delivered);
        Assert.Equal(AgreementDelivery.Unknown, staff.Note);
    }
}
