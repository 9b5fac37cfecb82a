using Samverkan.Contracts.Participants;

namespace Samverkan.Participants.Model;

/// <summary>Uppföljning: the former participant's situation at one follow-up point after exit. One per point.</summary>
public sealed class FollowUp
{
    public Guid Id { get; init; }
    public Guid ParticipantId { get; init; }
    public FollowUpPoint Point { get; init; }
    public DateOnly Date { get; init; }
    public ExitOutcome Situation { get; init; }
    /// <summary>Free text; stays in this service and is gone on erasure.</summary>
    public string? Note { get; init; }
    public required string RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public FollowUpRecorded ToRecordedEvent(Guid collaborationId) => new()
    {
        FollowUpId = Id,
        ParticipantId = ParticipantId,
        CollaborationId = collaborationId,
        Point = Point,
        Date = Date,
        Situation = Situation,
        RecordedAt = RecordedAt,
    };
}

/// <summary>When follow-ups fall due and what may be recorded, as pure functions.</summary>
public static class FollowUpRules
{
    /// <summary>Four weeks (28 days), six months or twelve months after the exit date (ESF+ result and longer-term indicators).</summary>
    public static DateOnly DueDate(DateOnly exitDate, FollowUpPoint point) => point switch
    {
        FollowUpPoint.FourWeeks => exitDate.AddDays(28),
        FollowUpPoint.SixMonths => exitDate.AddMonths(6),
        FollowUpPoint.TwelveMonths => exitDate.AddMonths(12),
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };

    /// <summary>The points due by <paramref name="asOf"/> and not yet recorded, earliest first.</summary>
    public static IReadOnlyList<(FollowUpPoint Point, DateOnly DueDate)> Due(DateOnly exitDate, IEnumerable<FollowUpPoint> recorded, DateOnly asOf)
    {
        var done = recorded.ToHashSet();
        return Enum.GetValues<FollowUpPoint>()
            .Where(p => !done.Contains(p))
            .Select(p => (Point: p, DueDate: DueDate(exitDate, p)))
            .Where(d => d.DueDate <= asOf)
            .ToList();
    }

    /// <summary>Why no follow-up at <paramref name="point"/> can be recorded at all (a conflict with the record's state), or null.</summary>
    public static string? Conflict(DateOnly? exitDate, FollowUpPoint point, IEnumerable<FollowUpPoint> recorded)
    {
        if (exitDate is null)
            return "A follow-up can be recorded only after the participant has exited.";
        if (recorded.Contains(point))
            return "This follow-up point is already recorded.";
        return null;
    }

    /// <summary>Why <paramref name="date"/> cannot be the follow-up's date, or null.</summary>
    public static string? DateError(DateOnly exitDate, DateOnly date, DateOnly today)
    {
        if (date < exitDate)
            return "A follow-up cannot be dated before the exit.";
        if (date > today)
            return "A follow-up cannot be dated in the future.";
        return null;
    }
}
