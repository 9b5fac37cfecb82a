namespace Samverkan.Participants.Apis;

/// <summary>What became of one row of a bulk enrolment. On the wire: "created", "already-enrolled", "rejected".</summary>
public enum BulkRowStatus
{
    Created = 1,
    AlreadyEnrolled = 2,
    /// <summary>Nothing was written for the row; <see cref="BulkRowResult.Errors"/> says why, per field.</summary>
    Rejected = 3,
}

/// <summary>
/// One row's result. <see cref="Index"/> is the row's position from 0: in a JSON array its index, in a CSV the
/// data rows after the header.
/// </summary>
public sealed record BulkRowResult
{
    public required int Index { get; init; }
    public required BulkRowStatus Status { get; init; }
    /// <summary>The new participant (created) or the existing one (already-enrolled).</summary>
    public Guid? ParticipantId { get; init; }
    /// <summary>Field (camelCase, as in a single enrolment) → reasons; rejected rows only.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}

public sealed record BulkEnrolmentResponse(int Created, int AlreadyEnrolled, int Rejected, IReadOnlyList<BulkRowResult> Rows);
