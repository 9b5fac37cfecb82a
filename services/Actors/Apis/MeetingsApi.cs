using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Actors.Infrastructure;
using Samverkan.Actors.Model;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Actors.Apis;

/// <summary>Meetings and check-ins with their decisions. Mapped by <see cref="GovernanceApi"/>; same access rules.</summary>
public static class MeetingsApi
{
    public static async Task<Results<Created<MeetingResponse>, NotFound, ForbidHttpResult, ValidationProblem>> CreateMeeting(
        Guid id, MeetingRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var (collaboration, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Manage, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        if (GovernanceRules.Validate(request, GovernanceApi.CurrentMembers(collaboration!)) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        var meeting = new Meeting { Id = NewId.NextSequentialGuid(), CollaborationId = id, CreatedAt = DateTimeOffset.UtcNow };
        GovernanceRules.Apply(meeting, request);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        ETags.Set(http, meeting.Version);
        return TypedResults.Created($"/api/collaborations/{id}/meetings/{meeting.Id}", MeetingResponse.From(meeting));
    }

    /// <summary>Most recent first.</summary>
    public static async Task<Results<Ok<List<MeetingResponse>>, NotFound, ForbidHttpResult>> ListMeetings(
        Guid id, ClaimsPrincipal user, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.CollaborationId == id)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(meetings.Select(MeetingResponse.From).ToList());
    }

    public static async Task<Results<Ok<MeetingResponse>, NotFound, ForbidHttpResult>> GetMeeting(
        Guid id, Guid meetingId, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var (_, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Read, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId && m.CollaborationId == id, ct);
        if (meeting is null)
            return TypedResults.NotFound();
        ETags.Set(http, meeting.Version);
        return TypedResults.Ok(MeetingResponse.From(meeting));
    }

    /// <summary>Replaces the meeting's record, typically to mark a decision done; If-Match required.</summary>
    public static async Task<Results<Ok<MeetingResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateMeeting(
        Guid id, Guid meetingId, MeetingRequest request, ClaimsPrincipal user, HttpContext http, ActorsDbContext db, CancellationToken ct)
    {
        var (collaboration, access) = await CollaborationLookup.LoadAsync(db, id, user, CollaborationAction.Manage, ct);
        switch (access)
        {
            case AccessDecision.NotFound: return TypedResults.NotFound();
            case AccessDecision.Forbidden: return TypedResults.Forbid();
        }
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.CollaborationId == id, ct);
        if (meeting is null)
            return TypedResults.NotFound();
        if (!ETags.TryReadIfMatch(http.Request, out var expected, out var precondition))
            return precondition!;
        if (expected != meeting.Version)
            return ETags.Stale();
        if (GovernanceRules.Validate(request, GovernanceApi.CurrentMembers(collaboration!)) is { Count: > 0 } errors)
            return TypedResults.ValidationProblem(errors);
        GovernanceRules.Apply(meeting, request);
        meeting.UpdatedAt = DateTimeOffset.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.Stale();
        }
        ETags.Set(http, meeting.Version);
        return TypedResults.Ok(MeetingResponse.From(meeting));
    }
}
