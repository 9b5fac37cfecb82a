using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

public sealed class OfferStatusTests
{
    [Theory]
    [InlineData(OfferStatus.Open, OfferStatus.Filled, true)]
    [InlineData(OfferStatus.Open, OfferStatus.Closed, true)]
    [InlineData(OfferStatus.Filled, OfferStatus.Closed, true)]
    [InlineData(OfferStatus.Open, OfferStatus.Open, false)]
    [InlineData(OfferStatus.Filled, OfferStatus.Filled, false)]
    [InlineData(OfferStatus.Filled, OfferStatus.Open, false)]
    [InlineData(OfferStatus.Closed, OfferStatus.Open, false)]
    [InlineData(OfferStatus.Closed, OfferStatus.Filled, false)]
    [InlineData(OfferStatus.Closed, OfferStatus.Closed, false)]
    public void Offers_move_forward_only_open_filled_closed(OfferStatus from, OfferStatus to, bool allowed) =>
        Assert.Equal(allowed, OfferStatusRules.CanMove(from, to));

    [Fact]
    public void Filling_then_closing_stamps_both_dates()
    {
        var offer = NewOffer();
        var filled = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        var closed = filled.AddDays(30);

        Assert.True(offer.TryMoveTo(OfferStatus.Filled, filled));
        Assert.True(offer.TryMoveTo(OfferStatus.Closed, closed));

        Assert.Equal(OfferStatus.Closed, offer.Status);
        Assert.Equal(filled, offer.FilledAt);
        Assert.Equal(closed, offer.ClosedAt);
    }

    [Fact]
    public void A_refused_move_changes_nothing()
    {
        var offer = NewOffer();
        Assert.True(offer.TryMoveTo(OfferStatus.Closed, DateTimeOffset.UtcNow));

        Assert.False(offer.TryMoveTo(OfferStatus.Filled, DateTimeOffset.UtcNow));

        Assert.Equal(OfferStatus.Closed, offer.Status);
        Assert.Null(offer.FilledAt);
    }

    private static Offer NewOffer() => new() { OccupationCode = "5223", Title = "Butikssäljare", MunicipalityCode = "0880" };
}
