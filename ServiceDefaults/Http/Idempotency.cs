using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.ServiceDefaults.Http;

/// <summary>
/// Safe retries of POSTs (IETF draft-ietf-httpapi-idempotency-key-header): a client that sends
/// <c>Idempotency-Key</c> and retries with the same key and body within <see cref="Lifetime"/> gets the first answer
/// again (status, the headers that matter, body; marked <c>Idempotent-Replayed: true</c>) and nothing happens twice.
/// The same key with another body is 422; a retry while the first is still running is 409. Keys are scoped to the
/// caller's agency and client (or person), so two agencies' keys never meet. The answers live in the service's own
/// database (table <see cref="Table"/>), next to the state they describe. Answers 5xx are not kept: the retry runs.
/// </summary>
public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A first request this old that never finished died with its process; its key may be used again.</summary>
    internal static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(5);

    internal const string Table = "idempotency_keys";

    /// <summary>The headers replayed with the body: what a client acts on after a create.</summary>
    internal static readonly string[] KeptHeaders = ["Content-Type", "Location", "ETag", "Deprecation", "Sunset", "Link"];

    /// <summary>
    /// Created by the set-up run with the rest of the database (<see cref="ServiceSetup"/>). Not in each service's
    /// migrations: the table is this mechanism's, the same in every service, and its rows are disposable.
    /// </summary>
    internal static Task EnsureTableAsync(DbContext db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync($"""
            CREATE TABLE IF NOT EXISTS {Table} (
                scope text NOT NULL,
                key text NOT NULL,
                fingerprint bytea NOT NULL,
                created_at timestamptz NOT NULL,
                status integer NULL,
                headers text NULL,
                body bytea NULL,
                PRIMARY KEY (scope, key));
            CREATE INDEX IF NOT EXISTS ix_{Table}_created_at ON {Table} (created_at);
            """, cancellationToken);

    internal static IApplicationBuilder UseIdempotency<TDbContext>(this IApplicationBuilder app) where TDbContext : DbContext =>
        app.UseMiddleware<IdempotencyMiddleware<TDbContext>>();

    internal static string ScopeOf(ClaimsPrincipal user) =>
        $"{user.FindFirst(SamverkanClaims.Agency)?.Value ?? "-"}/{user.FindFirst("client_id")?.Value ?? user.FindFirst("sub")?.Value ?? "anonymous"}";

    /// <summary>What "the same request" means: method, path and query, and the body's bytes.</summary>
    internal static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    internal static string SerializeHeaders(IHeaderDictionary headers) =>
        JsonSerializer.Serialize(KeptHeaders.Where(headers.ContainsKey).ToDictionary(h => h, h => headers[h].ToString()));

    internal static Dictionary<string, string> DeserializeHeaders(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
