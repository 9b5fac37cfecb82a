using System.ComponentModel.DataAnnotations;
using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Apis;

/// <summary>Avslut. <c>outcome</c>: employment, subsidised-employment, self-employment, studies, internship, job-seeking or other.</summary>
public sealed record ExitRequest
{
    /// <summary>Not before the start date, not in the future.</summary>
    [Required]
    public DateOnly? ExitDate { get; init; }

    [Required]
    public ExitOutcome? Outcome { get; init; }

    /// <summary>Free text; stays in this service.</summary>
    [StringLength(2000)]
    public string? Reason { get; init; }
}

public sealed record ExitResponse(
    Guid ParticipantId, DateOnly ExitDate, ExitOutcome Outcome, string? Reason, bool GainedQualification, DateTimeOffset RecordedAt)
{
    public static ExitResponse From(ParticipantExit x) => new(x.ParticipantId, x.ExitDate, x.Outcome, x.Reason, x.GainedQualification, x.RecordedAt);
}

/// <summary>A follow-up after exit. <c>point</c>: four-weeks, six-months or twelve-months; <c>situation</c> as an exit outcome.</summary>
public sealed record RecordFollowUpRequest
{
    [Required]
    public FollowUpPoint? Point { get; init; }

    /// <summary>When the situation was found: not before the exit, not in the future.</summary>
    [Required]
    public DateOnly? Date { get; init; }

    [Required]
    public ExitOutcome? Situation { get; init; }

    [StringLength(2000)]
    public string? Note { get; init; }
}

public sealed record FollowUpResponse(
    Guid Id, Guid ParticipantId, FollowUpPoint Point, DateOnly Date, ExitOutcome Situation, string? Note, DateTimeOffset RecordedAt)
{
    public static FollowUpResponse From(FollowUp f) => new(f.Id, f.ParticipantId, f.Point, f.Date, f.Situation, f.Note, f.RecordedAt);
}

/// <summary>One point of a participant's follow-up schedule: when it falls due and whether it is recorded.</summary>
public sealed record FollowUpScheduleItem(FollowUpPoint Point, DateOnly DueDate, bool Recorded);

public sealed record FollowUpsResponse(Guid ParticipantId, DateOnly? ExitDate, IReadOnlyList<FollowUpScheduleItem> Schedule, IReadOnlyList<FollowUpResponse> Recorded);

/// <summary>A reminder: a follow-up that is due and not recorded.</summary>
public sealed record DueFollowUpResponse(Guid ParticipantId, Guid CollaborationId, DateOnly ExitDate, FollowUpPoint Point, DateOnly DueDate);
