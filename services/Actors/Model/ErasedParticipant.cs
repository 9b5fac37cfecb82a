namespace Samverkan.Actors.Model;

/// <summary>
/// A tombstone: a participant erased in Participants (<c>ParticipantErased</c>). Actors holds the id nowhere, so the
/// tombstone is a SHA-256 of it (Copies.TombstoneOf), enough to recognise an enrolment about the participant that arrives after the erasure
/// (late or again) and to link to nothing. <see cref="ReferralCounted"/> says whether its referral is already counted
/// (under a fresh random id), so such an enrolment counts once, and never under the erased id.
/// </summary>
public sealed class ErasedParticipant
{
    public byte[] IdHash { get; init; } = [];
    public bool ReferralCounted { get; set; }

}
