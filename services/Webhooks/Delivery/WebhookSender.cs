using System.Net;
using System.Net.Sockets;
using System.Text;
using Samverkan.Webhooks.Model;

namespace Samverkan.Webhooks.Delivery;

/// <summary>The outcome of one attempt: a status code when the endpoint answered, and what went wrong when it failed.</summary>
public sealed record AttemptResult(bool Success, int? StatusCode, string? Error);

/// <summary>
/// Sends one delivery: a POST of the stored body with the Standard Webhooks headers. Its own HttpClient, not the
/// platform's resilient default: retries here are the delivery schedule's, not Polly's, and the connection goes only to
/// addresses <see cref="EndpointAddress"/> allows (checked after DNS, when connecting). Redirects are not followed, so
/// a public endpoint cannot bounce the platform into an internal one.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public WebhookSender(EndpointAddress policy, TimeSpan timeout)
    {
        _timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2), // names are resolved (and checked) again now and then
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                var allowed = addresses.Where(policy.MayConnect).ToArray();
                if (allowed.Length == 0)
                    throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to no address the platform may send to.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Samverkan-Webhooks/1.0");
    }

    public async Task<AttemptResult> SendAsync(string url, string messageId, IReadOnlyList<string> secrets, string body, DateTimeOffset now, CancellationToken ct)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, messageId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets, messageId, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new AttemptResult(true, status, null)
                : new AttemptResult(false, status, $"The endpoint answered {status} {response.ReasonPhrase}.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(false, null, $"No answer within {_timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(false, null, $"Could not connect: {e.Message}");
        }
    }

    public void Dispose() => _http.Dispose();
}
