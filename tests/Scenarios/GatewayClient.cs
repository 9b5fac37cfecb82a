using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Scenarios;

/// <summary>A bearer token for a role acting for an agency (actor id); the source caches and renews it.</summary>
public delegate Task<string> TokenSource(string role, Guid agency);

/// <summary>A response read to the end: status and JSON body (default when empty or not JSON).</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, string Text)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public Guid Id => Body.GetProperty("id").GetGuid();

    /// <summary>The field names of a validation problem's <c>errors</c>, and a problem's <c>field</c>.</summary>
    public IReadOnlyList<string> ProblemFields()
    {
        var fields = new List<string>();
        if (Body.ValueKind != JsonValueKind.Object) return fields;
        if (Body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            fields.AddRange(errors.EnumerateObject().Select(e => e.Name));
        if (Body.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String)
            fields.Add(field.GetString()!);
        return fields;
    }

    public override string ToString() => $"{(int)Status} {Status}: {(Text.Length > 600 ? Text[..600] + "…" : Text)}";
}

/// <summary>
/// The gateway as one agency's staff would call it: one token per role and agency, the platform's JSON
/// conventions, and a few retries for what a busy platform answers (429, 502–504, a dropped connection).
/// </summary>
public sealed class GatewayClient(HttpClient http, TokenSource tokens) : IDisposable
{
    public static readonly JsonSerializerOptions Json = JsonConventions.Create();

    public Uri? BaseAddress => http.BaseAddress;

    public Task<ApiResponse> GetAsync(string path, string role, Guid agency, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, path, null, role, agency, ct);

    public Task<ApiResponse> PostAsync(string path, object body, string role, Guid agency, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, body, role, agency, ct);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, string role, Guid agency, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens(role, agency));
            if (body is not null)
                request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            try
            {
                using var response = await http.SendAsync(request, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (attempt < 6 && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? Backoff(attempt), ct);
                    continue;
                }
                return new ApiResponse(response.StatusCode, Parse(text), text);
            }
            catch (HttpRequestException) when (attempt < 6)
            {
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));

    private static JsonElement Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { return default; }
    }

    public void Dispose() => http.Dispose();
}
