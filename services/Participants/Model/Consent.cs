using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>How a consent was given.</summary>
public enum ConsentMethod
{
    Written = 1,
    Oral = 2,
    Digital = 3,
}

/// <summary>
/// Samtycke: a participant's consent for one purpose towards one recipient actor, from a date until withdrawn.
/// At most one active consent per participant, purpose and recipient (a unique index holds it).
/// </summary>
public sealed class Consent
{
    public Guid Id { get; init; }
    public Guid ParticipantId { get; init; }
    public ConsentPurpose Purpose { get; init; }
    public Guid RecipientActorId { get; init; }
    public DateOnly GivenOn { get; init; }
    public ConsentMethod Method { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public DateOnly? WithdrawnOn { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>In force on <paramref name="date"/>: given on or before it and not withdrawn by then.</summary>
    public bool IsActiveOn(DateOnly date) => GivenOn <= date && (WithdrawnOn is null || date < WithdrawnOn);

    /// <summary>
    /// Withdraws the consent from <paramref name="on"/>. False (and nothing changes) when it was already
    /// withdrawn; an error when the date comes before the consent was given.
    /// </summary>
    public bool Withdraw(DateOnly on, string by, DateTimeOffset at, out string? error)
    {
        error = null;
        if (IsWithdrawn)
            return false;
        if (on < GivenOn)
        {
            error = "A consent cannot be withdrawn before the day it was given.";
            return false;
        }
        WithdrawnOn = on;
        WithdrawnBy = by;
        WithdrawnAt = at;
        return true;
    }

    public ConsentGiven ToGivenEvent(Guid collaborationId) => new()
    {
        ConsentId = Id,
        ParticipantId = ParticipantId,
        CollaborationId = collaborationId,
        Purpose = Purpose,
        RecipientActorId = RecipientActorId,
        GivenOn = GivenOn,
    };

    public ConsentWithdrawn ToWithdrawnEvent(Guid collaborationId) => new()
    {
        ConsentId = Id,
        ParticipantId = ParticipantId,
        CollaborationId = collaborationId,
        Purpose = Purpose,
        RecipientActorId = RecipientActorId,
        WithdrawnOn = WithdrawnOn ?? throw new InvalidOperationException("The consent is not withdrawn."),
        WithdrawnAt = WithdrawnAt!.Value,
    };
}
