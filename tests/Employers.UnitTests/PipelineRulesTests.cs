using Samverkan.Contracts.Employers;
using Samverkan.Employers.Model;

namespace Samverkan.Employers.UnitTests;

public sealed class PipelineRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Pipeline New() => new() { Id = Guid.NewGuid(), ParticipantId = Guid.NewGuid(), Pilot = "lots@af", ProposedOn = Day };

    public static TheoryData<PipelineStage, PipelineStage> Legal => new()
    {
        { PipelineStage.Proposed, PipelineStage.PresentedToEmployer },
        { PipelineStage.PresentedToEmployer, PipelineStage.Interview },
        { PipelineStage.PresentedToEmployer, PipelineStage.Placed },
        { PipelineStage.Interview, PipelineStage.Placed },
        { PipelineStage.Interview, PipelineStage.Employed },
        { PipelineStage.Placed, PipelineStage.Employed },
        { PipelineStage.Proposed, PipelineStage.Ended },
        { PipelineStage.PresentedToEmployer, PipelineStage.Ended },
        { PipelineStage.Interview, PipelineStage.Ended },
        { PipelineStage.Placed, PipelineStage.Ended },
        { PipelineStage.Employed, PipelineStage.Ended },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void Legal_moves(PipelineStage from, PipelineStage to) => Assert.True(PipelineRules.CanMove(from, to));

    [Fact]
    public void Every_other_move_is_illegal_nothing_goes_back_or_leaves_ended()
    {
        var legal = Legal.Select(row => ((PipelineStage)row[0], (PipelineStage)row[1])).ToHashSet();
        foreach (var from in Enum.GetValues<PipelineStage>())
        foreach (var to in Enum.GetValues<PipelineStage>())
        {
            if (!legal.Contains((from, to)))
                Assert.False(PipelineRules.CanMove(from, to), $"{from} → {to}");
        }
    }

    [Fact]
    public void The_whole_way_records_each_stage_date_and_the_last_stage_before_the_end()
    {
        var p = New();
        Assert.Equal(MoveOutcome.Moved, p.TryMoveTo(PipelineStage.PresentedToEmployer, Day.AddDays(1)));
        Assert.Equal(MoveOutcome.Moved, p.TryMoveTo(PipelineStage.Interview, Day.AddDays(5)));
        Assert.Equal(MoveOutcome.Moved, p.TryMoveTo(PipelineStage.Placed, Day.AddDays(10)));
        Assert.Equal(MoveOutcome.Moved, p.TryMoveTo(PipelineStage.Employed, Day.AddDays(40)));
        Assert.Equal(MoveOutcome.Moved, p.TryMoveTo(PipelineStage.Ended, Day.AddDays(400)));

        Assert.Equal((Day.AddDays(1), Day.AddDays(5), Day.AddDays(10), Day.AddDays(40), Day.AddDays(400)),
            (p.PresentedOn, p.InterviewOn, p.PlacedOn, p.EmployedOn, p.EndedOn));
        Assert.Equal(PipelineStage.Employed, p.LastStage);
        Assert.Equal(Day.AddDays(10), p.StartedOn);
    }

    [Fact]
    public void An_illegal_move_changes_nothing()
    {
        var p = New();
        Assert.Equal(MoveOutcome.IllegalMove, p.TryMoveTo(PipelineStage.Employed, Day));
        Assert.Equal(PipelineStage.Proposed, p.Stage);
        Assert.Null(p.EmployedOn);
    }

    [Fact]
    public void A_date_before_the_current_stage_is_refused_the_same_day_is_allowed()
    {
        var p = New();
        Assert.Equal(MoveOutcome.DateBeforePreviousStage, p.TryMoveTo(PipelineStage.PresentedToEmployer, Day.AddDays(-1)));
        Assert.Equal(PipelineStage.Proposed, p.Stage);
        Assert.Equal(MoveOutcome.Moved, p.TryMoveTo(PipelineStage.PresentedToEmployer, Day));
    }

    [Theory]
    [InlineData(PipelineStage.Proposed, true)]
    [InlineData(PipelineStage.Interview, true)]
    [InlineData(PipelineStage.Placed, true)]
    [InlineData(PipelineStage.Employed, false)]
    [InlineData(PipelineStage.Ended, false)]
    public void An_exit_to_work_ends_everything_before_employment(PipelineStage stage, bool ends) =>
        Assert.Equal(ends, PipelineRules.EndsOnExitToWork(stage));
}
