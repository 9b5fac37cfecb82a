using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;
using Samverkan.Participants.Security;
using Samverkan.ServiceDefaults.Http;
using static Samverkan.Participants.Apis.ParticipantRecords;

namespace Samverkan.Participants.Apis;

/// <summary>
/// Bulk enrolment for agencies integrating their own systems: a batch of enrolments as a JSON array or a CSV, with a
/// result per row. Every row goes through the same path as a single enrolment (<see cref="Enrolment"/>); the batch
/// is looked up in a few queries and saved in one transaction. A rejected row writes nothing; the other rows still go in.
/// </summary>
public static class BulkEnrolmentApi
{
    public const int MaxRows = 1000;

    public static readonly string Description =
        $"""
        Enrols up to {MaxRows} participants in one request, as a JSON array of enrolment objects (the body of
        POST /api/participants) or as text/csv. The answer is 200 with one result per row, in order: created (with the new
        participantId), already-enrolled (the same person is already in the collaboration: the existing participantId, first
        start date kept), or rejected (errors: field → reasons, as in a single enrolment; nothing is written for that row).
        Each created row publishes ParticipantEnrolled like a single enrolment. More than {MaxRows} rows, an empty batch, a
        body that is not an array, or a CSV header naming an unknown column is a 400 for the whole request.

        CSV: UTF-8, a header row naming the columns (any order, case-insensitive; columns not needed may be left out),
        comma-separated (or semicolon-separated when the header uses semicolons), RFC 4180 quoting. Columns:
        collaborationId (uuid), personalIdentityNumber (YYMMDD-NNNN, YYYYMMDD-NNNN, with or without separator),
        withoutNumber (anonymous | protected-identity, instead of a number), name, gender (woman | man | non-binary;
        derived from the number when empty), birthDate (YYYY-MM-DD, only without a number), municipalityCode (SCB, four
        digits), referringActorId (uuid; defaults to the caller's agency), referralDate (YYYY-MM-DD), targetGroups
        (kebab-case values separated by '|', e.g. young|newly-arrived), benefitAtStart, labourMarketStatus, educationLevel
        (kebab-case as in JSON), startDate (YYYY-MM-DD). An empty cell is an absent value.
        """;

    private static readonly JsonSerializerOptions Json = JsonConventions.Create();

    public static async Task<Results<Ok<BulkEnrolmentResponse>, ValidationProblem, ProblemHttpResult>> EnrolBulk(
        HttpRequest http, ClaimsPrincipal user, ParticipantsDbContext db, IdentityProtector protector, IAuthorizationService authorization,
        CancellationToken ct)
    {
        var (rows, invalid, unsupported) = await ReadRowsAsync(http, ct);
        if (invalid is not null)
            return invalid;
        if (unsupported is not null)
            return unsupported;
        if (rows!.Count == 0 || rows.Count > MaxRows)
            return Invalid("rows", $"Send between 1 and {MaxRows} rows per request; this one has {rows.Count}.");

        var results = new BulkRowResult[rows.Count];
        var accepted = new List<(int Index, EnrolParticipantRequest Request)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (request, errors) = rows[i];
            if (request is null)
                results[i] = new BulkRowResult { Index = i, Status = BulkRowStatus.Rejected, Errors = errors };
            else
                accepted.Add((i, request));
        }

        var outcomes = await new Enrolment(db, protector, authorization).EnrolAsync(accepted.Select(a => a.Request).ToList(), user, ct);
        for (var j = 0; j < accepted.Count; j++)
        {
            var (index, outcome) = (accepted[j].Index, outcomes[j]);
            results[index] = outcome.Status switch
            {
                EnrolmentStatus.Created => new BulkRowResult { Index = index, Status = BulkRowStatus.Created, ParticipantId = outcome.Participant!.Id },
                EnrolmentStatus.AlreadyEnrolled => new BulkRowResult { Index = index, Status = BulkRowStatus.AlreadyEnrolled, ParticipantId = outcome.Participant!.Id },
                _ => new BulkRowResult { Index = index, Status = BulkRowStatus.Rejected, Errors = outcome.Errors },
            };
        }
        return TypedResults.Ok(new BulkEnrolmentResponse(
            results.Count(r => r.Status == BulkRowStatus.Created),
            results.Count(r => r.Status == BulkRowStatus.AlreadyEnrolled),
            results.Count(r => r.Status == BulkRowStatus.Rejected),
            results));
    }

    /// <summary>
    /// The rows bound to requests (or a row-level error), from a JSON array or a CSV; or a 400/415 for the whole body.
    /// A JSON body is parsed once, straight from the request stream into a pooled <see cref="JsonDocument"/>, and each
    /// row bound from its element: no copy of the body as a string and no intermediate node tree.
    /// </summary>
    private static async Task<(List<(EnrolParticipantRequest? Request, Dictionary<string, string[]>? Errors)>? Rows, ValidationProblem? Invalid, ProblemHttpResult? Unsupported)> ReadRowsAsync(
        HttpRequest http, CancellationToken ct)
    {
        var mediaType = http.ContentType is { } type ? type.Split(';')[0].Trim().ToLowerInvariant() : "";
        switch (mediaType)
        {
            case "text/csv":
                using (var reader = new StreamReader(http.Body, Encoding.UTF8))
                {
                    if (!CsvEnrolmentReader.TryRead(await reader.ReadToEndAsync(ct), out var csvRows, out var csvError))
                        return (null, TypedResults.ValidationProblem(csvError!), null);
                    return (csvRows.Select(r => r.Errors is not null ? (null, r.Errors) : Bind(JsonSerializer.SerializeToElement(r.Value, Json))).ToList(), null, null);
                }
            case "application/json":
                JsonDocument body;
                try
                {
                    body = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
                }
                catch (JsonException)
                {
                    return (null, Invalid("rows", "The body is not valid JSON."), null);
                }
                using (body)
                {
                    if (body.RootElement.ValueKind != JsonValueKind.Array)
                        return (null, Invalid("rows", "The body must be a JSON array of enrolments."), null);
                    var rows = new List<(EnrolParticipantRequest?, Dictionary<string, string[]>?)>(body.RootElement.GetArrayLength());
                    foreach (var element in body.RootElement.EnumerateArray())
                        rows.Add(Bind(element));
                    return (rows, null, null);
                }
            default:
                return (null, null, TypedResults.Problem(title: "Send application/json (an array) or text/csv.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType));
        }
    }

    /// <summary>One row bound and checked like the body of a single enrolment: the same JSON conventions, the same DataAnnotations.</summary>
    private static (EnrolParticipantRequest? Request, Dictionary<string, string[]>? Errors) Bind(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return (null, new() { ["row"] = ["Each row must be an enrolment object."] });
        EnrolParticipantRequest? request;
        try
        {
            request = value.Deserialize<EnrolParticipantRequest>(Json);
        }
        catch (JsonException ex)
        {
            // The path names the field (never the value): "$.gender" → "gender".
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "row";
            return (null, new() { [field] = ["Not a valid value for this field."] });
        }
        if (request is null)
            return (null, new() { ["row"] = ["Each row must be an enrolment object."] });

        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
            return (request, null);
        return (null, results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("row").Select(m => (Field: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid.").ToArray()));
    }
}
