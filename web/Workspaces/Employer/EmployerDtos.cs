namespace Samverkan.Web.Workspaces.Employer;

// What the employer workspace reads from the Employers API, in the API's shapes (services/Employers/Apis/*Dtos.cs).
// Enums stay their kebab-case wire strings; Labels turns them into Swedish.

public sealed record ContactPersonView(string Name, string? Role, string? Email, string? Phone);

public sealed record EmployerView(
    Guid Id, string OrganisationNumber, string Name, string IndustryCode, string MunicipalityCode, string? MunicipalityName,
    string SizeBand, IReadOnlyList<ContactPersonView> Contacts, Guid OwnerActorId, Guid? ActorId,
    DateTimeOffset RegisteredAt, DateTimeOffset? UpdatedAt);

public sealed record RequirementsView(IReadOnlyList<string> Skills, string SwedishLevel, bool DrivingLicence);

public sealed record OfferView(
    Guid Id, Guid EmployerId, string Kind, string OccupationCode, string Title, string? Description,
    string MunicipalityCode, string? MunicipalityName, int Places, DateOnly StartDate, int? DurationWeeks, decimal HoursPerWeek,
    RequirementsView Requirements, int SupervisorCapacity, IReadOnlyList<string> Adaptations, string Status,
    Guid PublishedByActorId, DateTimeOffset PublishedAt, DateTimeOffset? FilledAt, DateTimeOffset? ClosedAt)
{
    public bool IsOpen => Status == "open";
    public bool CanClose => Status is "open" or "filled";
}

/// <summary>One criterion's verdict; <see cref="Text"/> is the API's own Swedish explanation.</summary>
public sealed record MatchReasonView(string Code, bool Met, int Points, int MaxPoints, string Text);

/// <summary>A ranked candidate as the employer sees it: a pseudonym, never a participant id or a name.</summary>
public sealed record CandidateView(
    int Rank, string Pseudonym, Guid? ParticipantId, int Score, int MaxScore, string Distance,
    IReadOnlyList<string> SkillsMet, IReadOnlyList<string> SkillsMissing, IReadOnlyList<MatchReasonView> Reasons);

public sealed record CandidatesView(Guid OfferId, int Matchable, IReadOnlyList<CandidateView> Candidates);

public sealed record PipelineView(
    Guid Id, string Pseudonym, Guid? ParticipantId, bool IdentityDisclosed, Guid OfferId, Guid EmployerId, Guid PilotActorId,
    string? Pilot, string Stage, DateOnly ProposedOn, DateOnly? PresentedOn, DateOnly? InterviewOn, DateOnly? PlacedOn,
    DateOnly? EmployedOn, DateOnly? EndedOn, string? LastStage)
{
    /// <summary>The date the pipeline reached its current stage.</summary>
    public DateOnly StageDate => Stage switch
    {
        "presented-to-employer" => PresentedOn ?? ProposedOn,
        "interview" => InterviewOn ?? ProposedOn,
        "placed" => PlacedOn ?? ProposedOn,
        "employed" => EmployedOn ?? ProposedOn,
        "ended" => EndedOn ?? ProposedOn,
        _ => ProposedOn,
    };
}

/// <summary>The agency that owns the relationship with the employer (GET /api/actors/{id}; an employer gets no contacts).</summary>
public sealed record AgencyView(Guid Id, string Name);
