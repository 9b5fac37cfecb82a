using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Apis;

/// <summary>Erasure on request. <c>reason</c>: lawful-request (retention-expired is the retention job's alone).</summary>
public sealed record EraseParticipantRequest
{
    [Required]
    public ErasureReason? Reason { get; init; }
}

public sealed record ErasureResponse(Guid ParticipantId, ErasureReason Reason, DateTimeOffset ErasedAt);

/// <summary>The participant's whole record (GDPR art. 15 and 20), identifying data included.</summary>
public sealed record ParticipantExport
{
    public required DateTimeOffset ExportedAt { get; init; }
    public required ParticipantResponse Participant { get; init; }
    public required IReadOnlyList<ConsentResponse> Consents { get; init; }
    public required ActionPlanResponse ActionPlan { get; init; }
    public required IReadOnlyList<HoursEntryResponse> Hours { get; init; }
    public required IReadOnlyList<ValidationResponse> Validations { get; init; }
    public ExitResponse? Exit { get; init; }
    public required IReadOnlyList<FollowUpResponse> FollowUps { get; init; }
    /// <summary>Who has read the identifying data, and why (this export's own read included).</summary>
    public required IReadOnlyList<IdentityAccessResponse> IdentifyingReads { get; init; }
}
