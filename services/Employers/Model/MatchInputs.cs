namespace Samverkan.Employers.Model;

/// <summary>What matching needs of an offer: its requirements and what it offers, nothing else.</summary>
public sealed record MatchOffer(
    Guid OfferId,
    string OccupationCode,
    string MunicipalityCode,
    DateOnly StartDate,
    decimal HoursPerWeek,
    IReadOnlyList<string> RequiredSkills,
    SwedishLevel SwedishLevel,
    bool DrivingLicence,
    IReadOnlyList<string> AdaptationsOffered)
{
    public static MatchOffer From(Offer o) => new(
        o.Id, o.OccupationCode, o.MunicipalityCode, o.StartDate, o.HoursPerWeek, Labels.NormaliseAll(o.Requirements.Skills),
        o.Requirements.SwedishLevel, o.Requirements.DrivingLicence, Labels.NormaliseAll(o.Adaptations));
}

/// <summary>What matching needs of a matching profile (labels already normalised).</summary>
public sealed record MatchCandidate(
    Guid ParticipantId,
    IReadOnlyList<string> OccupationCodes,
    IReadOnlyList<string> Skills,
    SwedishLevel SwedishLevel,
    bool DrivingLicence,
    string MunicipalityCode,
    int MaxCommuteKm,
    DateOnly AvailableFrom,
    decimal HoursPerWeek,
    IReadOnlyList<string> AdaptationsNeeded,
    Readiness Readiness)
{
    public static MatchCandidate From(MatchingProfile p) => new(
        p.ParticipantId, p.OccupationCodes, Labels.NormaliseAll(p.Skills), p.SwedishLevel, p.DrivingLicence, p.MunicipalityCode,
        p.MaxCommuteKm, p.AvailableFrom, p.HoursPerWeek, Labels.NormaliseAll(p.AdaptationsNeeded), p.Readiness);
}

/// <summary>One criterion's verdict: a machine code, met or not, the points it gave and could give, and Swedish text.</summary>
public sealed record MatchReason(string Code, bool Met, int Points, int MaxPoints, string Text);

/// <summary>A scored pair with every reason, in a fixed criterion order.</summary>
public sealed record MatchResult(
    Guid ParticipantId, Guid OfferId, int Score, IReadOnlyList<MatchReason> Reasons,
    IReadOnlyList<string> SkillsMet, IReadOnlyList<string> SkillsMissing, DistanceBand Distance);
