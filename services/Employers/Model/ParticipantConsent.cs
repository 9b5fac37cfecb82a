using Samverkan.Contracts.Participants;

namespace Samverkan.Employers.Model;

/// <summary>
/// This service's copy of a participant's consent from Participants (<see cref="ConsentGiven"/>,
/// <see cref="ConsentWithdrawn"/>), one row per consent id. Either event may arrive first: a withdrawal seen
/// before its grant makes the row withdrawn, and the later grant leaves it so.
/// </summary>
public sealed class ParticipantConsent
{
    public Guid ConsentId { get; init; }
    public Guid ParticipantId { get; init; }
    public ConsentPurpose Purpose { get; init; }
    /// <summary>For disclose-identity-to-employer, the employer's actor id.</summary>
    public Guid RecipientActorId { get; init; }
    public DateOnly? GivenOn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public bool InForce => GivenOn is not null && WithdrawnAt is null;
}

/// <summary>
/// This service's copy of an enrolment (from ParticipantEnrolled): its start date, for the pilot indicators, and the
/// referring actor, the agency whose participant it is (<see cref="Apis.ParticipantAccess"/>).
/// </summary>
public sealed class Enrolment
{
    public Guid ParticipantId { get; init; }
    public Guid CollaborationId { get; init; }
    public DateOnly StartDate { get; init; }
    /// <summary>The referring actor (remitterande aktör): the participant's own agency. Empty on rows stored before it was kept.</summary>
    public Guid ReferringActorId { get; init; }
}

/// <summary>
/// A tombstone: a participant erased in Participants (<c>ParticipantErased</c>), and nothing else. Employers keeps the id
/// nowhere after the erasure, so the tombstone is a SHA-256 of it (<c>Copies.TombstoneOf</c>, as in Actors and Reporting):
/// enough to refuse or ignore whatever arrives later about the id (a late consent or enrolment, a profile write), so an
/// erasure cannot be undone here, and nothing to link the row to anything else.
/// </summary>
public sealed class ErasedParticipant
{
    public byte[] IdHash { get; init; } = [];
}
