using System.Globalization;
using Npgsql;

namespace Samverkan.Participants.Apis;

/// <summary>What the journey endpoints (exit, follow-up, plan, hours, validation, record) share; loading under the access rules is in <see cref="AccessibleParticipants"/>.</summary>
internal static class ParticipantRecords
{
    /// <summary>The participant's exit, if it has exited.</summary>
    public static Task<ParticipantExit?> ExitOfAsync(ParticipantsDbContext db, Guid id, CancellationToken ct) =>
        db.Set<ParticipantExit>().AsNoTracking().FirstOrDefaultAsync(x => x.ParticipantId == id, ct);

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Conflict(string title, string? field = null) =>
        TypedResults.Problem(title: title, statusCode: StatusCodes.Status409Conflict,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    /// <summary>A unique index refused the write: from SaveChanges (wrapped) or from a COPY (<see cref="ParticipantCopy"/>).</summary>
    public static bool IsUniqueViolation(Exception ex) =>
        (ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>
    /// A date from the query string (YYYY-MM-DD), defaulting to <paramref name="fallback"/>. Parsed here, not by
    /// binding, so that a bad value is a 400 naming the parameter.
    /// </summary>
    public static bool TryParseDate(string? value, DateOnly? fallback, out DateOnly? date)
    {
        date = fallback;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        date = parsed;
        return true;
    }

    public const string DateFormatError = "Expected a date as YYYY-MM-DD.";
}
