namespace Samverkan.Contracts.Participants;

/// <summary>
/// A participant's record was erased or anonymised in Participants. Every service that holds anything keyed
/// by <see cref="ParticipantId"/> purges it (matching profiles, pipelines). Reporting keeps only what is
/// already aggregate and unlinkable.
/// </summary>
/// <remarks>
/// Nothing is published about the participant after this, and a copy must not take an event about the erased id that
/// it receives later (late or again). So the erasure restates the participant's final reportable state, as the very
/// events that carried it (<see cref="Enrolment"/>, <see cref="Exit"/>, <see cref="MonthlyHours"/>), for a copy to take
/// what it has not yet received: nothing those events did not already carry, never a personnummer or a name. Absent
/// in erasures published before they were added.
/// </remarks>
public sealed record ParticipantErased
{
    public required Guid ParticipantId { get; init; }
    public required Guid CollaborationId { get; init; }
    public required ErasureReason Reason { get; init; }
    public required DateTimeOffset ErasedAt { get; init; }
    /// <summary>The enrolment as it stands at the erasure: the facts after every correction, with their <see cref="ParticipantEnrolled.Revision"/>.</summary>
    public ParticipantEnrolled? Enrolment { get; init; }
    /// <summary>The exit, when the participant has one.</summary>
    public ParticipantExited? Exit { get; init; }
    /// <summary>Each month's final total of participation hours, as its last <see cref="MonthlyHoursRecorded"/> had it.</summary>
    public IReadOnlyList<MonthlyHoursRecorded>? MonthlyHours { get; init; }
}
