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

/// <summary>This service's copy of an enrolment's start date (from ParticipantEnrolled), for the pilot indicators.</summary>
public sealed class Enrolment
{
    public Guid ParticipantId { get; init; }
    public Guid CollaborationId { get; init; }
    public DateOnly StartDate { get; init; }
}
