namespace Samverkan.Reporting.Model;

/// <summary>
/// A tombstone: a participant erased in Participants (<c>ParticipantErased</c>). Reporting moved the participant's rows to
/// a fresh random id and keeps no map to it (that would link them to the person again); the tombstone is only a SHA-256
/// of the erased id, enough to recognise an event about the participant that arrives after the erasure (late or again),
/// which is then dropped: the erasure already brought the participant's final state (<c>ParticipantErased.Enrolment</c>,
/// <c>Exit</c>, <c>MonthlyHours</c>). Not a read model: a rebuild leaves it as it is.
/// </summary>
public sealed class ErasedParticipant
{
    public byte[] IdHash { get; init; } = [];

}
