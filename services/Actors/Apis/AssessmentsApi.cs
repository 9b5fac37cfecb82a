using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.Contracts.Actors;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;
using Samverkan.ServiceDefaults.Messaging;

namespace Samverkan.Actors.Apis;

/// <summary>
/// Collaboration health assessment in rounds. Those who manage the collaboration open rounds; each member
/// actor's coordinators (or its admins) answer for that member; everyone who reads the collaboration sees the
/// answers and the summary with its divergent and falling flags.
/// </summary>
public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collaborations/{id:guid}").WithTags("Assessment").RequireAuthorization(Policies.AgencyStaff);
        api.MapPost("/assessment-rounds", CreateRound).RequireAuthorization(Policies.Coordinator);
        api.MapGet("/assessment-rounds", ListRounds);
        api.MapPut("/assessment-rounds/{round:int}/answers", SubmitAnswers).RequireAuthorization(Policies.Coordinator);
        api.MapGet("/assessment-rounds/{round:int}/answers", ListAnswers);
        api.MapGet("/assessment", GetAssessment);
        app.MapGet("/api/collaborations/assessment-criteria", ListCriteria).WithTags("Assessment").RequireAuthorization(Policies.AgencyStaff);
        return app;
    }

    /// <summary>The fifteen criteria with their Swedish and English wording, for building the answer form.</summary>
    public static Ok<List<CriterionDescription>> ListCriteria() =>
        TypedResults.Ok(Enum.GetValues<AssessmentCriterion>().Select(c => new CriterionDescription(c, CriterionLabels.For(c))).ToList());

    public static async Task<Results<Created<AssessmentRoundResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> CreateRound(
        Guid id, CreateAssessmentRoundRequest request, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Manage, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var previous = await db.AssessmentRounds.AsNoTracking().Where(r => r.CollaborationId == id).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var heldOn = request.HeldOn!.Value;
        if (previous is not null && heldOn < previous.HeldOn)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["heldOn"] = [$"Round {previous.Number} was held {previous.HeldOn:yyyy-MM-dd}; rounds follow each other over time."],
            });
        var round = new AssessmentRound
        {
            Id = NewId.NextSequentialGuid(), CollaborationId = id, Number = (previous?.Number ?? 0) + 1, HeldOn = heldOn,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.AssessmentRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(title: "Another round was opened at the same time.", detail: "List the rounds and try again.",
                statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/collaborations/{id}/assessment-rounds/{round.Number}", AssessmentRoundResponse.From(round));
    }

    public static async Task<Results<Ok<List<AssessmentRoundResponse>>, NotFound, ForbidHttpResult>> ListRounds(
        Guid id, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var rounds = await db.AssessmentRounds.AsNoTracking().Where(r => r.CollaborationId == id).OrderBy(r => r.Number).ToListAsync(ct);
        return TypedResults.Ok(rounds.Select(AssessmentRoundResponse.From).ToList());
    }

    /// <summary>
    /// Submits or replaces one member's answers for a round. If-Match is optional here: only the member
    /// itself writes its answers, but a client that sends the ETag of what it read still gets 412 when stale.
    /// </summary>
    public static async Task<Results<Ok<AssessmentSubmissionResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> SubmitAnswers(
        Guid id, int round, SubmitAssessmentRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var collaboration = await db.Collaborations.AsNoTracking().Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (collaboration is null)
            return TypedResults.NotFound();
        var actorId = request.ActorId ?? user.GetAgencyId() ?? Guid.Empty;
        switch (CollaborationsApi.DecideMemberOwn(user, collaboration, actorId))
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        if (!await db.AssessmentRounds.AnyAsync(r => r.CollaborationId == id && r.Number == round, ct))
            return TypedResults.NotFound();
        var errors = AssessmentRules.Validate(request);
        if (!collaboration.CurrentMembers(CollaborationsApi.Today).Any(m => m.ActorId == actorId))
            errors["actorId"] = ["Only a current member of the collaboration answers its assessment."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var submission = await db.AssessmentSubmissions.FirstOrDefaultAsync(s => s.CollaborationId == id && s.Round == round && s.ActorId == actorId, ct);
        if (submission is not null && http.Request.Headers.IfMatch.Count > 0)
        {
            if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
                return precondition!;
            if (expected != submission.Version)
                return ETags.Stale();
        }
        var now = DateTimeOffset.UtcNow;
        if (submission is null)
        {
            submission = new AssessmentSubmission { Id = NewId.NextSequentialGuid(), CollaborationId = id, Round = round, ActorId = actorId };
            db.AssessmentSubmissions.Add(submission);
        }
        submission.Answers = AssessmentRules.ToModel(request);
        submission.SubmittedAt = now;
        db.AddIntegrationEvent(new AssessmentSubmitted
        {
            CollaborationId = id, Round = round, ActorId = actorId, SubmittedAt = now,
            Scores = submission.Answers.Select(a => new CriterionScore { Criterion = a.Criterion, Score = a.Score }).ToList(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException
            || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ETags.Stale(); // the same member's answers were written at the same moment
        }
        ETags.Set(http, submission.Version);
        return TypedResults.Ok(AssessmentSubmissionResponse.From(submission));
    }

    public static async Task<Results<Ok<List<AssessmentSubmissionResponse>>, NotFound, ForbidHttpResult>> ListAnswers(
        Guid id, int round, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        if (!await db.AssessmentRounds.AnyAsync(r => r.CollaborationId == id && r.Number == round, ct))
            return TypedResults.NotFound();
        var submissions = await db.AssessmentSubmissions.AsNoTracking().Where(s => s.CollaborationId == id && s.Round == round)
            .OrderBy(s => s.SubmittedAt).ToListAsync(ct);
        return TypedResults.Ok(submissions.Select(AssessmentSubmissionResponse.From).ToList());
    }

    /// <summary>Per round and criterion: mean, spread, standard deviation, number of answers, and the flags.</summary>
    public static async Task<Results<Ok<AssessmentResponse>, NotFound, ForbidHttpResult>> GetAssessment(
        Guid id, ClaimsPrincipal user, ActorsDbContext db, IOptions<AssessmentOptions> options, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var rounds = await db.AssessmentRounds.AsNoTracking().Where(r => r.CollaborationId == id).ToListAsync(ct);
        var submissions = await db.AssessmentSubmissions.AsNoTracking().Where(s => s.CollaborationId == id).ToListAsync(ct);
        var summary = AssessmentAnalysis.Summarise(rounds, submissions, options.Value);
        return TypedResults.Ok(new AssessmentResponse(id, options.Value, summary.Select(RoundSummary.From).ToList()));
    }
}
