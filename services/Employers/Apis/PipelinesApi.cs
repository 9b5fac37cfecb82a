using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverkan.Contracts.Employers;
using Samverkan.Contracts.Participants;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Employers.Apis;

/// <summary>
/// The job-seeker pilot's pipeline (sökandelots). A pilot's agency owns its pipelines: its staff propose, move
/// and read them; any other agency gets 404. An employer reads the pipelines on its own offers, pseudonymously
/// until the participant consents to disclose identity to it.
/// </summary>
public static class PipelinesApi
{
    public static IEndpointRouteBuilder MapPipelinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/employers/pipelines").WithTags("Pipelines").RequireAuthorization(Policies.Authenticated);
        api.MapPost("/", Propose).RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/", ListPipelines);
        api.MapGet("/{id:guid}", GetPipeline);
        api.MapPost("/{id:guid}/moves", Move).RequireAuthorization(Policies.AgencyStaff);
        return app;
    }

    /// <summary>
    /// Opens a pipeline (stage proposed) in the caller's caseload. 404 for a participant the caller's agency does not
    /// reach (<see cref="ParticipantAccess"/>); 409 when the offer is not open, the participant has no profile shown to
    /// the offer's employer (no anonymous-profile consent in force naming it), or the pair already has an open pipeline.
    /// </summary>
    public static async Task<Results<Created<PipelineResponse>, ValidationProblem, ProblemHttpResult>> Propose(
        ProposeCandidateRequest request, ClaimsPrincipal user, EmployersDbContext db, PseudonymKey key, CancellationToken ct)
    {
        var participantId = request.ParticipantId!.Value;
        if (await ParticipantAccess.RelationAsync(user, participantId, db, ct) == ParticipantRelation.None)
            return ParticipantAccess.NotFound(participantId);
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.OfferId, ct);
        if (offer is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["offerId"] = [$"No offer {request.OfferId}."] });
        if (offer.Status != OfferStatus.Open)
            return Conflict("The offer is not open.", $"The offer is {KebabCaseEnum.Name(offer.Status)}: it takes no candidates.");
        var employerActor = await db.Employers.Where(e => e.Id == offer.EmployerId).Select(e => e.ActorId).FirstOrDefaultAsync(ct);
        if (employerActor is null || !await MatchingIndex.MatchableFor(db, employerActor.Value).AnyAsync(p => p.ParticipantId == participantId, ct))
            return Conflict("The participant cannot be proposed to this employer.",
                "A candidate needs a matching profile and an anonymous-profile-to-employers consent in force naming the offer's employer.");

        var now = DateTimeOffset.UtcNow;
        var pipeline = new Pipeline
        {
            Id = NewId.NextSequentialGuid(),
            ParticipantId = participantId,
            OfferId = offer.Id,
            EmployerId = offer.EmployerId,
            PilotActorId = user.GetAgencyId()!.Value,
            Pilot = PilotOf(user),
            ProposedOn = request.ProposedOn ?? DateOnly.FromDateTime(now.UtcDateTime),
            CreatedAt = now,
        };
        db.Pipelines.Add(pipeline);
        db.AddIntegrationEvent(PipelineEvents.Proposed(pipeline, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Conflict("The participant is already proposed for this offer.", "An open pipeline for the same participant and offer exists.");
        }
        return TypedResults.Created($"/api/employers/pipelines/{pipeline.Id}", PipelineResponse.ForStaff(pipeline, key.Bytes));
    }

    /// <summary>Staff: their agency's pipelines (filter by <c>pilot</c>, <c>stage</c>, <c>offerId</c>); employer users: those on their offers.</summary>
    public static async Task<Results<Ok<PagedResult<PipelineResponse>>, ValidationProblem>> ListPipelines(
        ClaimsPrincipal user, EmployersDbContext db, PseudonymKey key, CancellationToken ct,
        string? pilot = null, string? stage = null, Guid? offerId = null, int page = 1, int pageSize = 50)
    {
        if (!KebabCaseEnum.TryParse<PipelineStage>(stage, out var stageFilter))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stage"] = [KebabCaseEnum.Expected<PipelineStage>()] });
        (page, pageSize) = Paging.Bound(page, pageSize);
        var query = db.Pipelines.AsNoTracking();
        var employer = EmployerAccess.IsEmployer(user);
        if (employer)
        {
            var own = await EmployerAccess.OwnEmployerIdAsync(user, db, ct);
            query = query.Where(p => p.EmployerId == own);
        }
        else
        {
            var agency = user.GetAgencyId();
            query = query.Where(p => p.PilotActorId == agency);
            if (!string.IsNullOrEmpty(pilot)) query = query.Where(p => p.Pilot == pilot);
        }
        if (stageFilter is not null) query = query.Where(p => p.Stage == stageFilter);
        if (offerId is not null) query = query.Where(p => p.OfferId == offerId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.ProposedOn).ThenBy(p => p.Id).Page(page, pageSize).ToListAsync(ct);
        var items = employer
            ? await ForEmployerAsync(rows, user, db, key, ct)
            : rows.Select(p => PipelineResponse.ForStaff(p, key.Bytes)).ToList();
        return TypedResults.Ok(new PagedResult<PipelineResponse>(items, page, pageSize, total));
    }

    public static async Task<Results<Ok<PipelineResponse>, NotFound>> GetPipeline(
        Guid id, ClaimsPrincipal user, EmployersDbContext db, PseudonymKey key, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pipeline is null)
            return TypedResults.NotFound();
        if (EmployerAccess.IsEmployer(user))
        {
            if (pipeline.EmployerId != await EmployerAccess.OwnEmployerIdAsync(user, db, ct))
                return TypedResults.NotFound();
            return TypedResults.Ok((await ForEmployerAsync([pipeline], user, db, key, ct))[0]);
        }
        return pipeline.PilotActorId == user.GetAgencyId() ? TypedResults.Ok(PipelineResponse.ForStaff(pipeline, key.Bytes)) : TypedResults.NotFound();
    }

    /// <summary>One step forward (see <see cref="PipelineRules"/>); 409 for an illegal move, 400 for a date before the current stage's.</summary>
    public static async Task<Results<Ok<PipelineResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Move(
        Guid id, MovePipelineRequest request, ClaimsPrincipal user, EmployersDbContext db, PseudonymKey key, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.FirstOrDefaultAsync(p => p.Id == id && p.PilotActorId == user.GetAgencyId(), ct);
        if (pipeline is null)
            return TypedResults.NotFound();
        if (pipeline.ParticipantId is null)
            return Conflict("The participant was erased.", "A pipeline whose participant was erased cannot move.");
        var from = pipeline.Stage;
        var next = request.Stage!.Value;
        switch (pipeline.TryMoveTo(next, request.Date!.Value))
        {
            case MoveOutcome.IllegalMove:
                return TypedResults.Problem(
                    title: "The pipeline cannot move to that stage.",
                    detail: $"A pipeline at {KebabCaseEnum.Name(from)} cannot move to {KebabCaseEnum.Name(next)}.",
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["stage"] = KebabCaseEnum.Name(from) });
            case MoveOutcome.DateBeforePreviousStage:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    { ["date"] = [$"The date is before the current stage's ({pipeline.StageDate:yyyy-MM-dd})."] });
        }
        var kind = await db.Offers.Where(o => o.Id == pipeline.OfferId).Select(o => o.Kind).FirstAsync(ct);
        PipelineEvents.AddForStep(db, pipeline, from, kind, DateTimeOffset.UtcNow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("The pipeline changed at the same time.", "Another move landed first: read it again and retry.");
        }
        return TypedResults.Ok(PipelineResponse.ForStaff(pipeline, key.Bytes));
    }

    /// <summary>The pilot: the token's subject (a staff member), so caseloads are per person, not per agency.</summary>
    public static string PilotOf(ClaimsPrincipal user) => user.Identity?.Name ?? user.GetAgencyId()?.ToString() ?? "unknown";

    private static async Task<List<PipelineResponse>> ForEmployerAsync(
        IReadOnlyList<Pipeline> rows, ClaimsPrincipal user, EmployersDbContext db, PseudonymKey key, CancellationToken ct)
    {
        var actor = user.GetAgencyId();
        var ids = rows.Where(p => p.ParticipantId is not null).Select(p => p.ParticipantId!.Value).Distinct().ToList();
        var disclosed = (await db.ParticipantConsents.AsNoTracking()
            .Where(c => ids.Contains(c.ParticipantId) && c.Purpose == ConsentPurpose.DiscloseIdentityToEmployer && c.RecipientActorId == actor
                && c.GivenOn != null && c.WithdrawnAt == null)
            .Select(c => c.ParticipantId).ToListAsync(ct)).ToHashSet();
        return rows.Select(p => PipelineResponse.ForEmployer(p, key.Bytes, p.ParticipantId is { } pid && disclosed.Contains(pid))).ToList();
    }

    private static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
