namespace Samverkan.Actors.Model;

/// <summary>
/// A referral actually made (remiss), learnt from Participants' ParticipantEnrolled: only ids and the date,
/// enough to count what a referring actor delivered against what its agreement promised.
/// </summary>
public sealed class Referral
{
    /// <summary>The participant's id; once Participants erases the participant, a fresh random id that links to no one.</summary>
    public Guid ParticipantId { get; init; }
    public Guid CollaborationId { get; init; }
    public Guid ReferringActorId { get; init; }
    public DateOnly ReferralDate { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
