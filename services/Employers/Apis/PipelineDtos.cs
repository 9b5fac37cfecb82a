using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Employers.Apis;

/// <summary>A pilot proposes a participant for an offer: opens a pipeline in the caller's caseload.</summary>
public sealed record ProposeCandidateRequest
{
    [Required]
    public Guid? ParticipantId { get; init; }

    [Required]
    public Guid? OfferId { get; init; }

    /// <summary>Defaults to today.</summary>
    [PlausibleDate]
    public DateOnly? ProposedOn { get; init; }
}

/// <summary>Moves a pipeline to <see cref="Stage"/> on <see cref="Date"/> (not before the current stage's date).</summary>
public sealed record MovePipelineRequest
{
    /// <summary>presented-to-employer, interview, placed, employed or ended.</summary>
    [Required]
    public PipelineStage? Stage { get; init; }

    [Required, PlausibleDate]
    public DateOnly? Date { get; init; }
}

public sealed record LogSupportContactRequest
{
    [Required, PlausibleDate]
    public DateOnly? Date { get; init; }

    /// <summary>participant or employer.</summary>
    [Required]
    public SupportParty? With { get; init; }

    [Required]
    public ContactChannel? Channel { get; init; }

    [StringLength(4000)]
    public string? Notes { get; init; }
}

/// <summary>
/// A pipeline. To the employer: <see cref="ParticipantId"/> only once the participant has consented to disclose
/// identity to that employer, <see cref="Pilot"/> never; the pseudonym is the offer's, as in the candidate list.
/// </summary>
public sealed record PipelineResponse(
    Guid Id, string Pseudonym, Guid? ParticipantId, bool IdentityDisclosed, Guid OfferId, Guid EmployerId, Guid PilotActorId, string? Pilot,
    PipelineStage Stage, DateOnly ProposedOn, DateOnly? PresentedOn, DateOnly? InterviewOn, DateOnly? PlacedOn, DateOnly? EmployedOn,
    DateOnly? EndedOn, PipelineStage? LastStage)
{
    public static PipelineResponse ForStaff(Pipeline p, byte[] key) => new(
        p.Id, PseudonymOf(p, key), p.ParticipantId, false, p.OfferId, p.EmployerId, p.PilotActorId, p.Pilot, p.Stage, p.ProposedOn,
        p.PresentedOn, p.InterviewOn, p.PlacedOn, p.EmployedOn, p.EndedOn, p.LastStage);

    public static PipelineResponse ForEmployer(Pipeline p, byte[] key, bool disclosed) => new(
        p.Id, PseudonymOf(p, key), disclosed ? p.ParticipantId : null, disclosed, p.OfferId, p.EmployerId, p.PilotActorId, null, p.Stage,
        p.ProposedOn, p.PresentedOn, p.InterviewOn, p.PlacedOn, p.EmployedOn, p.EndedOn, p.LastStage);

    private static string PseudonymOf(Pipeline p, byte[] key) =>
        p.ParticipantId is { } id ? Pseudonyms.For(key, p.OfferId, id) : "K-RADERAD";
}

public sealed record SupportContactResponse(
    Guid Id, Guid PipelineId, DateOnly Date, SupportParty With, ContactChannel Channel, string LoggedBy, string? Notes, DateTimeOffset LoggedAt)
{
    public static SupportContactResponse From(SupportContact s) => new(s.Id, s.PipelineId, s.Date, s.With, s.Channel, s.LoggedBy, s.Notes, s.LoggedAt);
}

/// <summary>A placement in its first year with no support contact in the last month.</summary>
public sealed record SupportDueResponse(
    Guid PipelineId, Guid? ParticipantId, Guid OfferId, Guid EmployerId, string Pilot, PipelineStage Stage, DateOnly StartedOn,
    DateOnly? LastSupportContact, int DaysSinceLastContact);
