using Samverkan.Contracts.Participants;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class CommitmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Commitment Planned(string due = "2026-03-31") => new()
    {
        Id = Guid.NewGuid(),
        ParticipantId = Guid.NewGuid(),
        ResponsibleActorId = Guid.NewGuid(),
        Track = PlanTrack.Health,
        StartDate = new DateOnly(2026, 2, 1),
        DueDate = DateOnly.Parse(due),
        RecordedBy = "cw",
        RecordedAt = Now,
    };

    [Theory]
    [InlineData(CommitmentStatus.Planned, CommitmentStatus.Started)]
    [InlineData(CommitmentStatus.Started, CommitmentStatus.Done)]
    [InlineData(CommitmentStatus.Planned, CommitmentStatus.Cancelled)]
    [InlineData(CommitmentStatus.Started, CommitmentStatus.Cancelled)]
    public void Allowed_moves(CommitmentStatus from, CommitmentStatus to) => Assert.True(CommitmentRules.CanMove(from, to));

    [Theory]
    [InlineData(CommitmentStatus.Planned, CommitmentStatus.Done)]
    [InlineData(CommitmentStatus.Started, CommitmentStatus.Planned)]
    [InlineData(CommitmentStatus.Done, CommitmentStatus.Started)]
    [InlineData(CommitmentStatus.Done, CommitmentStatus.Cancelled)]
    [InlineData(CommitmentStatus.Cancelled, CommitmentStatus.Started)]
    [InlineData(CommitmentStatus.Cancelled, CommitmentStatus.Done)]
    public void Illegal_moves(CommitmentStatus from, CommitmentStatus to) => Assert.False(CommitmentRules.CanMove(from, to));

    [Fact]
    public void A_commitment_moves_planned_started_done_and_then_no_further()
    {
        var commitment = Planned();

        Assert.True(commitment.ChangeStatus(CommitmentStatus.Started, Now, out var error));
        Assert.Null(error);
        Assert.False(commitment.ChangeStatus(CommitmentStatus.Started, Now, out error)); // already there: nothing to publish
        Assert.Null(error);
        Assert.True(commitment.ChangeStatus(CommitmentStatus.Done, Now.AddDays(1), out _));
        Assert.False(commitment.ChangeStatus(CommitmentStatus.Cancelled, Now, out error));
        Assert.NotNull(error);
        Assert.Equal(CommitmentStatus.Done, commitment.Status);
        Assert.Equal(Now.AddDays(1), commitment.StatusChangedAt);
    }

    [Fact]
    public void Overdue_is_past_the_due_date_and_still_open()
    {
        var commitment = Planned("2026-03-31");
        Assert.False(commitment.IsOverdueOn(new DateOnly(2026, 3, 31)));
        Assert.True(commitment.IsOverdueOn(new DateOnly(2026, 4, 1)));
        commitment.ChangeStatus(CommitmentStatus.Cancelled, Now, out _);
        Assert.False(commitment.IsOverdueOn(new DateOnly(2026, 4, 1)));
    }

    [Fact]
    public void Dates_due_before_start_or_start_before_the_participant_are_refused()
    {
        var participantStart = new DateOnly(2026, 1, 10);
        Assert.Null(CommitmentRules.DateError(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1), participantStart));
        Assert.Equal("dueDate", CommitmentRules.DateError(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 31), participantStart)?.Field);
        Assert.Equal("startDate", CommitmentRules.DateError(new DateOnly(2026, 1, 9), new DateOnly(2026, 2, 1), participantStart)?.Field);
    }
}
