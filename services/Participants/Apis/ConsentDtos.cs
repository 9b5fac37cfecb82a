using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Apis;

public sealed record GiveConsentRequest
{
    [Required]
    public ConsentPurpose? Purpose { get; init; }

    /// <summary>The actor the consent is towards (an agency, or the named employer); must be a known actor.</summary>
    [Required]
    public Guid? RecipientActorId { get; init; }

    [Required]
    public DateOnly? GivenOn { get; init; }

    /// <summary>How it was given: written, oral or digital.</summary>
    [Required]
    public ConsentMethod? Method { get; init; }
}

public sealed record WithdrawConsentRequest
{
    /// <summary>Defaults to today. May be earlier (recorded after the fact), never later: a withdrawal takes effect at once.</summary>
    public DateOnly? WithdrawnOn { get; init; }
}

public sealed record ConsentResponse(
    Guid Id, Guid ParticipantId, ConsentPurpose Purpose, Guid RecipientActorId, DateOnly GivenOn, ConsentMethod Method,
    DateOnly? WithdrawnOn, bool Active)
{
    public static ConsentResponse From(Consent c) =>
        new(c.Id, c.ParticipantId, c.Purpose, c.RecipientActorId, c.GivenOn, c.Method, c.WithdrawnOn, !c.IsWithdrawn);
}
