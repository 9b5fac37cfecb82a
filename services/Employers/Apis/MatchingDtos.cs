using Samverkan.Employers.Model;

namespace Samverkan.Employers.Apis;

/// <summary>
/// One ranked candidate. <see cref="Pseudonym"/> is stable for this offer; <see cref="ParticipantId"/> is
/// given to agency staff only, never to the employer.
/// </summary>
public sealed record CandidateResponse(
    int Rank, string Pseudonym, Guid? ParticipantId, int Score, int MaxScore, DistanceBand Distance,
    IReadOnlyList<string> SkillsMet, IReadOnlyList<string> SkillsMissing, IReadOnlyList<MatchReason> Reasons);

/// <param name="Matchable">
/// How many profiles were ranked: those with an anonymous-profile consent in force naming the offer's employer, and for
/// staff only the participants their agency reaches.
/// </param>
public sealed record CandidatesResponse(Guid OfferId, int Matchable, IReadOnlyList<CandidateResponse> Candidates);

public sealed record OfferMatchResponse(
    int Rank, Guid OfferId, Guid EmployerId, string Title, string OccupationCode, string MunicipalityCode, DateOnly StartDate,
    int Score, int MaxScore, DistanceBand Distance, IReadOnlyList<string> SkillsMet, IReadOnlyList<string> SkillsMissing,
    IReadOnlyList<MatchReason> Reasons);

/// <param name="Matchable">Whether the participant's profile is shown to employers (consent in force); offers are ranked either way for staff.</param>
public sealed record OfferMatchesResponse(Guid ParticipantId, bool Matchable, IReadOnlyList<OfferMatchResponse> Offers);
