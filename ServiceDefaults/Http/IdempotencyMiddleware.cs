using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// <see cref="Idempotency"/> for a service's API: a POST to <c>/api/…</c> with an <c>Idempotency-Key</c> claims the
/// key in the service's database before it runs (an INSERT that only one of two concurrent requests wins), keeps the
/// answer when it is done, and replays it to every retry.
/// </summary>
internal sealed class IdempotencyMiddleware<TDbContext>(RequestDelegate next) where TDbContext : DbContext
{
    public async Task InvokeAsync(HttpContext http, TDbContext db)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api")
            || !http.Request.Headers.TryGetValue(Idempotency.HeaderName, out var values))
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > Idempotency.MaxKeyLength)
        {
            await Problem(http, StatusCodes.Status400BadRequest, "The Idempotency-Key header is not valid.",
                $"Send one key of 1 to {Idempotency.MaxKeyLength} characters (a UUID will do).", field: Idempotency.HeaderName);
            return;
        }

        var aborted = http.RequestAborted;
        var scope = Idempotency.ScopeOf(http.User);
        var fingerprint = await Idempotency.FingerprintAsync(http.Request, aborted);
        var now = DateTimeOffset.UtcNow;
        var expired = now - Idempotency.Lifetime;
        var abandoned = now - Idempotency.Abandoned;
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE created_at < {expired} OR (scope = {scope} AND key = {key} AND status IS NULL AND created_at < {abandoned})",
            aborted);
        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES ({scope}, {key}, {fingerprint}, {now}) ON CONFLICT DO NOTHING",
            aborted);
        if (claimed == 0)
        {
            await AnswerFromStoreAsync(http, db, scope, key, fingerprint);
            return;
        }

        await RunAndKeepAsync(http, db, scope, key);
    }

    private async Task RunAndKeepAsync(HttpContext http, TDbContext db, string scope, string key)
    {
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        catch
        {
            await ReleaseAsync(db, scope, key);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        // Not CancellationToken of the request: the answer is kept even if the client has gone (the retry wants it).
        if (status >= 500)
            await ReleaseAsync(db, scope, key);
        else
            await db.Database.ExecuteSqlAsync(
                $"UPDATE idempotency_keys SET status = {status}, headers = {Idempotency.SerializeHeaders(http.Response.Headers)}, body = {captured.ToArray()} WHERE scope = {scope} AND key = {key}");

        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }

    private static Task ReleaseAsync(TDbContext db, string scope, string key) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM idempotency_keys WHERE scope = {scope} AND key = {key} AND status IS NULL");

    private static async Task AnswerFromStoreAsync(HttpContext http, TDbContext db, string scope, string key, byte[] fingerprint)
    {
        var stored = await db.Database
            .SqlQuery<StoredAnswer>($"SELECT fingerprint AS \"Fingerprint\", status AS \"Status\", headers AS \"Headers\", body AS \"Body\" FROM idempotency_keys WHERE scope = {scope} AND key = {key}")
            .SingleOrDefaultAsync(http.RequestAborted);
        if (stored is null || stored.Status is null)
        {
            await Problem(http, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still running.",
                "Retry after a moment: you will then get its answer.");
            return;
        }
        if (!stored.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            await Problem(http, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for another request.",
                "A key may be reused only for a retry of the same request (same path and body). Use a new key for a new request.",
                field: Idempotency.HeaderName);
            return;
        }

        http.Response.StatusCode = stored.Status.Value;
        foreach (var (name, value) in Idempotency.DeserializeHeaders(stored.Headers))
            http.Response.Headers[name] = value;
        http.Response.Headers[Idempotency.ReplayedHeader] = "true";
        if (stored.Body is { Length: > 0 } body)
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    private static Task Problem(HttpContext http, int status, string title, string detail, string? field = null)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
            {
                Status = status, Title = title, Detail = detail,
            };
        return Results.Problem(problem).ExecuteAsync(http);
    }

    private sealed class StoredAnswer
    {
        public byte[] Fingerprint { get; set; } = [];
        public int? Status { get; set; }
        public string? Headers { get; set; }
        public byte[]? Body { get; set; }
    }
}
