using Samverkan.Contracts.Participants;
using Samverkan.Participants.Model;

namespace Samverkan.Participants.UnitTests;

public sealed class ExitRulesTests
{
    private static readonly DateOnly Start = new(2026, 1, 10);
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("2026-01-10")]
    [InlineData("2026-06-30")]
    [InlineData("2026-11-24")]
    public void An_exit_from_the_start_date_up_to_today_is_allowed(string exitDate) =>
        Assert.Null(ExitRules.ExitDateError(DateOnly.Parse(exitDate), Start, Today));

    [Fact]
    public void An_exit_before_the_start_date_is_refused() =>
        Assert.Contains("start date", ExitRules.ExitDateError(new DateOnly(2026, 1, 9), Start, Today));

    [Fact]
    public void An_exit_in_the_future_is_refused() =>
        Assert.Contains("future", ExitRules.ExitDateError(new DateOnly(2026, 11, 25), Start, Today));

    [Fact]
    public void A_certificate_by_the_exit_date_is_a_gained_qualification()
    {
        var exit = new DateOnly(2026, 6, 1);
        Assert.True(ExitRules.GainedQualification([(new DateOnly(2026, 6, 1), true)], exit));
        Assert.True(ExitRules.GainedQualification([(new DateOnly(2026, 3, 1), false), (new DateOnly(2026, 4, 1), true)], exit));
    }

    [Fact]
    public void A_validation_without_certificate_or_after_the_exit_is_no_gained_qualification()
    {
        var exit = new DateOnly(2026, 6, 1);
        Assert.False(ExitRules.GainedQualification([], exit));
        Assert.False(ExitRules.GainedQualification([(new DateOnly(2026, 3, 1), false)], exit));
        Assert.False(ExitRules.GainedQualification([(new DateOnly(2026, 6, 2), true)], exit));
    }

    [Theory]
    [InlineData(ExitOutcome.Employment, true, true)]
    [InlineData(ExitOutcome.SubsidisedEmployment, true, true)]
    [InlineData(ExitOutcome.SelfEmployment, true, true)]
    [InlineData(ExitOutcome.Studies, false, true)]
    [InlineData(ExitOutcome.Internship, false, false)]
    [InlineData(ExitOutcome.JobSeeking, false, false)]
    [InlineData(ExitOutcome.Other, false, false)]
    public void Exit_to_work_counts_in_work_share_and_studies_only_in_work_or_studies(ExitOutcome outcome, bool work, bool workOrStudies)
    {
        Assert.Equal(work, outcome.IsWork());
        Assert.Equal(workOrStudies, outcome.IsWorkOrStudies());
    }

    [Fact]
    public void The_exited_event_carries_no_free_text_reason()
    {
        var exit = new ParticipantExit
        {
            ParticipantId = Guid.NewGuid(), ExitDate = new DateOnly(2026, 6, 1), Outcome = ExitOutcome.Studies,
            Reason = "Flyttar till Umeå för utbildning", GainedQualification = true, RecordedBy = "cw", RecordedAt = DateTimeOffset.UnixEpoch,
        };
        var collaboration = Guid.NewGuid();

        var exited = exit.ToExitedEvent(collaboration);

        Assert.Equal(collaboration, exited.CollaborationId);
        Assert.Equal(ExitOutcome.Studies, exited.Outcome);
        Assert.True(exited.GainedQualification);
        Assert.DoesNotContain("Umeå", exited.ToString());
    }
}
