using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samverkan.Testing;

/// <summary>One request as the receiver got it: the three headers and the raw body, byte for byte.</summary>
public sealed record ReceivedRequest(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At);

/// <summary>
/// A real HTTP receiver: Kestrel on a free loopback port. Each path <c>/{name}</c> is one endpoint whose answer to its
/// n-th request (1-based) the test decides: a status code, after a delay if it should be slow.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<int, (int Status, TimeSpan Delay)>> _behaviour = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedRequest>> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/{name}", receiver.HandleAsync);
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    /// <summary>A new endpoint path answering as <paramref name="behaviour"/> says (default: 204 at once); its URL.</summary>
    public string Endpoint(Func<int, (int Status, TimeSpan Delay)>? behaviour = null)
    {
        var name = $"hook-{Guid.NewGuid():N}";
        _behaviour[name] = behaviour ?? (_ => (204, TimeSpan.Zero));
        _received[name] = new();
        return new Uri(BaseAddress, name).ToString();
    }

    public IReadOnlyList<ReceivedRequest> Received(string url) => [.. _received[new Uri(url).AbsolutePath.TrimStart('/')]];

    private async Task<IResult> HandleAsync(string name, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var queue = _received[name];
        queue.Enqueue(new ReceivedRequest(request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow));
        var (status, delay) = _behaviour[name](queue.Count);
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        return Results.StatusCode(status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
