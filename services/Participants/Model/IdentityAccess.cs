namespace Samverkan.Participants.Model;

/// <summary>
/// One read of a participant's identifying data: who, for which agency, when, which participant and why.
/// Append-only: the table refuses UPDATE and DELETE (see the migration's trigger).
/// </summary>
public sealed class IdentityAccess
{
    public long Id { get; init; }
    public Guid ParticipantId { get; init; }
    /// <summary>The reader's <c>sub</c>.</summary>
    public required string Subject { get; init; }
    public Guid? AgencyId { get; init; }
    public required string Role { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset AccessedAt { get; init; }
}
