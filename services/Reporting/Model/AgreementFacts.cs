namespace Samverkan.Reporting.Model;

/// <summary>One signed version of a member's agreement; the latest version is what the member promises.</summary>
public sealed class AgreementVersion
{
    public Guid AgreementId { get; init; }
    public int Version { get; init; }
    public Guid CollaborationId { get; init; }
    public Guid ActorId { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly ValidTo { get; init; }
    public List<PromisedContribution> Contributions { get; init; } = [];
    public DateTimeOffset SignedAt { get; init; }
    public DateOnly? TerminatedOn { get; set; }
}

/// <summary>A promised contribution; the description stays in Actors (it may be free text).</summary>
public sealed record PromisedContribution(int Kind, decimal Quantity, string Unit);

/// <summary>One actor's score of one criterion in one assessment round; a resubmission replaces it.</summary>
public sealed class AssessmentScore
{
    public Guid CollaborationId { get; init; }
    public int Round { get; init; }
    public Guid ActorId { get; init; }
    public int Criterion { get; init; }
    public int Score { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
}
