using static Samverkan.Participants.Apis.AccessibleParticipants;
using static Samverkan.Participants.Apis.ParticipantRecords;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Participants.Apis;

/// <summary>Deltagartimmar: one entry, a bulk entry with a result per row, and the totals by month for ESF time reporting.</summary>
public static class HoursApi
{
    public const int MaxBulkRows = 1000;

    public static RouteGroupBuilder MapHoursApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/hours", RecordHours)
            .WithSummary("Registrera deltagartimmar").WithDescription("Records the hours a participant took part on one day (at most 24 a day).")
            .WithRequestExample(new { date = "2026-11-10", hours = 6.5, attestedByParticipant = false });
        api.MapGet("/{id:guid}/hours", GetMonthlyHours)
            .WithSummary("Visa deltagartimmar per månad").WithDescription("The participant's hours summed by month, staff-recorded and attested apart.");
        api.MapPost("/hours/bulk", RecordHoursInBulk)
            .WithSummary("Registrera timmar för flera deltagare").WithDescription("Records many participants' hours in one request, with a result per row.");
        return api;
    }

    /// <summary>201 with the entry; 400 naming the field (date outside the participation, hours not in (0, 24] for the day).</summary>
    public static async Task<Results<Created<HoursEntryResponse>, NotFound, ValidationProblem>> RecordHours(
        Guid id, RecordHoursRequest request, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (await FindAccessibleAsync(id, user, db, authorization, ct) is null)
            return TypedResults.NotFound();
        var result = (await HoursRecorder.RecordAsync([new HoursRecorder.Row(id, request.Date, request.Hours, request.AttestedByParticipant)], user, db, authorization, ct))[0];
        if (result.Errors is { } errors)
            return TypedResults.ValidationProblem(errors);
        var entry = await db.Set<ParticipationHours>().AsNoTracking().SingleAsync(h => h.Id == result.Id, ct);
        return TypedResults.Created($"/api/participants/{id}/hours", HoursEntryResponse.From(entry));
    }

    /// <summary>
    /// A JSON array of rows (at most <see cref="MaxBulkRows"/>): 200 with a result per row, in order. A rejected row
    /// writes nothing; the others are recorded.
    /// </summary>
    public static async Task<Results<Ok<BulkHoursResponse>, ValidationProblem>> RecordHoursInBulk(
        List<BulkHoursRow> rows, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct)
    {
        if (rows.Count == 0)
            return Invalid("$", "Send at least one row.");
        if (rows.Count > MaxBulkRows)
            return Invalid("$", $"At most {MaxBulkRows} rows in one request.");
        var results = await HoursRecorder.RecordAsync(
            rows.Select(r => new HoursRecorder.Row(r.ParticipantId, r.Date, r.Hours, r.AttestedByParticipant)).ToList(), user, db, authorization, ct);
        var recorded = results.Count(r => r.Errors is null);
        return TypedResults.Ok(new BulkHoursResponse(recorded, results.Count - recorded, results));
    }

    /// <summary>The participant's hours summed by month, between <c>from</c> and <c>to</c> (inclusive, both optional).</summary>
    public static async Task<Results<Ok<HoursSummaryResponse>, NotFound, ValidationProblem>> GetMonthlyHours(
        Guid id, ClaimsPrincipal user, ParticipantsDbContext db, IAuthorizationService authorization, CancellationToken ct,
        string? from = null, string? to = null)
    {
        if (!TryParseDate(from, null, out var fromDate))
            return Invalid("from", DateFormatError);
        if (!TryParseDate(to, null, out var toDate))
            return Invalid("to", DateFormatError);
        if (fromDate > toDate)
            return Invalid("to", "The end of the period cannot be before its start.");
        if (await FindAccessibleAsync(id, user, db, authorization, ct) is null)
            return TypedResults.NotFound();

        var query = db.Set<ParticipationHours>().AsNoTracking().Where(h => h.ParticipantId == id);
        if (fromDate is { } f)
            query = query.Where(h => h.Date >= f);
        if (toDate is { } t)
            query = query.Where(h => h.Date <= t);
        var entries = await query.Select(h => new { h.Date, h.Hours, h.AttestedByParticipant }).ToListAsync(ct);
        var months = entries
            .GroupBy(e => HoursRules.MonthOf(e.Date))
            .OrderBy(g => g.Key)
            .Select(g => new MonthlyHoursResponse(g.Key, g.Sum(e => e.Hours),
                g.Where(e => !e.AttestedByParticipant).Sum(e => e.Hours), g.Where(e => e.AttestedByParticipant).Sum(e => e.Hours)))
            .ToList();
        return TypedResults.Ok(new HoursSummaryResponse(id, fromDate, toDate, months.Sum(m => m.Hours), months));
    }
}
