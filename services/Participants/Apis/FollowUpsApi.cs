using MassTransit;
using Samverkan.Contracts.Participants;
using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>Uppföljning at four weeks, six months and twelve months after exit, and the reminders of those due.</summary>
public static class FollowUpsApi
{
    public static RouteGroupBuilder MapFollowUpsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/follow-ups", RecordFollowUp)
            .WithSummary("Registrera uppföljning").WithDescription("Records the follow-up after exit at 4 weeks, 6 or 12 months.");
        api.MapGet("/{id:guid}/follow-ups", ListFollowUps)
            .WithSummary("Visa uppföljningar").WithDescription("The participant's follow-ups after exit.");
        api.MapGet("/follow-ups/due", ListDueFollowUps)
            .WithSummary("Uppföljningar att göra").WithDescription("Follow-ups that are due for the participants the caller may see.");
        return api;
    }

    /// <summary>201 with the follow-up; 409 before the exit or when the point is already recorded; 400 for a date before the exit or ahead.</summary>
    public static async Task<Results<Created<FollowUpResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordFollowUp(
        Guid id, RecordFollowUpRequest request, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        var participant = await FindAccessibleAsync(id, user, db, authorization, ct);
        if (participant is null)
            return TypedResults.NotFound();
        var exit = await ExitOfAsync(db, id, ct);
        var recorded = await db.Set<FollowUp>().Where(f => f.ParticipantId == id).Select(f => f.Point).ToListAsync(ct);
        var point = request.Point!.Value;
        if (FollowUpRules.Conflict(exit?.ExitDate, point, recorded) is { } conflict)
            return Conflict(conflict, "point");
        if (FollowUpRules.DateError(exit!.ExitDate, request.Date!.Value, Today()) is { } dateError)
            return Invalid("date", dateError);

        var followUp = new FollowUp
        {
            Id = NewId.NextSequentialGuid(),
            ParticipantId = id,
            Point = point,
            Date = request.Date.Value,
            Situation = request.Situation!.Value,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            RecordedBy = Who(user),
            RecordedAt = DateTimeOffset.UtcNow,
        };
        db.Add(followUp);
        db.AddIntegrationEvent(followUp.ToRecordedEvent(participant.CollaborationId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return Conflict("This follow-up point is already recorded.", "point");
        }
        return TypedResults.Created($"/api/participants/{id}/follow-ups", FollowUpResponse.From(followUp));
    }

    /// <summary>The schedule (due dates once exited) and the follow-ups recorded.</summary>
    public static async Task<Results<Ok<FollowUpsResponse>, NotFound>> ListFollowUps(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await FindAccessibleAsync(id, user, db, authorization, ct) is null)
            return TypedResults.NotFound();
        var exit = await ExitOfAsync(db, id, ct);
        var followUps = await db.Set<FollowUp>().AsNoTracking().Where(f => f.ParticipantId == id).OrderBy(f => f.Point).ToListAsync(ct);
        var schedule = exit is null
            ? []
            : Enum.GetValues<FollowUpPoint>()
                .Select(p => new FollowUpScheduleItem(p, FollowUpRules.DueDate(exit.ExitDate, p), followUps.Any(f => f.Point == p)))
                .ToList();
        return TypedResults.Ok(new FollowUpsResponse(id, exit?.ExitDate, schedule, followUps.Select(FollowUpResponse.From).ToList()));
    }

    /// <summary>
    /// Reminders: for the participants the caller may see (every participant for an admin), the follow-ups due on
    /// <c>asOf</c> (default today) and not recorded, earliest first.
    /// </summary>
    public static async Task<Results<Ok<List<DueFollowUpResponse>>, ValidationProblem>> ListDueFollowUps(
        ClaimsPrincipal user, ParticipantsDbContext db, CancellationToken ct, string? asOf = null)
    {
        if (!TryParseDate(asOf, Today(), out var date))
            return Invalid("asOf", DateFormatError);
        var day = date!.Value;
        // Nothing is due before four weeks after the exit, the earliest point.
        var latestExit = day.AddDays(-28);
        var query =
            from exit in db.Set<ParticipantExit>().AsNoTracking()
            join participant in db.Participants.AsNoTracking().VisibleTo(user, db) on exit.ParticipantId equals participant.Id
            where exit.ExitDate <= latestExit
                  && !db.Set<ParticipantErasure>().Any(e => e.ParticipantId == participant.Id)
                  && db.Set<FollowUp>().Count(f => f.ParticipantId == participant.Id) < 3
            select new { participant.Id, participant.CollaborationId, exit.ExitDate };
        var exits = await query.ToListAsync(ct);
        var ids = exits.Select(x => x.Id).ToList();
        var recorded = (await db.Set<FollowUp>().AsNoTracking().Where(f => ids.Contains(f.ParticipantId))
                .Select(f => new { f.ParticipantId, f.Point }).ToListAsync(ct))
            .ToLookup(f => f.ParticipantId, f => f.Point);

        var due = exits
            .SelectMany(x => FollowUpRules.Due(x.ExitDate, recorded[x.Id], day)
                .Select(d => new DueFollowUpResponse(x.Id, x.CollaborationId, x.ExitDate, d.Point, d.DueDate)))
            .OrderBy(d => d.DueDate).ThenBy(d => d.ParticipantId)
            .ToList();
        return TypedResults.Ok(due);
    }
}
