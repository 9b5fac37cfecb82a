using Samverkan.Contracts.Participants;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class ConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Consent Given(string on) => new()
    {
        Id = Guid.NewGuid(),
        ParticipantId = Guid.NewGuid(),
        Purpose = ConsentPurpose.ShareActionPlan,
        RecipientActorId = Guid.NewGuid(),
        GivenOn = DateOnly.Parse(on),
        Method = ConsentMethod.Written,
        RecordedBy = "caseworker",
        RecordedAt = Now,
    };

    [Fact]
    public void A_consent_is_active_from_the_day_it_was_given_until_the_day_it_is_withdrawn()
    {
        var consent = Given("2026-03-01");
        Assert.False(consent.IsActiveOn(new DateOnly(2026, 2, 28)));
        Assert.True(consent.IsActiveOn(new DateOnly(2026, 3, 1)));

        Assert.True(consent.Withdraw(new DateOnly(2026, 6, 1), "caseworker", Now, out var error));

        Assert.Null(error);
        Assert.True(consent.IsWithdrawn);
        Assert.True(consent.IsActiveOn(new DateOnly(2026, 5, 31)));
        Assert.False(consent.IsActiveOn(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Withdrawing_twice_changes_nothing_the_second_time()
    {
        var consent = Given("2026-03-01");
        Assert.True(consent.Withdraw(new DateOnly(2026, 6, 1), "first", Now, out _));

        Assert.False(consent.Withdraw(new DateOnly(2026, 7, 1), "second", Now.AddDays(30), out var error));

        Assert.Null(error);
        Assert.Equal(new DateOnly(2026, 6, 1), consent.WithdrawnOn);
        Assert.Equal("first", consent.WithdrawnBy);
    }

    [Fact]
    public void A_consent_cannot_be_withdrawn_before_it_was_given()
    {
        var consent = Given("2026-03-01");
        Assert.False(consent.Withdraw(new DateOnly(2026, 2, 1), "caseworker", Now, out var error));
        Assert.NotNull(error);
        Assert.False(consent.IsWithdrawn);
    }

    [Fact]
    public void Withdrawn_event_carries_the_purpose_recipient_and_date_only()
    {
        var consent = Given("2026-03-01");
        consent.Withdraw(new DateOnly(2026, 6, 1), "caseworker", Now, out _);
        var collaboration = Guid.NewGuid();

        var withdrawn = consent.ToWithdrawnEvent(collaboration);

        Assert.Equal(consent.Id, withdrawn.ConsentId);
        Assert.Equal(consent.ParticipantId, withdrawn.ParticipantId);
        Assert.Equal(collaboration, withdrawn.CollaborationId);
        Assert.Equal(ConsentPurpose.ShareActionPlan, withdrawn.Purpose);
        Assert.Equal(consent.RecipientActorId, withdrawn.RecipientActorId);
        Assert.Equal(new DateOnly(2026, 6, 1), withdrawn.WithdrawnOn);
    }
}
