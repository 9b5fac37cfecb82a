using MassTransit;
using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>Validering: skills validations (OCN, KGA, other), each published as <c>ValidationCompleted</c> without assessor or result.</summary>
public static class ValidationsApi
{
    public static RouteGroupBuilder MapValidationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/validations", RecordValidation)
            .WithSummary("Registrera validering").WithDescription("Records a skills validation (method, assessor, result, certificate).");
        api.MapGet("/{id:guid}/validations", ListValidations)
            .WithSummary("Visa valideringar").WithDescription("The participant's skills validations.");
        return api;
    }

    public static async Task<Results<Created<ValidationResponse>, NotFound, ValidationProblem>> RecordValidation(
        Guid id, RecordValidationRequest request, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await FindAccessibleAsync(id, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();
        var date = request.Date!.Value;
        if (date < participant.StartDate)
            return Invalid("date", "A validation cannot be dated before the participant's start date.");
        if (date > Today())
            return Invalid("date", "A validation cannot be dated in the future.");

        var validation = new SkillsValidation
        {
            Id = NewId.NextSequentialGuid(),
            ParticipantId = id,
            Method = request.Method!.Value,
            Assessor = request.Assessor!.Trim(),
            Date = date,
            Result = string.IsNullOrWhiteSpace(request.Result) ? null : request.Result.Trim(),
            CertificateIssued = request.CertificateIssued!.Value,
            RecordedBy = Who(user),
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.Add(validation);
        db.AddIntegrationEvent(validation.ToCompletedEvent(participant.CollaborationId));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/participants/{id}/validations", ValidationResponse.From(validation));
    }

    public static async Task<Results<Ok<List<ValidationResponse>>, NotFound>> ListValidations(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await FindAccessibleAsync(id, user, db, authorization, ct) is null)
            return TypedResults.NotFound();
        var validations = await db.Set<SkillsValidation>().AsNoTracking().Where(v => v.ParticipantId == id)
            .OrderBy(v => v.Date).ThenBy(v => v.Id).ToListAsync(ct);
        return TypedResults.Ok(validations.Select(ValidationResponse.From).ToList());
    }
}
