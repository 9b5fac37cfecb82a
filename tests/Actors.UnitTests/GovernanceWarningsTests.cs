using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.UnitTests;

public sealed class GovernanceWarningsTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly GovernanceOptions Defaults = new();

    [Fact]
    public void A_member_without_a_mandated_representative_is_warned_about()
    {
        var governance = Steering((Owner, true), (Partner, false));

        var warnings = GovernanceWarnings.Evaluate(Collaboration(), governance, [SteeringMeeting(Today.AddMonths(-1))], Today, Defaults);

        var warning = Assert.Single(warnings);
        Assert.Equal(GovernanceWarningKind.MemberWithoutMandate, warning.Kind);
        Assert.Equal(Partner, warning.ActorId);
    }

    [Fact]
    public void A_member_that_has_left_needs_no_representative()
    {
        var collaboration = Collaboration();
        collaboration.Members.Single(m => m.ActorId == Partner).LeftOn = Today.AddDays(-1);

        var warnings = GovernanceWarnings.Evaluate(collaboration, Steering((Owner, true)), [SteeringMeeting(Today)], Today, Defaults);

        Assert.Empty(warnings);
    }

    [Fact]
    public void No_steering_group_meeting_within_four_months_is_warned_about()
    {
        var meetings = new[] { SteeringMeeting(Today.AddMonths(-5)), Meeting(MeetingKind.CheckIn, Today.AddDays(-3)) };

        var warning = Assert.Single(GovernanceWarnings.Evaluate(Collaboration(), FullSteering(), meetings, Today, Defaults));

        Assert.Equal(GovernanceWarningKind.NoRecentSteeringGroupMeeting, warning.Kind);
        Assert.Equal(Today.AddMonths(-5), warning.Since);
    }

    [Fact]
    public void A_steering_group_meeting_within_the_period_silences_the_warning() =>
        Assert.Empty(GovernanceWarnings.Evaluate(Collaboration(), FullSteering(), [SteeringMeeting(Today.AddMonths(-4))], Today, Defaults));

    [Fact]
    public void The_period_comes_from_options() =>
        Assert.Single(GovernanceWarnings.Evaluate(Collaboration(), FullSteering(), [SteeringMeeting(Today.AddMonths(-3))], Today,
            new GovernanceOptions { SteeringGroupMeetingIntervalMonths = 2 }));

    [Fact]
    public void A_steering_group_that_never_met_is_counted_from_the_start()
    {
        var young = Collaboration(start: Today.AddMonths(-2));
        Assert.Empty(GovernanceWarnings.Evaluate(young, FullSteering(), [], Today, Defaults));

        var old = Collaboration(start: Today.AddMonths(-6));
        var warning = Assert.Single(GovernanceWarnings.Evaluate(old, FullSteering(), [], Today, Defaults));
        Assert.Equal(old.StartDate, warning.Since);
    }

    [Fact]
    public void A_finished_collaboration_is_not_asked_to_meet() =>
        Assert.Empty(GovernanceWarnings.Evaluate(Collaboration(start: Today.AddYears(-2), end: Today.AddDays(-1)), FullSteering(), [], Today, Defaults));

    [Fact]
    public void Decisions_past_their_follow_up_date_and_not_done_are_warned_about()
    {
        var meeting = SteeringMeeting(Today.AddMonths(-1));
        meeting.Decisions =
        [
            new Decision { Text = "Följ upp rekryteringen", DecidedBy = "styrgruppen", FollowUpDate = Today.AddDays(-1) },
            new Decision { Text = "Klar", DecidedBy = "styrgruppen", FollowUpDate = Today.AddDays(-10), Done = true },
            new Decision { Text = "Förfaller i dag", DecidedBy = "styrgruppen", FollowUpDate = Today },
            new Decision { Text = "Ingen uppföljning", DecidedBy = "styrgruppen" },
        ];

        var warning = Assert.Single(GovernanceWarnings.Evaluate(Collaboration(), FullSteering(), [meeting], Today, Defaults));

        Assert.Equal((GovernanceWarningKind.DecisionOverdue, meeting.Id, 0), (warning.Kind, warning.MeetingId, warning.DecisionIndex));
        Assert.Contains("2026-11-23", warning.Message.Sv);
    }

    private static Collaboration Collaboration(DateOnly? start = null, DateOnly? end = null)
    {
        var c = new Collaboration
        {
            Id = Guid.NewGuid(), Name = "FSLA", Purpose = "Arbete", OwnerActorId = Owner,
            StartDate = start ?? new DateOnly(2026, 1, 1), EndDate = end ?? new DateOnly(2027, 12, 31),
            Financing = new Financing { Source = FinancingSource.EsfPlus, Budget = 1 },
            Targets = new MeasurableTargets { Participants = new ParticipantTargets { Total = 1, Women = 0, Men = 0 }, ExitToWorkOrStudiesShare = 60 },
        };
        c.Members.Add(new CollaborationMember { Id = Guid.NewGuid(), CollaborationId = c.Id, ActorId = Owner, Role = MemberRole.Owner, JoinedOn = c.StartDate });
        c.Members.Add(new CollaborationMember { Id = Guid.NewGuid(), CollaborationId = c.Id, ActorId = Partner, Role = MemberRole.Partner, JoinedOn = c.StartDate });
        return c;
    }

    private static Governance FullSteering() => Steering((Owner, true), (Partner, true));

    private static Governance Steering(params (Guid Actor, bool Mandate)[] members) => new()
    {
        SteeringGroup = members.Select(m => new SteeringGroupMember { Name = "Person", ActorId = m.Actor, HasMandate = m.Mandate }).ToList(),
    };

    private static Meeting SteeringMeeting(DateOnly date) => Meeting(MeetingKind.SteeringGroup, date);

    private static Meeting Meeting(MeetingKind kind, DateOnly date) => new() { Id = Guid.NewGuid(), Kind = kind, Date = date };
}
