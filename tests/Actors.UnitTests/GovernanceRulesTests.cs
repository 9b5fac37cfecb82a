using Samverkan.Actors.Apis;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;

namespace Samverkan.Actors.UnitTests;

public sealed class GovernanceRulesTests
{
    private static readonly Guid Member = Guid.NewGuid();
    private static readonly HashSet<Guid> Members = [Member];

    [Fact]
    public void A_working_group_member_represents_a_member_actor_or_the_target_group()
    {
        var request = new GovernanceRequest
        {
            SteeringGroup = [],
            WorkingGroups =
            [
                new WorkingGroupRequest
                {
                    Name = "AG", Purpose = "Matchning",
                    Members =
                    [
                        new WorkingGroupMemberRequest { Name = "Från kommunen", ActorId = Member },
                        new WorkingGroupMemberRequest { Name = "Deltagare", FromTargetGroup = true },
                        new WorkingGroupMemberRequest { Name = "Okänd" },
                        new WorkingGroupMemberRequest { Name = "Utomstående", ActorId = Guid.NewGuid() },
                    ],
                },
            ],
        };

        var errors = GovernanceRules.Validate(request, Members);

        Assert.Equal(["workingGroups[0].members[2].actorId", "workingGroups[0].members[3].actorId"], errors.Keys.Order());
    }

    [Fact]
    public void A_steering_group_member_must_represent_a_current_member()
    {
        var request = new GovernanceRequest
        {
            SteeringGroup = [new SteeringGroupMemberRequest { Name = "A", ActorId = Guid.NewGuid(), HasMandate = true }],
        };
        Assert.Equal(["steeringGroup[0].actorId"], GovernanceRules.Validate(request, Members).Keys);
    }

    [Fact]
    public void A_decision_cannot_be_followed_up_before_the_meeting()
    {
        var request = new MeetingRequest
        {
            Date = new DateOnly(2026, 5, 1), Kind = MeetingKind.SteeringGroup,
            Decisions =
            [
                new DecisionRequest { Text = "A", DecidedBy = "styrgruppen", FollowUpDate = new DateOnly(2026, 4, 30) },
                new DecisionRequest { Text = "B", DecidedBy = "styrgruppen", FollowUpDate = new DateOnly(2026, 5, 1) },
            ],
        };
        Assert.Equal(["decisions[0].followUpDate"], GovernanceRules.Validate(request, Members).Keys);
    }
}

public sealed class AssessmentRulesTests
{
    [Fact]
    public void Scores_outside_one_to_five_and_a_criterion_given_twice_are_named()
    {
        var request = new SubmitAssessmentRequest
        {
            Answers =
            [
                new CriterionAnswerRequest { Criterion = AssessmentCriterion.Mandate, Score = 5 },
                new CriterionAnswerRequest { Criterion = AssessmentCriterion.ClearPurpose, Score = 0 },
                new CriterionAnswerRequest { Criterion = AssessmentCriterion.Mandate, Score = 1 },
                new CriterionAnswerRequest { Criterion = AssessmentCriterion.RightActors, Score = 6 },
            ],
        };

        var errors = AssessmentRules.Validate(request);

        Assert.Equal(["answers[1].score", "answers[2].criterion", "answers[3].score"], errors.Keys.Order());
    }

    [Fact]
    public void A_subset_of_the_criteria_is_a_valid_answer()
    {
        var request = new SubmitAssessmentRequest { Answers = [new CriterionAnswerRequest { Criterion = AssessmentCriterion.SharedViewOfGoals, Score = 3 }] };
        Assert.Empty(AssessmentRules.Validate(request));
    }
}
