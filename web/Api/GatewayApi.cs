using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Web.Api;

/// <summary>
/// The platform's APIs as the signed-in person may use them: every call goes to the gateway with their access token
/// (<see cref="UserTokenHandler"/>), and every answer comes back as a value or an <see cref="ApiProblem"/>, never an
/// exception a page would have to catch. The UI has no other way to data: no database, no service called directly.
/// </summary>
public sealed class GatewayApi(HttpClient http, ILogger<GatewayApi> log)
{
    internal static readonly JsonSerializerOptions Json = JsonConventions.Create();

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Get, path, content: null, ifMatch: null, ct);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, body.GetType(), options: Json), ifMatch: null, ct);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, string? ifMatch = null, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, body.GetType(), options: Json), ifMatch, ct);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Delete, path, content: null, ifMatch: null, ct);

    /// <summary>A body the caller made (CSV for a bulk enrolment).</summary>
    public Task<ApiResult<T>> PostContentAsync<T>(string path, HttpContent content, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, path, content, ifMatch: null, ct);

    /// <summary>A file from the API (a report as CSV or XLSX, a record's export), or the problem.</summary>
    public async Task<ApiResult<ApiFile>> DownloadAsync(string path, CancellationToken ct = default)
    {
        try
        {
            using var response = await http.GetAsync(path, ct);
            if (!response.IsSuccessStatusCode)
                return ApiProblem.From(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var type = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
            return new ApiResult<ApiFile>(new ApiFile(bytes, type, name), null);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "The gateway did not answer GET {Path}", path);
            return ApiProblem.Unreachable();
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, HttpContent? content, string? ifMatch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (ifMatch is not null)
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        try
        {
            using var response = await http.SendAsync(request, ct);
            var etag = response.Headers.ETag?.ToString();
            if (!response.IsSuccessStatusCode)
                return new ApiResult<T>(default, ApiProblem.From(response.StatusCode, await response.Content.ReadAsStringAsync(ct)), etag);
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                return new ApiResult<T>(default, null, etag);
            var value = await response.Content.ReadFromJsonAsync<T>(Json, ct);
            return new ApiResult<T>(value, null, etag);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "The gateway did not answer {Method} {Path}", method, path);
            return ApiProblem.Unreachable();
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "The gateway timed out on {Method} {Path}", method, path);
            return ApiProblem.Unreachable();
        }
    }
}

public sealed record ApiFile(byte[] Content, string ContentType, string? FileName);
