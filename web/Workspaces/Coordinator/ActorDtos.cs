namespace Samverkan.Web.Workspaces.Coordinator;

// What the coordinator's pages read from Actors (services/Actors/Apis/*Dtos.cs). Enums as their kebab-case wire names.

/// <summary>A text in Swedish and English, as Actors sends its messages and criterion names.</summary>
public sealed record LocalText(string Sv, string En);


public sealed record MemberResponse(Guid ActorId, string Role, DateOnly JoinedOn, DateOnly? LeftOn);

public sealed record CollaborationResponse(
    Guid Id, string Name, string Purpose, Guid OwnerActorId, IReadOnlyList<string> Geography, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<MemberResponse> Members);

public sealed record GovernanceWarning(string Kind, LocalText Message, Guid? ActorId, Guid? MeetingId, int? DecisionIndex, DateOnly? Since);

public sealed record GovernanceWarningsResponse(Guid CollaborationId, DateOnly AsOf, int SteeringGroupMeetingIntervalMonths, IReadOnlyList<GovernanceWarning> Warnings);

public sealed record AssessmentThresholds(int DivergentSpread, int DivergentMinAnswers, double FallingDrop);

public sealed record CriterionSummary(
    string Criterion, LocalText Label, int Answers, double Mean, int Spread, double StandardDeviation, double? ChangeFromPreviousRound,
    bool Divergent, bool Falling);

public sealed record RoundSummary(int Round, DateOnly HeldOn, int Respondents, IReadOnlyList<CriterionSummary> Criteria);

public sealed record AssessmentResponse(Guid CollaborationId, AssessmentThresholds Thresholds, IReadOnlyList<RoundSummary> Rounds);

public sealed record ActorSummary(Guid Id, string Name);
