using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Participants.Apis;

/// <summary>Avslut: a participant's exit, once, published as <c>ParticipantExited</c>.</summary>
public static class ExitApi
{
    public static RouteGroupBuilder MapExitApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/exit", ExitParticipant)
            .WithSummary("Registrera avslut").WithDescription("Records the exit date and outcome (work, studies …); once per participant.")
            .WithRequestExample(new { exitDate = "2027-03-31", outcome = "employment", reason = "Anställd efter praktik" });
        api.MapGet("/{id:guid}/exit", GetExit)
            .WithSummary("Visa avslut").WithDescription("The participant's exit and its outcome.");
        return api;
    }

    /// <summary>
    /// Records the exit: 200 with it; 409 when the participant has already exited; 400 for an exit date before
    /// the start date or in the future.
    /// </summary>
    public static async Task<Results<Ok<ExitResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ExitParticipant(
        Guid id, ExitRequest request, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await FindAccessibleAsync(id, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();
        if (await db.Set<ParticipantExit>().AnyAsync(x => x.ParticipantId == id, ct))
            return Conflict("The participant has already exited.");
        var exitDate = request.ExitDate!.Value;
        if (ExitRules.ExitDateError(exitDate, participant.StartDate, Today()) is { } error)
            return Invalid("exitDate", error);

        var validations = await db.Set<SkillsValidation>().AsNoTracking().Where(v => v.ParticipantId == id)
            .Select(v => new { v.Date, v.CertificateIssued }).ToListAsync(ct);
        var exit = new ParticipantExit
        {
            ParticipantId = id,
            ExitDate = exitDate,
            Outcome = request.Outcome!.Value,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            GainedQualification = ExitRules.GainedQualification(validations.Select(v => (v.Date, v.CertificateIssued)), exitDate),
            RecordedBy = Who(user),
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.Add(exit);
        db.AddIntegrationEvent(exit.ToExitedEvent(participant.CollaborationId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return Conflict("The participant has already exited."); // a concurrent exit won
        }
        return TypedResults.Ok(ExitResponse.From(exit));
    }

    public static async Task<Results<Ok<ExitResponse>, NotFound>> GetExit(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await FindAccessibleAsync(id, user, db, authorization, ct) is null)
            return TypedResults.NotFound();
        var exit = await ExitOfAsync(db, id, ct);
        return exit is null ? TypedResults.NotFound() : TypedResults.Ok(ExitResponse.From(exit));
    }
}
