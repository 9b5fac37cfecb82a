using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Samverkan.Contracts.Employers;
using Samverkan.Employers.Infrastructure;
using Samverkan.Employers.Model;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Employers.Apis;

/// <summary>
/// Supported Employment's follow-up: support contacts with the participant and the employer during and after a
/// placement, the reminders (<c>support-due</c>) and the pilots' indicators. The pilot's agency only.
/// </summary>
public static class SupportApi
{
    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/employers").WithTags("Pipelines");
        api.MapPost("/pipelines/{id:guid}/support-contacts", LogSupportContact).RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/pipelines/{id:guid}/support-contacts", ListSupportContacts).RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/pipelines/support-due", ListSupportDue).RequireAuthorization(Policies.AgencyStaff);
        api.MapGet("/pilots/indicators", GetIndicators).RequireAuthorization(EmployerAccess.StaffOrOperator);
        return app;
    }

    /// <summary>Logs a support contact; only once the placement or employment has started (409 before), not before its start date (400).</summary>
    public static async Task<Results<Created<SupportContactResponse>, NotFound, ValidationProblem, ProblemHttpResult>> LogSupportContact(
        Guid id, LogSupportContactRequest request, ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct)
    {
        var pipeline = await db.Pipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.PilotActorId == user.GetAgencyId(), ct);
        if (pipeline is null)
            return TypedResults.NotFound();
        if (pipeline.StartedOn is not { } started)
            return TypedResults.Problem(
                title: "No placement has started.",
                detail: "Support contacts are logged during and after a placement or employment; move the pipeline to placed or employed first.",
                statusCode: StatusCodes.Status409Conflict);
        if (request.Date < started)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [$"Before the start ({started:yyyy-MM-dd})."] });
        var contact = new SupportContact
        {
            Id = NewId.NextSequentialGuid(),
            PipelineId = id,
            Date = request.Date!.Value,
            With = request.With!.Value,
            Channel = request.Channel!.Value,
            LoggedBy = PipelinesApi.PilotOf(user),
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            LoggedAt = DateTimeOffset.UtcNow,
        };
        db.SupportContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/employers/pipelines/{id}/support-contacts/{contact.Id}", SupportContactResponse.From(contact));
    }

    public static async Task<Results<Ok<List<SupportContactResponse>>, NotFound>> ListSupportContacts(
        Guid id, ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct)
    {
        if (!await db.Pipelines.AnyAsync(p => p.Id == id && p.PilotActorId == user.GetAgencyId(), ct))
            return TypedResults.NotFound();
        var contacts = await db.SupportContacts.AsNoTracking().Where(s => s.PipelineId == id).OrderBy(s => s.Date).ThenBy(s => s.Id).ToListAsync(ct);
        return TypedResults.Ok(contacts.Select(SupportContactResponse.From).ToList());
    }

    /// <summary>
    /// The caller's agency's placements that are due a support contact on <paramref name="asOf"/> (default today):
    /// in their first year, still running, no contact in the last month (<see cref="SupportSchedule.IsDue"/>). Longest wait first.
    /// </summary>
    public static async Task<Results<Ok<List<SupportDueResponse>>, ValidationProblem>> ListSupportDue(
        ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct, [PlausibleDate] DateOnly? asOf = null, string? pilot = null)
    {
        var day = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var yearAgo = day.AddMonths(-SupportSchedule.FollowUpMonths);
        var agency = user.GetAgencyId();
        var query = db.Pipelines.AsNoTracking().Where(p => p.PilotActorId == agency
            && (p.Stage == PipelineStage.Placed || p.Stage == PipelineStage.Employed || p.Stage == PipelineStage.Ended)
            && (p.PlacedOn ?? p.EmployedOn) != null && (p.PlacedOn ?? p.EmployedOn) > yearAgo && (p.PlacedOn ?? p.EmployedOn) <= day
            && (p.EndedOn == null || p.EndedOn > day));
        if (!string.IsNullOrEmpty(pilot)) query = query.Where(p => p.Pilot == pilot);
        var pipelines = await query.ToListAsync(ct);
        var ids = pipelines.Select(p => p.Id).ToList();
        var contacts = (await db.SupportContacts.AsNoTracking().Where(s => ids.Contains(s.PipelineId) && s.Date <= day)
            .Select(s => new { s.PipelineId, s.Date }).ToListAsync(ct)).ToLookup(s => s.PipelineId, s => s.Date);
        var due = pipelines
            .Where(p => SupportSchedule.IsDue(p.StartedOn!.Value, p.EndedOn, contacts[p.Id], day))
            .Select(p =>
            {
                var last = contacts[p.Id].Where(d => d >= p.StartedOn!.Value).Select(d => (DateOnly?)d).Max();
                var since = (last ?? p.StartedOn!.Value).DayNumber;
                return new SupportDueResponse(p.Id, p.ParticipantId, p.OfferId, p.EmployerId, p.Pilot, p.Stage, p.StartedOn!.Value, last, day.DayNumber - since);
            })
            .OrderByDescending(d => d.DaysSinceLastContact).ThenBy(d => d.PipelineId)
            .ToList();
        return TypedResults.Ok(due);
    }

    /// <summary>
    /// Per pilot of the caller's agency (an admin too: its own agency only; the platform operator: every agency), over <c>from</c>–<c>to</c> inclusive:
    /// caseload, employer contacts per week, days from enrolment to first employer contact, share placed and
    /// follow-up coverage. Definitions in <see cref="PilotIndicators"/>.
    /// </summary>
    public static async Task<Results<Ok<PilotIndicatorsResponse>, ValidationProblem>> GetIndicators(
        ClaimsPrincipal user, EmployersDbContext db, CancellationToken ct, [PlausibleDate] DateOnly? from = null, [PlausibleDate] DateOnly? to = null)
    {
        if (from is null || to is null || from > to)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [from is null ? "from" : "to"] = ["Both from and to are required, from ≤ to."] });
        var query = db.Pipelines.AsNoTracking().Where(p => p.ProposedOn <= to);
        if (!EmployerAccess.IsOperator(user))
        {
            var agency = user.GetAgencyId();
            query = query.Where(p => p.PilotActorId == agency);
        }
        var pipelines = await query
            .Select(p => new PipelineFacts(p.Id, p.ParticipantId, p.Pilot, p.PilotActorId, p.ProposedOn, p.PresentedOn, p.PlacedOn, p.EmployedOn, p.EndedOn))
            .ToListAsync(ct);
        var ids = pipelines.Select(p => p.PipelineId).ToList();
        var support = await db.SupportContacts.AsNoTracking().Where(s => ids.Contains(s.PipelineId) && s.Date <= to)
            .Select(s => new SupportFacts(s.PipelineId, s.Date, s.With, s.LoggedBy)).ToListAsync(ct);
        var participants = pipelines.Where(p => p.ParticipantId != null).Select(p => p.ParticipantId!.Value).Distinct().ToList();
        var starts = (await db.Enrolments.AsNoTracking().Where(e => participants.Contains(e.ParticipantId))
            .Select(e => new { e.ParticipantId, e.StartDate }).ToListAsync(ct))
            .GroupBy(e => e.ParticipantId).ToDictionary(g => g.Key, g => g.Min(e => e.StartDate)); // first start kept, as ESF+ counts
        return TypedResults.Ok(new PilotIndicatorsResponse(from.Value, to.Value, PilotIndicators.Compute(pipelines, support, starts, from.Value, to.Value)));
    }
}

public sealed record PilotIndicatorsResponse(DateOnly From, DateOnly To, IReadOnlyList<PilotIndicatorRow> Pilots);
