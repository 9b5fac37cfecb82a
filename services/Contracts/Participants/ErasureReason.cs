namespace Samverkan.Contracts.Participants;

/// <summary>Why a participant's record was erased. On the wire "retention-expired", "lawful-request".</summary>
public enum ErasureReason
{
    /// <summary>The configured retention period after exit has passed.</summary>
    RetentionExpired = 1,
    /// <summary>A lawful request (GDPR art. 17) from the participant.</summary>
    LawfulRequest = 2,
}
