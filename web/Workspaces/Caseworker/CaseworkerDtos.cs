namespace Samverkan.Web.Workspaces.Caseworker;

// What the caseworker's pages read from the Participants and Actors APIs, as the web sees it: enums stay their
// kebab-case wire strings (labelled in Labels.Caseworker), so a value the API adds later shows up rather than failing.

/// <summary>A participant; the identity (number, name, birth date) only in an identifying read.</summary>
public sealed record ParticipantDto(
    Guid Id, Guid CollaborationId, string IdentityKind, string Gender, int? AgeAtStart, string? AgeBand, string MunicipalityCode,
    Guid ReferringActorId, DateOnly ReferralDate, IReadOnlyList<string> TargetGroups, string BenefitAtStart, string LabourMarketStatus,
    string EducationLevel, DateOnly StartDate, DateTimeOffset EnrolledAt,
    string? PersonalIdentityNumber = null, string? Name = null, DateOnly? BirthDate = null);

public sealed record KnownActorDto(Guid Id, string Name, string Sector, string Kind);

/// <summary>The part of a collaboration (Actors) the caseworker needs: to choose one, and to name it.</summary>
public sealed record CollaborationDto(Guid Id, string Name, DateOnly StartDate, DateOnly EndDate);

public sealed record BulkRowDto(int Index, string Status, Guid? ParticipantId, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record BulkEnrolmentDto(int Created, int AlreadyEnrolled, int Rejected, IReadOnlyList<BulkRowDto> Rows);

public sealed record ConsentDto(
    Guid Id, Guid ParticipantId, string Purpose, Guid RecipientActorId, DateOnly GivenOn, string Method, DateOnly? WithdrawnOn, bool Active);

public sealed record PlanEntryDto(Guid Id, string Kind, string Text, string? Track, DateTimeOffset RecordedAt);

public sealed record CommitmentDto(
    Guid Id, Guid ParticipantId, Guid? InterventionId, Guid ResponsibleActorId, string Track, DateOnly StartDate, DateOnly DueDate,
    string? Description, string Status, DateTimeOffset RecordedAt, DateTimeOffset? StatusChangedAt);

public sealed record ActionPlanDto(
    Guid ParticipantId, bool Complete, IReadOnlyList<PlanEntryDto> Goals, IReadOnlyList<PlanEntryDto> Steps, IReadOnlyList<CommitmentDto> Commitments);

public sealed record OverdueCommitmentDto(Guid CollaborationId, int DaysOverdue, CommitmentDto Commitment);

public sealed record MonthlyHoursDto(DateOnly Month, decimal Hours, decimal RecordedByStaff, decimal AttestedByParticipant);

public sealed record HoursSummaryDto(Guid ParticipantId, DateOnly? From, DateOnly? To, decimal TotalHours, IReadOnlyList<MonthlyHoursDto> Months);

public sealed record BulkHoursRowDto(int Index, string Status, Guid? Id, IReadOnlyDictionary<string, string[]>? Errors);

public sealed record BulkHoursDto(int Recorded, int Rejected, IReadOnlyList<BulkHoursRowDto> Rows);

public sealed record ValidationDto(
    Guid Id, Guid ParticipantId, string Method, string? Assessor, DateOnly Date, string? Result, bool CertificateIssued, DateTimeOffset RecordedAt);

public sealed record ExitDto(Guid ParticipantId, DateOnly ExitDate, string Outcome, string? Reason, bool GainedQualification, DateTimeOffset RecordedAt);

public sealed record FollowUpDto(Guid Id, Guid ParticipantId, string Point, DateOnly Date, string Situation, string? Note, DateTimeOffset RecordedAt);

public sealed record FollowUpScheduleItemDto(string Point, DateOnly DueDate, bool Recorded);

public sealed record FollowUpsDto(Guid ParticipantId, DateOnly? ExitDate, IReadOnlyList<FollowUpScheduleItemDto> Schedule, IReadOnlyList<FollowUpDto> Recorded);

public sealed record DueFollowUpDto(Guid ParticipantId, Guid CollaborationId, DateOnly ExitDate, string Point, DateOnly DueDate);

public sealed record IdentityAccessDto(long Id, Guid ParticipantId, string Subject, Guid? AgencyId, string Role, string Reason, DateTimeOffset AccessedAt);
